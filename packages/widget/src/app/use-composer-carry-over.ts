import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';

/** What the visitor had typed into the composer, and whether it had the focus. */
export interface CarriedOver {
  message: string;
  focus: boolean;
}

/**
 * The composer shows while the configuration is on its way; when nobody turns out to be online, the
 * leave-a-message form takes its place. What the visitor already typed there (and the focus) moves into
 * the form instead of being lost: read during the render that swaps them, while the composer is still in
 * the DOM, and kept once it is gone.
 */
export function useComposerCarryOver(
  composerRef: RefObject<HTMLTextAreaElement>,
  replacing: boolean,
): CarriedOver {
  const carried = useRef<CarriedOver>({ message: '', focus: false });
  const composer = composerRef.current;
  if (replacing && composer) {
    const root = composer.getRootNode() as Document | ShadowRoot;
    carried.current = { message: composer.value, focus: root.activeElement === composer };
  }
  return carried.current;
}
