import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/I18nProvider.js';
import { IsolatedText } from '../IsolatedText.js';

export interface ReferenceTagProps {
  /** The conversation's reference, `SP-7KQ2`. */
  reference: string;
  /** Puts text on the clipboard; `navigator.clipboard.writeText` by default. */
  copy?: (text: string) => Promise<void>;
}

/**
 * A conversation's reference, the one a visitor quotes on WhatsApp or by email: selectable as one piece, and
 * copied with a button, which says (politely, to screen readers too) whether it worked.
 */
export function ReferenceTag({ reference, copy }: ReferenceTagProps) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState('');
  const write = copy ?? ((text: string) => navigator.clipboard.writeText(text));
  return (
    <span class="reference">
      <span class="reference__label">{t('reference.label')}</span>{' '}
      <span class="reference__value">
        <IsolatedText text={reference} />
      </span>{' '}
      <button
        type="button"
        class="reference__copy"
        aria-label={t('reference.copy', { reference })}
        onClick={() =>
          write(reference).then(
            () => setOutcome(t('reference.copied', { reference })),
            () => setOutcome(t('reference.copyFailed')),
          )
        }
      >
        {t('reference.copyShort')}
      </button>
      <span class="reference__outcome" role="status">
        {outcome}
      </span>
    </span>
  );
}
