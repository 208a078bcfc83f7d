import type { Locale } from '@sapa/protocol';
import { configure, within } from '@testing-library/dom';
import axe from 'axe-core';
import { type ComponentChildren, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';
import { createI18n } from '../i18n/create-i18n.js';
import { I18nProvider } from '../i18n/I18nProvider.js';

// Components and Testing Library must share one preact instance. Rendering with the preact Vite resolved for
// the components (rather than @testing-library/preact's own import, which Node resolves separately unless the
// project inlines it) keeps hooks on the same copy; events are wrapped in act() so updates flush before asserts.
configure({
  eventWrapper: (callback) => {
    let result: unknown;
    act(() => {
      result = callback();
    });
    return result;
  },
});

const mounted: HTMLElement[] = [];

afterEach(() => {
  for (const container of mounted.splice(0)) {
    act(() => render(null, container));
    container.remove();
  }
});

/** Renders `ui` with the widget's strings in `locale`, inside the themed root the styles expect. */
export function renderWithI18n(ui: ComponentChildren, locale: Locale = 'en') {
  const i18n = createI18n({ locale });
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  const draw = (next: ComponentChildren) =>
    act(() =>
      render(
        <I18nProvider i18n={i18n}>
          <div class="sapa-root">{next}</div>
        </I18nProvider>,
        container,
      ),
    );
  draw(ui);
  return { container, i18n, rerender: draw, ...within(container) };
}

/**
 * axe-core violations in `container`. Rules that need layout (contrast, target size) cannot run in
 * happy-dom; contrast is checked by hand in docs/accessibility.md.
 */
export async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, {
    rules: {
      'color-contrast': { enabled: false },
      'target-size': { enabled: false },
      region: { enabled: false },
    },
  });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`,
  );
}
