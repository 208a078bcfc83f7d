import type { Action, Participant } from '@sapa/protocol';
import type { ClientMessage } from '@sapa/sdk';
import { Component, type ComponentChild, type ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { dayKey, formatDay } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { MessageBubble } from '../MessageBubble/MessageBubble.js';
import { TypingIndicator } from '../TypingIndicator/TypingIndicator.js';

/** How many messages are in the DOM at first; "Show older" adds this many more. */
export const MESSAGE_WINDOW = 30;

/** Props of {@link MessageList}. */
export interface MessageListProps {
  /** Ordered by seq, pending ones last (as the SDK keeps them). */
  messages: ClientMessage[];
  /** Remote participants typing now. */
  typing?: Participant[];
  /** Older messages exist on the backend. */
  hasMore?: boolean;
  /** An older page is being fetched. */
  loadingOlder?: boolean;
  /** Fetch an older page (called once every message in memory is shown). */
  onLoadOlder?: () => void;
  /** The highest seq the team has read: own messages up to it show "Seen". */
  agentReadSeq?: number;
  onRetry?: (message: ClientMessage) => void;
  onAction?: (action: Extract<Action, { type: 'reply' }>) => void;
  /** Draws a survey question's answers (see `MessageBubble`). */
  renderSurvey?: (message: ClientMessage) => ComponentChildren;
  /**
   * A line of the widget's own in the log, after the message with this key (`clientMessageId ?? id`): the promise
   * made while nobody is online.
   */
  notice?: { after: string; content: ComponentChildren };
  /** Below the log, in the same scrolling area: a question asked inside the conversation. */
  children?: ComponentChildren;
  /** For "Today"/"Yesterday"; pinned in stories and tests. */
  now?: Date;
}

// Within this many pixels of the bottom counts as "at the latest message".
const NEAR_BOTTOM = 48;
// Scrolled to within this many pixels of the top, the next older window is shown (as "Show older" would).
const NEAR_TOP = 200;

type ReplyAction = Extract<Action, { type: 'reply' }>;

interface MessageRowProps {
  message: ClientMessage;
  showAuthor: boolean;
  seen: boolean;
  showActions: boolean;
  onRetry: ((message: ClientMessage) => void) | undefined;
  onAction: ((action: ReplyAction) => void) | undefined;
  renderSurvey: ((message: ClientMessage) => ComponentChildren) | undefined;
}

/**
 * One entry of the log. It renders again only when what it shows changed, so a new message costs one
 * bubble, not one per message in the window. Its callbacks are stable (see {@link MessageList}).
 */
class MessageRow extends Component<MessageRowProps> {
  override shouldComponentUpdate(next: MessageRowProps): boolean {
    for (const name in next)
      if (next[name as keyof MessageRowProps] !== this.props[name as keyof MessageRowProps]) return true;
    return false;
  }

  override render(props: MessageRowProps) {
    return (
      <li>
        <MessageBubble {...props} />
      </li>
    );
  }
}

/**
 * The conversation as a polite live log. Only the newest {@link MESSAGE_WINDOW} messages are in the DOM at
 * first (a few screens' worth), so a 10,000-message history opens fast; scrolling up (or "Show older")
 * reveals more from memory, then asks the backend. It keeps to the bottom while the visitor is there, and
 * offers "Jump to latest" when not. Key it by conversation: another conversation starts with a fresh window.
 */
export function MessageList({
  messages,
  typing = [],
  hasMore = false,
  loadingOlder = false,
  onLoadOlder,
  agentReadSeq = 0,
  onRetry,
  onAction,
  renderSurvey,
  notice,
  children,
  now,
}: MessageListProps) {
  const { t, locale } = useI18n();
  const [shown, setShown] = useState(MESSAGE_WINDOW);
  const [atBottom, setAtBottom] = useState(true);
  const scroller = useRef<HTMLElement>(null);
  const start = Math.max(0, messages.length - shown);
  const visible = messages.slice(start);
  const first = visible[0];
  const last = messages[messages.length - 1];
  const today = now ?? new Date();

  // Rows get callbacks that never change, calling whatever the parent passed last: a parent re-render
  // with new closures does not redraw every row.
  const latest = useRef({ onRetry, onAction, renderSurvey });
  latest.current = { onRetry, onAction, renderSurvey };
  const [stable] = useState(() => ({
    retry: (message: ClientMessage) => latest.current.onRetry?.(message),
    action: (action: ReplyAction) => latest.current.onAction?.(action),
    survey: (message: ClientMessage) => latest.current.renderSurvey?.(message),
  }));

  const scrollToLatest = () => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
    setAtBottom(true);
  };

  // Follow new messages only while the visitor is already at the bottom; never yank them away from history.
  // The scroll waits for the next frame, which lays the page out anyway: reading scrollHeight right after the
  // render would force a layout of its own before the new message is in the DOM's observers' hands.
  useLayoutEffect(() => {
    if (!atBottom) return;
    if (typeof requestAnimationFrame !== 'function') return scrollToLatest();
    const frame = requestAnimationFrame(scrollToLatest);
    return () => cancelAnimationFrame(frame);
  }, [last?.id, last?.clientMessageId, typing.length, notice?.after]);

  // Older messages shown above keep the visitor's place: what they were reading stays where it was.
  const heightBefore = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const element = scroller.current;
    const before = heightBefore.current;
    heightBefore.current = undefined;
    if (element && before !== undefined) element.scrollTop += element.scrollHeight - before;
  }, [first?.id]);

  const showOlder = () => {
    if (start > 0) {
      heightBefore.current = scroller.current?.scrollHeight;
      setShown(shown + MESSAGE_WINDOW);
    } else if (!loadingOlder) {
      heightBefore.current = scroller.current?.scrollHeight;
      onLoadOlder?.();
    }
  };

  // The newest own message the team has read: "Seen" is shown once, not on every bubble.
  let seenId: string | undefined;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message && message.author.role === 'visitor' && message.seq > 0 && message.seq <= agentReadSeq) {
      seenId = message.id;
      break;
    }
  }

  const items: ComponentChild[] = [];
  let previousDay = start > 0 ? dayKey(messages[start - 1]?.createdAt ?? '') : '';
  let previousAuthor = start > 0 ? messages[start - 1]?.author.id : undefined;
  for (const message of visible) {
    const day = dayKey(message.createdAt);
    if (day !== previousDay) {
      items.push(
        <li key={`day-${day}`} class="sapa-day">
          <span>{formatDay(message.createdAt, locale, today)}</span>
        </li>,
      );
      previousAuthor = undefined;
    }
    const key = message.clientMessageId ?? message.id;
    items.push(
      <MessageRow
        key={key}
        message={message}
        showAuthor={message.author.id !== previousAuthor}
        seen={message.id === seenId}
        showActions={message === last}
        onRetry={onRetry && stable.retry}
        onAction={onAction && stable.action}
        renderSurvey={renderSurvey && stable.survey}
      />,
    );
    if (notice?.after === key) items.push(<li key="sapa-notice">{notice.content}</li>);
    previousDay = day;
    previousAuthor = message.author.id;
  }

  return (
    <div class="sapa-messages">
      {/* The scrolling history is a named region and a stop in the tab order (WCAG 2.1.1): focused, the arrow and
          page keys scroll it, also when nothing in it is focusable. The log inside stays the polite live region. */}
      <section
        ref={scroller}
        class="sapa-scroller"
        aria-label={t('messages.history')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe: scrollable-region-focusable)
        tabIndex={0}
        onScroll={(event) => {
          const element = event.currentTarget;
          setAtBottom(element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM);
          // Scrolling up through the history reveals it as it goes; the button stays for keyboards.
          if (element.scrollTop < NEAR_TOP && heightBefore.current === undefined && (start > 0 || hasMore))
            showOlder();
        }}
      >
        {(start > 0 || hasMore) && (
          <button
            type="button"
            class="sapa-link-button sapa-older"
            disabled={loadingOlder}
            onClick={showOlder}
          >
            {t(loadingOlder ? 'messages.loading' : 'messages.older')}
          </button>
        )}
        <div role="log" aria-live="polite" aria-label={t('messages.label')}>
          <ol class="sapa-message-items">{items}</ol>
        </div>
        <TypingIndicator participants={typing} />
        {children}
      </section>
      {!atBottom && (
        <button type="button" class="sapa-button sapa-latest" onClick={scrollToLatest}>
          {t('messages.latest')}
        </button>
      )}
    </div>
  );
}
