import { useEffect, useState } from 'preact/hooks';

/** The console's two views: answering conversations, and how customer care is doing. */
export type ConsoleView = 'inbox' | 'care';

/**
 * The view a URL fragment names: `#care` the care page, `#inbox` or none the inbox. Any other fragment (the skip
 * link's `#main`) names no view: the one on screen stays.
 */
export function viewFromHash(hash: string): ConsoleView | undefined {
  if (hash === '#care') return 'care';
  if (hash === '' || hash === '#' || hash === '#inbox') return 'inbox';
  return undefined;
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
  const [view, setView] = useState<ConsoleView>(() => viewFromHash(location.hash) ?? 'inbox');
  useEffect(() => {
    const onChange = () => {
      const named = viewFromHash(location.hash);
      if (named) setView(named);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return view;
}
