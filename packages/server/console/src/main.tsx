import { render } from 'preact';

function Console() {
  return <main>Sapa console</main>;
}

const root = document.getElementById('app');
if (root) render(<Console />, root);
