import type { WidgetOptions, WidgetTheme } from '../options.js';

/**
 * Options written as `data-*` attributes on the loader's own script tag:
 * `data-site-key`, `data-api-url` (default: the script's origin), `data-locale`, `data-accent-color`,
 * `data-position`, `data-mode`, `data-z-index`, `data-sound`.
 */
export function readScriptOptions(script: HTMLScriptElement | null): Partial<WidgetOptions> {
  if (!script) return {};
  // Values are passed on as given; `init` and the app check them like any other options.
  const { siteKey, apiUrl, locale, sound, accentColor, position, mode, zIndex } = script.dataset;
  return {
    siteKey: siteKey as string,
    apiUrl: apiUrl || new URL(script.src).origin,
    locale: locale as string,
    sound: sound === 'true',
    theme: { accentColor, position, mode, zIndex: zIndex ? +zIndex : undefined } as WidgetTheme,
  };
}
