import type { Message } from '@sapa/protocol';
import type { AgentVisitorSummary } from '../../agent-types.js';
import { authorLabel } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { safeHttpUrl } from '../../safe-url.js';
import { IsolatedText } from '../IsolatedText.js';
import { LinkedText } from '../LinkedText.js';

export interface MessageItemProps {
  message: Message;
  visitor: Pick<AgentVisitorSummary, 'id' | 'name'>;
  /** Base for relative attachment URLs: the server's origin. */
  apiUrl: string;
  /** The visitor has read up to this seq. */
  visitorReadSeq: number;
  now?: Date;
}

/** One message of a conversation, whoever wrote it; system events as a centred line. */
export function MessageItem({ message, visitor, apiUrl, visitorReadSeq, now }: MessageItemProps) {
  const { t, format } = useI18n();
  const time = (
    <time dateTime={message.createdAt} title={format.dateTime(message.createdAt)}>
      {format.time(message.createdAt, now)}
    </time>
  );
  if (message.type === 'event') {
    return (
      <li class="message message--event" data-seq={message.seq}>
        <span>
          <IsolatedText text={message.text ?? ''} />
        </span>{' '}
        {time}
      </li>
    );
  }
  const role = message.author.role;
  const author = authorLabel(message.author, visitor, t);
  const seenByVisitor = role !== 'visitor' && message.seq <= visitorReadSeq;
  return (
    <li class={`message message--${role}`} data-seq={message.seq}>
      <div class="message__meta">
        <span class="message__author">
          <bdi>{author}</bdi>
        </span>{' '}
        {time}
        {seenByVisitor ? <span class="message__seen"> · {t('message.seen')}</span> : null}
      </div>
      <div class="message__body">
        {message.text ? (
          <p class="message__text">
            <LinkedText text={message.text} />
          </p>
        ) : null}
        {message.card ? <CardView card={message.card} /> : null}
        {message.attachments?.length ? (
          <ul class="message__attachments" aria-label={t('message.attachments')}>
            {message.attachments.map((attachment) => {
              const url = safeHttpUrl(attachment.url, apiUrl);
              const label = (
                <>
                  <IsolatedText text={attachment.name} /> ({format.bytes(attachment.size)})
                </>
              );
              return (
                <li key={attachment.id}>
                  {url ? (
                    <a href={url} target="_blank" rel="noopener noreferrer">
                      {label}
                    </a>
                  ) : (
                    label
                  )}
                </li>
              );
            })}
          </ul>
        ) : null}
        {message.actions?.length ? (
          <ul class="message__actions" aria-label={t('message.quickReplies')}>
            {message.actions.map((action, index) => {
              const url = action.type === 'link' ? safeHttpUrl(action.url) : undefined;
              return (
                <li key={index} class="chip">
                  {url ? (
                    <a href={url} target="_blank" rel="noopener noreferrer nofollow ugc">
                      <IsolatedText text={action.label} />
                    </a>
                  ) : (
                    <IsolatedText text={action.label} />
                  )}
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </li>
  );
}

function CardView({ card }: { card: NonNullable<Message['card']> }) {
  const imageUrl = safeHttpUrl(card.imageUrl);
  const url = safeHttpUrl(card.url);
  return (
    <div class="card">
      {imageUrl ? <img class="card__image" src={imageUrl} alt="" loading="lazy" /> : null}
      <p class="card__title">
        <IsolatedText text={card.title} />
      </p>
      {card.text ? (
        <p class="card__text">
          <IsolatedText text={card.text} />
        </p>
      ) : null}
      {url ? (
        <a href={url} target="_blank" rel="noopener noreferrer nofollow ugc">
          <IsolatedText text={url} />
        </a>
      ) : null}
    </div>
  );
}
