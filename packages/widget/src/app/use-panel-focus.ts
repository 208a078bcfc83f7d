import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Opening the panel focuses the composer (the visitor came to write) in the same task as the render that
 * shows it, not after the next paint; when the composer shows only later (the screen before it was a form
 * or the error), it takes the focus then. Closing returns the focus to the launcher (WCAG 2.4.3).
 */
export function usePanelFocus(
  open: boolean,
  launcherRef: RefObject<HTMLButtonElement>,
  composerRef: RefObject<HTMLTextAreaElement>,
): void {
  const wasOpen = useRef(open);
  const focusComposer = useRef(open);
  useLayoutEffect(() => {
    if (open && !wasOpen.current) focusComposer.current = true;
    if (!open && wasOpen.current) launcherRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  // After every render: the composer may have just appeared.
  useLayoutEffect(() => {
    if (!open || !focusComposer.current || !composerRef.current) return;
    // The panel is fixed and the composer always in view: scrolling it into view would only force a layout.
    composerRef.current.focus({ preventScroll: true });
    focusComposer.current = false;
  });
}
