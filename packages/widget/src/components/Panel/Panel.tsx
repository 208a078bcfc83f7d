import type { ComponentChildren, JSX, Ref } from 'preact';

/** Props of {@link Panel}. */
export interface PanelProps {
  /** The site name: the dialog's accessible name. */
  title: string;
  children?: ComponentChildren;
  /** The shell handles Esc here (close and return focus to the launcher). */
  onKeyDown?: (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => void;
  panelRef?: Ref<HTMLDivElement>;
  /**
   * The visible part of the page (above an on-screen keyboard); full screen, the panel fits into it so
   * the composer stays in sight.
   */
  visibleArea?: { height: number; top: number } | undefined;
}

/**
 * The chat window: a non-modal dialog named by the site name, so the host page stays usable beside it.
 * Full screen under 480 px (see styles).
 */
export function Panel({ title, children, onKeyDown, panelRef, visibleArea }: PanelProps) {
  return (
    <div
      ref={panelRef}
      class="sapa-floating sapa-panel"
      role="dialog"
      aria-modal="false"
      aria-label={title}
      onKeyDown={onKeyDown}
      style={
        visibleArea && {
          '--sapa-visible-height': `${visibleArea.height}px`,
          '--sapa-visible-top': `${visibleArea.top}px`,
        }
      }
    >
      {children}
    </div>
  );
}
