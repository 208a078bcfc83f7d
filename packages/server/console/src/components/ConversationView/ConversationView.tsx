import type { Ref } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AgentConversation } from '../../agent-types.js';
import type { ConversationMessages } from '../../console-state.js';
import { visitorLabel, wantsHuman } from '../../format.js';
import { describeError } from '../../i18n/describe-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Interpolated } from '../../i18n/Interpolated.js';
import { type ComposedReply, Composer } from '../Composer/Composer.js';
import { STATUS_LABELS } from '../ConversationList/ConversationList.js';
import { FeedbackList } from '../FeedbackList/FeedbackList.js';
import { IsolatedText } from '../IsolatedText.js';
import { MessageItem } from '../MessageItem/MessageItem.js';
import { ReferenceTag } from '../ReferenceTag/ReferenceTag.js';

export interface ConversationViewProps {
  conversation: AgentConversation;
  /** Undefined while the first page loads. */
  messages?: ConversationMessages;
  visitorTyping: boolean;
  apiUrl: string;
  onLoadOlder: () => Promise<void>;
  onResolve: () => Promise<void>;
  onReopen: () => Promise<void>;
  onSend: (reply: ComposedReply) => Promise<void>;
  onInput?: (hasText: boolean) => void;
  composerRef?: Ref<HTMLTextAreaElement>;
  now?: Date;
}

/** One conversation: its messages, the visitor's typing, resolve or reopen, and the reply form. */
export function ConversationView({
  conversation,
  messages,
  visitorTyping,
  apiUrl,
  onLoadOlder,
  onResolve,
  onReopen,
  onSend,
  onInput,
  composerRef,
  now,
}: ConversationViewProps) {
  const logRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const { t } = useI18n();
  const name = visitorLabel(conversation.visitor, t);
  const items = messages?.items ?? [];
  const firstSeq = items[0]?.seq;
  const lastSeq = items[items.length - 1]?.seq;
  const previousFirstSeq = useRef(firstSeq);
  const previousHeight = useRef(0);

  // New messages at the bottom keep the view at the bottom if it was there; older ones loaded at
  // the top keep what the agent was reading in place.
  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log) return;
    if (
      previousFirstSeq.current !== undefined &&
      firstSeq !== undefined &&
      firstSeq < previousFirstSeq.current
    ) {
      log.scrollTop += log.scrollHeight - previousHeight.current;
    } else if (stickToBottom.current) {
      log.scrollTop = log.scrollHeight;
    }
    previousFirstSeq.current = firstSeq;
    previousHeight.current = log.scrollHeight;
  }, [firstSeq, lastSeq, conversation.id]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const resolved = conversation.status === 'resolved';
  return (
    <section class="thread" aria-labelledby="thread-heading">
      <header class="thread__header">
        <h2 id="thread-heading">
          <bdi>{name}</bdi>
        </h2>
        <span class={`badge badge--${conversation.status}`}>{t(STATUS_LABELS[conversation.status])}</span>
        {wantsHuman(conversation) ? <span class="badge badge--handover">{t('inbox.wantsHuman')}</span> : null}
        {conversation.assignee ? (
          <span class="muted">
            <Interpolated
              text={t('thread.assignedTo')}
              values={{ name: <IsolatedText text={conversation.assignee.name ?? t('thread.anAgent')} /> }}
            />
          </span>
        ) : null}
        {conversation.reference ? <ReferenceTag reference={conversation.reference} /> : null}
        <span class="spacer" />
        {resolved ? (
          <button type="button" disabled={busy} onClick={() => run(onReopen)}>
            {t('thread.reopen')}
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => run(onResolve)}>
            {t('thread.resolve')}
          </button>
        )}
      </header>
      <FeedbackList conversation={conversation} />
      {error ? (
        <p class="thread__error" role="alert">
          {error}
        </p>
      ) : null}
      {messages?.hasMore ? (
        <button
          type="button"
          class="thread__older"
          disabled={busy}
          onClick={async () => {
            await run(onLoadOlder);
            // When the oldest page arrived the button is gone: keep focus in the conversation.
            requestAnimationFrame(() => {
              if (document.activeElement === document.body) logRef.current?.focus();
            });
          }}
        >
          {t('thread.loadOlder')}
        </button>
      ) : null}
      <div
        ref={logRef}
        class="thread__messages"
        role="log"
        aria-live="polite"
        aria-label={t('thread.messagesLabel', { name })}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable log must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
        onScroll={(event) => {
          const log = event.currentTarget;
          stickToBottom.current = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
        }}
      >
        {!messages?.loaded ? <p class="muted">{t('thread.loading')}</p> : null}
        {messages?.loaded && items.length === 0 ? <p class="muted">{t('thread.empty')}</p> : null}
        <ol class="thread__list">
          {items.map((message) => (
            <MessageItem
              key={message.seq}
              message={message}
              visitor={conversation.visitor}
              apiUrl={apiUrl}
              visitorReadSeq={conversation.visitorReadSeq}
              now={now}
            />
          ))}
        </ol>
      </div>
      <p class="thread__typing" aria-live="polite">
        {visitorTyping ? t('thread.typing', { name }) : ''}
      </p>
      <Composer onSend={onSend} onInput={onInput} textareaRef={composerRef} />
    </section>
  );
}
