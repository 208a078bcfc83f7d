/** The widget's line icons, drawn on a 24 px grid (stroke, caps and joins come from `.sapa-icon` in the styles). */
export const ICON_PATHS = {
  attach: 'M20 11l-8 8a5 5 0 01-7-7l8-8a3.5 3.5 0 015 5l-8 8a2 2 0 01-3-3l7-7',
  back: 'M15 5l-7 7 7 7',
  chat: 'M4 5h16v11H9l-5 4z',
  close: 'M6 6l12 12M18 6L6 18',
  file: 'M6 3h8l4 4v14H6z',
  send: 'M4 12l16-8-6 16-2-6z',
} as const;

/** Props of {@link Icon}. */
export interface IconProps {
  name: keyof typeof ICON_PATHS;
  /** Width and height in CSS pixels. Default 20. */
  size?: number;
  /** Filled with the text color instead of outlined (the send arrow). */
  filled?: boolean;
}

/** A decorative icon: hidden from assistive technology, so the control around it carries the name. */
export function Icon({ name, size = 20, filled }: IconProps) {
  return (
    <svg
      class={filled ? 'sapa-icon sapa-icon-filled' : 'sapa-icon'}
      aria-hidden="true"
      viewBox="0 0 24 24"
      width={size}
      height={size}
    >
      <path d={ICON_PATHS[name]} />
    </svg>
  );
}
