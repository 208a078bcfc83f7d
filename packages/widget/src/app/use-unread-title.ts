import { useEffect } from 'preact/hooks';

/**
 * While `unreadCount` is above 0, prefixes the page title with it, the way a visitor notices a reply in
 * another tab; the page's own title comes back when the count drops to 0 or the widget goes away. The
 * caller passes 0 while the visitor can see the page (`usePageVisible`). Does nothing where
 * there is no document (server rendering).
 */
export function useUnreadTitle(unreadCount: number): void {
  useEffect(() => {
    if (typeof document === 'undefined' || unreadCount <= 0) return;
    const original = document.title;
    document.title = `(${unreadCount}) ${original}`;
    return () => {
      document.title = original;
    };
  }, [unreadCount]);
}
