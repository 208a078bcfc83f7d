import { useEffect } from 'preact/hooks';

/**
 * While the tab is hidden and messages are unread, prefixes the page title with the count, the way a
 * visitor notices a reply in another tab; the page's own title comes back as soon as the tab is visible
 * or the widget goes away. Does nothing where there is no document (server rendering).
 */
export function useUnreadTitle(unreadCount: number): void {
  useEffect(() => {
    if (typeof document === 'undefined' || unreadCount <= 0) return;
    let original: string | undefined;
    const apply = () => {
      if (document.hidden && original === undefined) {
        original = document.title;
        document.title = `(${unreadCount}) ${original}`;
      } else if (!document.hidden) restore();
    };
    const restore = () => {
      if (original !== undefined) document.title = original;
      original = undefined;
    };
    apply();
    document.addEventListener('visibilitychange', apply);
    return () => {
      document.removeEventListener('visibilitychange', apply);
      restore();
    };
  }, [unreadCount]);
}
