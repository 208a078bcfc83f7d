import { describe, expect, it } from 'vitest';
import { forgetToken, TOKEN_STORAGE_KEY, takeToken } from './token.js';

describe('takeToken', () => {
  it('takes the token from the fragment, keeps it for the tab and removes it from the address bar', () => {
    sessionStorage.clear();
    history.replaceState(null, '', '/console/?view=inbox#token=secret-123');
    expect(takeToken(location, sessionStorage, history)).toBe('secret-123');
    expect(location.hash).toBe('');
    expect(location.pathname + location.search).toBe('/console/?view=inbox');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('secret-123');
    // A reload finds it in the tab's storage.
    expect(takeToken(location, sessionStorage, history)).toBe('secret-123');
    forgetToken(sessionStorage);
    expect(takeToken(location, sessionStorage, history)).toBeUndefined();
  });
});
