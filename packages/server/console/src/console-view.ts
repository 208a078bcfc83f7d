import { useEffect, useState } from 'preact/hooks';

/** The console's two views: answering conversations, and how customer care is doing. */
export type ConsoleView = 'inbox' | 'care';

/** The view a URL fragment names: `#care` is the care page, anything else the inbox. */
export function viewFromHash(hash: string): ConsoleView {
  return hash === '#care' ? 'care' : 'inbox';
}

/** The fragment of a view, for its link. */
export function viewHash(view: ConsoleView): string {
  return view === 'care' ? '#care' : '#inbox';
}

/**
 * The view on screen, kept in the URL fragment: links switch it, Back returns to the previous one, and a reload
 * stays where the agent was. (The sign-in token also comes in the fragment, but is removed before this runs.)
 */
export function useConsoleView(): ConsoleView {
  const [view, setView] = useState(() => viewFromHash(location.hash));
  useEffect(() => {
    const onChange = () => setView(viewFromHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return view;
}
