import { render } from 'preact';
import { App } from './App.js';
import { takeToken } from './token.js';
import './styles.css';

const root = document.getElementById('app');
if (root) {
  // The console is served by the server it talks to.
  render(<App apiUrl={location.origin} initialToken={takeToken(location, sessionStorage, history)} />, root);
}
