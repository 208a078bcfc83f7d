import type { Participant } from '@sapa/protocol';
import { useI18n } from '../../i18n/I18nProvider.js';
import { revealBidi } from '../reveal-bidi.js';

/** Props of {@link TypingIndicator}. */
export interface TypingIndicatorProps {
  /** Remote participants typing now; nothing renders when empty. */
  participants: Participant[];
}

/** "Rina is typing…", announced politely; the dots are decoration. Its status region stays mounted. */
export function TypingIndicator({ participants }: TypingIndicatorProps) {
  const { t } = useI18n();
  const first = participants[0];
  return (
    <div class="sapa-typing" role="status">
      {first && (
        <>
          <span class="sapa-typing-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {first.name ? t('typing.one', { name: revealBidi(first.name) }) : t('typing.someone')}
        </>
      )}
    </div>
  );
}
