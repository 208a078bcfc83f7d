import type { Action } from '@sapa/protocol';
import type { ClientMessage } from '@sapa/sdk';
import type { ComponentChildren } from 'preact';
import { formatTime } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Avatar } from '../Avatar/Avatar.js';
import { MessageText } from '../MessageText/MessageText.js';
import { OnDemandAttachment, OnDemandCardMessage } from '../message-parts.js';
import { QuickReplies } from '../QuickReplies/QuickReplies.js';
import { BIDI_OVERRIDES, revealBidi } from '../reveal-bidi.js';

/** Props of {@link MessageBubble}. */
export interface MessageBubbleProps {
  message: ClientMessage;
  /** Show the author's name and avatar (first message of a run from the same author). Default true. */
  showAuthor?: boolean;
  /** The team has read this own message: shows "Seen". */
  seen?: boolean;
  /** Show the message's actions (usually only on the last message). Default true. */
  showActions?: boolean;
  onRetry?: (message: ClientMessage) => void;
  onAction?: (action: Extract<Action, { type: 'reply' }>) => void;
  /**
   * Draws the answers of a survey question (`message.survey`, e.g. the NPS scale) in place of its replies;
   * undefined (or nothing drawn) shows the replies, which answer the same way.
   */
  renderSurvey?: (message: ClientMessage) => ComponentChildren;
}

/**
 * One message. The visitor's own messages sit on the far side with their delivery state (sending, sent,
 * failed with Retry, seen); messages from agents and the bot carry name and avatar; system events are a
 * centered line.
 */
export function MessageBubble({
  message,
  showAuthor = true,
  seen = false,
  showActions = true,
  onRetry,
  onAction,
  renderSurvey,
}: MessageBubbleProps) {
  const { t, locale } = useI18n();
  const role = message.author.role;
  if (message.type === 'event' || role === 'system') {
    return <p class="sapa-event">{revealBidi(message.text ?? '', BIDI_OVERRIDES)}</p>;
  }
  const own = role === 'visitor';
  const name = own
    ? t('message.you')
    : revealBidi(message.author.name ?? t(role === 'bot' ? 'message.bot' : 'message.agent'));
  return (
    <article class={`sapa-message sapa-message-${own ? 'own' : 'other'}`} data-delivery={message.delivery}>
      {!own && showAuthor && <Avatar participant={message.author} />}
      <div class="sapa-message-body">
        <p class={showAuthor && !own ? 'sapa-author' : 'sapa-visually-hidden'}>{name}</p>
        <div class="sapa-bubble">
          {/* Until their code is there, a card shows its title and a file its name (message-parts.ts). */}
          {message.type === 'card' && message.card && (
            <OnDemandCardMessage
              card={message.card}
              fallback={
                <p class="sapa-card-title">
                  <bdi>{revealBidi(message.card.title)}</bdi>
                </p>
              }
            />
          )}
          {message.attachments?.map((attachment) => (
            <OnDemandAttachment
              key={attachment.id}
              attachment={attachment}
              fallback={
                <p>
                  <bdi>{revealBidi(attachment.name)}</bdi>
                </p>
              }
            />
          ))}
          {message.text && <MessageText text={message.text} />}
        </div>
        <p class="sapa-meta">
          <time dateTime={message.createdAt}>{formatTime(message.createdAt, locale)}</time>
          {own && message.delivery === 'sending' && <span> · {t('message.sending')}</span>}
          {own && message.delivery === 'failed' && (
            <>
              <span class="sapa-error-text"> · {t('message.failed')} </span>
              {onRetry && (
                <button type="button" class="sapa-link-button" onClick={() => onRetry(message)}>
                  {t('message.retry')}
                </button>
              )}
            </>
          )}
          {own && message.delivery !== 'sending' && message.delivery !== 'failed' && (
            <span> · {t(seen ? 'message.seen' : 'message.sent')}</span>
          )}
        </p>
        {showActions &&
          onAction &&
          message.actions &&
          message.actions.length > 0 &&
          ((message.survey && renderSurvey?.(message)) || (
            <QuickReplies actions={message.actions} onReply={onAction} />
          ))}
      </div>
    </article>
  );
}
