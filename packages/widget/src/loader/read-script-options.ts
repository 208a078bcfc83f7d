import type { WidgetOptions, WidgetTheme } from '../options.js';

/**
 * Options written as `data-*` attributes on the loader's own script tag:
 * `data-site-key`, `data-api-url` (default: the script's origin), `data-locale`, `data-accent-color`,
 * `data-position`, `data-mode`, `data-z-index`, `data-sound`.
 */
export function readScriptOptions(script: HTMLScriptElement | null): Partial<WidgetOptions> {
  if (!script) return {};
  const data = script.dataset;
  const theme: WidgetTheme = {};
  if (data.accentColor) theme.accentColor = data.accentColor;
  if (data.position === 'left' || data.position === 'right') theme.position = data.position;
  if (data.mode === 'light' || data.mode === 'dark' || data.mode === 'auto') theme.mode = data.mode;
  if (data.zIndex) theme.zIndex = Number(data.zIndex);
  const options: Partial<WidgetOptions> = { theme };
  if (data.siteKey) options.siteKey = data.siteKey;
  options.apiUrl = data.apiUrl || new URL(script.src).origin;
  if (data.locale) options.locale = data.locale;
  if (data.sound === 'true') options.sound = true;
  return options;
}
