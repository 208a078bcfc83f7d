import { useEffect, useState } from 'preact/hooks';

const isVisible = () => typeof document === 'undefined' || !document.hidden;

/**
 * Whether the visitor can see the page now. Re-renders on `visibilitychange`, so what depends on it
 * (marking messages read, the unread title) follows the tab coming back without waiting for other news.
 */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(isVisible);
  useEffect(() => {
    if (typeof document === 'undefined') return;
    const update = () => setVisible(isVisible());
    update();
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}
