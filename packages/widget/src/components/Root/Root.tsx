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

/**
 * Black or white, whichever reads better on a hex `color` (WCAG relative luminance); undefined for other
 * color syntaxes, which keep the theme's contrast color.
 */
export function contrastColor(color: string): '#000' | '#fff' | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (!match?.[1]) return undefined;
  const hex = match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join('') : match[1];
  const [red = 0, green = 0, blue = 0] = [0, 2, 4].map((offset) => {
    const channel = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05); they are equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000' : '#fff';
}

/** The element every widget view sits in; carries theme, position and custom properties. */
export function Root({ theme = 'auto', position = 'right', accentColor, zIndex, children }: RootProps) {
  const style: Record<string, string> = {};
  const accent = accentColor?.trim();
  if (accent && PLAIN_COLOR.test(accent)) {
    style['--sapa-accent'] = accent;
    const contrast = contrastColor(accent);
    if (contrast) style['--sapa-accent-contrast'] = contrast;
  }
  if (zIndex !== undefined && Number.isFinite(zIndex)) style['--sapa-z'] = String(Math.trunc(zIndex));
  return (
    <div class="sapa-root" data-theme={theme} data-position={position} style={style}>
      {children}
    </div>
  );
}
