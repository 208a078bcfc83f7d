/** Rendering for the console's component tests, in either language. */
import { render } from '@testing-library/preact';
import type { ComponentChild } from 'preact';
import type { ConsoleLocale } from './i18n/console-i18n.js';
import { I18nProvider } from './i18n/I18nProvider.js';

/** Renders `ui` as the console shows it in `locale`. */
export function renderIn(locale: ConsoleLocale, ui: ComponentChild) {
  const wrap = (child: ComponentChild) => <I18nProvider locale={locale}>{child}</I18nProvider>;
  const result = render(wrap(ui));
  return { ...result, rerender: (next: ComponentChild) => result.rerender(wrap(next)) };
}
