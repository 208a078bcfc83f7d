import type { ComponentChildren, JSX, Ref } from 'preact';

/** Props of {@link Panel}. */
export interface PanelProps {
  /** The site name: the dialog's accessible name. */
  title: string;
  children?: ComponentChildren;
  /** The shell handles Esc here (close and return focus to the launcher). */
  onKeyDown?: (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => void;
  panelRef?: Ref<HTMLDivElement>;
}

/**
 * The chat window: a non-modal dialog named by the site name, so the host page stays usable beside it.
 * Full screen under 480 px (see styles).
 */
export function Panel({ title, children, onKeyDown, panelRef }: PanelProps) {
  return (
    <div
      ref={panelRef}
      class="sapa-panel"
      role="dialog"
      aria-modal="false"
      aria-label={title}
      onKeyDown={onKeyDown}
    >
      {children}
    </div>
  );
}
