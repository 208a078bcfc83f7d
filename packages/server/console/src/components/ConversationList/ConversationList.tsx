import type { JSX } from 'preact';
import type { AgentConversation, InboxFilter } from '../../agent-types.js';
import { formatDateTime, formatTime, messagePreview, visitorLabel, wantsHuman } from '../../format.js';
import { IsolatedText } from '../IsolatedText.js';

export const STATUS_FILTERS: { value: InboxFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'open', label: 'Open' },
  { value: 'pending', label: 'Pending' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

export interface ConversationListProps {
  /** Already filtered and sorted, newest first. */
  conversations: AgentConversation[];
  filter: InboxFilter;
  selectedId?: string;
  /** Conversations whose visitor is typing now. */
  visitorTyping?: Record<string, boolean>;
  /** The server has older conversations than the ones loaded. */
  hasMore?: boolean;
  /** The next page is on its way. */
  loadingMore?: boolean;
  onLoadMore?: () => void;
  onFilter: (filter: InboxFilter) => void;
  onSelect: (conversationId: string) => void;
  now?: Date;
}

/**
 * The agent's inbox. Arrow keys, Home and End move between conversations; Enter or a click opens one. The server
 * sends it a page at a time: "Load more conversations" at the end asks for the next one, and keeps the focus
 * where it was while the rows arrive above it.
 */
export function ConversationList({
  conversations,
  filter,
  selectedId,
  visitorTyping = {},
  hasMore = false,
  loadingMore = false,
  onLoadMore,
  onFilter,
  onSelect,
  now,
}: ConversationListProps) {
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLUListElement>) => {
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.conversation')];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = Math.min(buttons.length - 1, current + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, current - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    if (next === undefined || buttons.length === 0) return;
    event.preventDefault();
    buttons[next]?.focus();
  };
  const filterLabel = STATUS_FILTERS.find((option) => option.value === filter)?.label ?? filter;
  return (
    <nav class="inbox" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">Conversations</h2>
      <fieldset class="filters">
        <legend>Show</legend>
        {STATUS_FILTERS.map((option) => (
          <button
            key={option.value}
            type="button"
            class="filter"
            aria-pressed={option.value === filter}
            onClick={() => onFilter(option.value)}
          >
            {option.label}
          </button>
        ))}
      </fieldset>
      {conversations.length === 0 ? (
        <p class="inbox__empty">No {filter === 'all' ? '' : `${filterLabel.toLowerCase()} `}conversations.</p>
      ) : (
        <ul class="inbox__list" onKeyDown={onKeyDown}>
          {conversations.map((conversation) => (
            <ConversationRow
              key={conversation.id}
              conversation={conversation}
              selected={conversation.id === selectedId}
              typing={visitorTyping[conversation.id] ?? false}
              onSelect={onSelect}
              now={now}
            />
          ))}
        </ul>
      )}
      {hasMore ? (
        <button
          type="button"
          class="inbox__more"
          aria-busy={loadingMore}
          onClick={() => {
            if (!loadingMore) onLoadMore?.();
          }}
        >
          {loadingMore ? 'Loading more conversations…' : 'Load more conversations'}
        </button>
      ) : null}
    </nav>
  );
}

function ConversationRow({
  conversation,
  selected,
  typing,
  onSelect,
  now,
}: {
  conversation: AgentConversation;
  selected: boolean;
  typing: boolean;
  onSelect: (conversationId: string) => void;
  now?: Date;
}) {
  const unread = conversation.unreadCount > 0;
  const preview = conversation.lastMessage ? messagePreview(conversation.lastMessage) : '';
  const classes = ['conversation'];
  if (unread) classes.push('conversation--unread');
  const handover = wantsHuman(conversation);
  if (handover) classes.push('conversation--handover');
  return (
    <li>
      <button
        type="button"
        class={classes.join(' ')}
        aria-current={selected ? 'true' : undefined}
        data-conversation-id={conversation.id}
        onClick={() => onSelect(conversation.id)}
      >
        <span class="conversation__top">
          <span class="conversation__name">
            <span
              class={conversation.visitor.online ? 'presence presence--online' : 'presence'}
              aria-hidden="true"
            />
            <bdi>{visitorLabel(conversation.visitor)}</bdi>
            <span class="visually-hidden">{conversation.visitor.online ? ', online' : ', offline'}</span>
          </span>
          <time dateTime={conversation.updatedAt} title={formatDateTime(conversation.updatedAt)}>
            {formatTime(conversation.updatedAt, now)}
          </time>
        </span>
        <span class="conversation__preview">
          {typing ? <em class="conversation__typing">typing…</em> : <bdi>{preview || 'No messages yet'}</bdi>}
        </span>
        <span class="conversation__badges">
          {handover ? <span class="badge badge--handover">Wants a human</span> : null}
          {conversation.status !== 'open' ? <span class="badge">{conversation.status}</span> : null}
          {conversation.assignee?.name ? (
            <span class="badge">
              <IsolatedText text={conversation.assignee.name} />
            </span>
          ) : null}
          {unread ? <span class="badge badge--unread">{conversation.unreadCount} unread</span> : null}
        </span>
      </button>
    </li>
  );
}
