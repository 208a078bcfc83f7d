import { useEffect, useState } from 'preact/hooks';
import type { CarePage } from './components/Care/CarePage.js';

/**
 * The care page's component, fetched the first time the agent opens the page: its code and styles stay out of
 * the console's first download (most visits are for answering). Undefined until it arrived.
 */
export function useCarePage(wanted: boolean): typeof CarePage | undefined {
  const [page, setPage] = useState<typeof CarePage | undefined>();
  useEffect(() => {
    if (!wanted || page) return;
    let current = true;
    import('./components/Care/CarePage.js').then(
      (module) => {
        if (current) setPage(() => module.CarePage);
      },
      // A chunk that failed to load (a deploy replaced it) is asked for again on the next visit to the page.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, page]);
  return page;
}
