import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from './create-i18n.js';
import { I18nProvider, useI18n, useT } from './I18nProvider.js';

function SendLabel() {
  const t = useT();
  const { locale } = useI18n();
  return (
    <p>
      {t('composer.send')} ({locale})
    </p>
  );
}

const container = document.createElement('div');

afterEach(() => {
  act(() => render(null, container));
});

describe('I18nProvider', () => {
  it('gives components the strings of its instance and re-renders them on a language switch', async () => {
    const i18n = createI18n({ locale: 'en' });
    act(() =>
      render(
        <I18nProvider i18n={i18n}>
          <SendLabel />
        </I18nProvider>,
        container,
      ),
    );
    expect(container.textContent).toBe('Send (en)');
    await act(async () => {
      await i18n.changeLanguage('id');
    });
    expect(container.textContent).toBe('Kirim (id)');
  });

  it('falls back to English without a provider', () => {
    act(() => render(<SendLabel />, container));
    expect(container.textContent).toBe('Send (en)');
  });
});
