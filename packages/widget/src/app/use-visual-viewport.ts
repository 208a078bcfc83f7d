import { useEffect, useState } from 'preact/hooks';

/** The part of the page the visitor sees, in CSS pixels from the top of the layout viewport. */
export interface VisibleArea {
  height: number;
  top: number;
}

/**
 * Follows `window.visualViewport` while `active`: when an on-screen keyboard opens, the visual viewport
 * shrinks but the layout viewport (what `position: fixed; inset: 0` fills) does not, so a full-screen
 * panel sized by CSS alone would keep its composer under the keyboard. Undefined where the API is missing.
 */
export function useVisualViewport(active: boolean): VisibleArea | undefined {
  const [area, setArea] = useState<VisibleArea>();
  useEffect(() => {
    const viewport = typeof window === 'undefined' ? null : window.visualViewport;
    if (!active || !viewport) {
      setArea(undefined);
      return;
    }
    const update = () =>
      setArea((previous) => {
        const next = { height: Math.round(viewport.height), top: Math.round(viewport.offsetTop) };
        return previous?.height === next.height && previous.top === next.top ? previous : next;
      });
    update();
    viewport.addEventListener('resize', update);
    viewport.addEventListener('scroll', update);
    return () => {
      viewport.removeEventListener('resize', update);
      viewport.removeEventListener('scroll', update);
    };
  }, [active]);
  return area;
}
