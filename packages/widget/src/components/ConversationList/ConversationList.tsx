import type { Conversation, Message } from '@sapa/protocol';
import { dayKey, formatDay, formatTime } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';
import { addScreenStyles } from '../../styles/screen-styles.js';
import { BIDI_OVERRIDES, revealBidi } from '../reveal-bidi.js';

// This screen is a chunk of its own and brings its strings with it.
addScreenStrings();
addScreenStyles();

/** Props of {@link ConversationList}. */
export interface ConversationListProps {
  /** Newest first. */
  conversations: Conversation[];
  /** The last message of each conversation, by conversation id, when known. */
  lastMessages?: Record<string, Message | undefined>;
  onSelect(conversationId: string): void;
  onStartNew(): void;
  now?: Date;
}

/** The visitor's past conversations, each with its last message and time, and a way to start a new one. */
export function ConversationList({
  conversations,
  lastMessages = {},
  onSelect,
  onStartNew,
  now,
}: ConversationListProps) {
  const { t, locale } = useI18n();
  const today = now ?? new Date();
  return (
    <section class="sapa-conversations" aria-labelledby="sapa-conversations-title">
      <h3 id="sapa-conversations-title" class="sapa-subtitle">
        {t('conversations.title')}
      </h3>
      {conversations.length === 0 ? (
        <p class="sapa-muted">{t('conversations.empty')}</p>
      ) : (
        <ul class="sapa-conversation-items">
          {conversations.map((conversation) => {
            const last = lastMessages[conversation.id];
            const when = last?.createdAt ?? conversation.updatedAt;
            const time =
              dayKey(when) === dayKey(today) ? formatTime(when, locale) : formatDay(when, locale, today);
            return (
              <li key={conversation.id}>
                <button type="button" class="sapa-conversation" onClick={() => onSelect(conversation.id)}>
                  <span class="sapa-conversation-preview">
                    {last?.author.name && <strong>{revealBidi(last.author.name)}: </strong>}
                    <bdi>
                      {last?.text
                        ? revealBidi(last.text, BIDI_OVERRIDES)
                        : revealBidi(
                            last?.card?.title ??
                              last?.attachments?.[0]?.name ??
                              t('conversations.noMessages'),
                          )}
                    </bdi>
                  </span>
                  <span class="sapa-conversation-meta">
                    <time dateTime={when}>{time}</time>
                    {conversation.status === 'resolved' && <span> · {t('conversations.resolved')}</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" class="sapa-button" onClick={onStartNew}>
        {t('conversations.new')}
      </button>
    </section>
  );
}
