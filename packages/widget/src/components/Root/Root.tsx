import type { ComponentChildren } from 'preact';

/** Props of {@link Root}. */
export interface RootProps {
  /** `auto` follows the visitor's system setting. */
  theme?: 'light' | 'dark' | 'auto';
  position?: 'left' | 'right';
  /** From `theme.accentColor` or `config.accentColor`; ignored unless it is a plain CSS color. */
  accentColor?: string;
  zIndex?: number;
  children?: ComponentChildren;
}

// Only hex, rgb()/hsl() and named colors: a value from the backend must not smuggle other CSS (url(), var(), ;).
const PLAIN_COLOR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%/]+\)|[a-z]{3,20})$/i;

/** The element every widget view sits in; carries theme, position and custom properties. */
export function Root({ theme = 'auto', position = 'right', accentColor, zIndex, children }: RootProps) {
  const style: Record<string, string> = {};
  if (accentColor && PLAIN_COLOR.test(accentColor.trim())) style['--sapa-accent'] = accentColor.trim();
  if (zIndex !== undefined && Number.isFinite(zIndex)) style['--sapa-z'] = String(Math.trunc(zIndex));
  return (
    <div class="sapa-root" data-theme={theme} data-position={position} style={style}>
      {children}
    </div>
  );
}
