/** sessionStorage key of the agent token: gone when the tab closes. */
export const TOKEN_STORAGE_KEY = 'sapa.console.token';

/**
 * Finds the agent token: a `#token=…` fragment wins (and is removed from the address bar and history,
 * so it is not shared by copying the URL), then the tab's sessionStorage.
 */
export function takeToken(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  storage: Storage,
  history: Pick<History, 'replaceState'>,
): string | undefined {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromFragment = fragment.get('token')?.trim();
  if (fromFragment) {
    saveToken(storage, fromFragment);
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return fromFragment;
  }
  try {
    return storage.getItem(TOKEN_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveToken(storage: Storage, token: string): void {
  try {
    storage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Storage may be disabled; the token then lives only as long as the page.
  }
}

export function forgetToken(storage: Storage): void {
  try {
    storage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
