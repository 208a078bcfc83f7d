import { type ComponentChildren, type ComponentType, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component whose code is fetched on first use. */
export interface LazyComponent<P> {
  (props: P & { fallback?: ComponentChildren }): ComponentChildren;
  /** Fetches the code ahead of use, e.g. as soon as the state that shows the component arrives. */
  preload(): Promise<void>;
}

/**
 * Keeps a screen the chat does not need up front out of the first download (DESIGN.md, budgets): its code
 * is fetched the first time it renders or is preloaded, and `fallback` stands in until then. Unlike
 * `lazy` from preact/compat it needs no Suspense boundary and no compat layer in the chat's download.
 * A fetch that failed (the visitor went offline) is tried again the next time the component mounts.
 *
 * @example
 * ```tsx
 * const LazyRatingForm = lazyComponent(() => import('./RatingForm.js').then((module) => module.RatingForm));
 * <LazyRatingForm onSubmit={rate} fallback={<p>…</p>} />
 * ```
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => {
        loaded = component;
      },
      () => {
        loading = undefined;
      },
    );
    return loading;
  };

  function Lazy({ fallback = null, ...props }: P & { fallback?: ComponentChildren }): ComponentChildren {
    const [, setReady] = useState(loaded !== undefined);
    useEffect(() => {
      if (loaded) return;
      let mounted = true;
      void preload().then(() => mounted && setReady(loaded !== undefined));
      return () => {
        mounted = false;
      };
    }, []);
    return loaded ? h(loaded, props as P) : fallback;
  }
  Lazy.preload = preload;
  return Lazy;
}
