import type { JSX } from 'preact';
import type { AgentConversation, InboxFilter } from '../../agent-types.js';
import { messagePreview, visitorLabel, wantsHuman } from '../../format.js';
import type { TranslationKey } from '../../i18n/console-i18n.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { IsolatedText } from '../IsolatedText.js';
import { ConversationSearch } from './ConversationSearch.js';

export const STATUS_FILTERS: { value: InboxFilter; label: TranslationKey; empty: TranslationKey }[] = [
  { value: 'active', label: 'inbox.filter.active', empty: 'inbox.empty.active' },
  { value: 'open', label: 'inbox.filter.open', empty: 'inbox.empty.open' },
  { value: 'pending', label: 'inbox.filter.pending', empty: 'inbox.empty.pending' },
  { value: 'resolved', label: 'inbox.filter.resolved', empty: 'inbox.empty.resolved' },
  { value: 'all', label: 'inbox.filter.all', empty: 'inbox.empty.all' },
];

/** The words of each status badge. */
export const STATUS_LABELS: Record<AgentConversation['status'], TranslationKey> = {
  open: 'status.open',
  pending: 'status.pending',
  resolved: 'status.resolved',
};

export interface ConversationListProps {
  /** Already filtered and sorted, newest first; the search results while a search is on. */
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
  /** What the list was searched for: the list holds the results. Undefined when no search is on. */
  searchQuery?: string;
  /** A search is on its way. */
  searching?: boolean;
  onSearch?: (query: string) => void;
  onClearSearch?: () => void;
  now?: Date;
}

/**
 * The agent's inbox. Arrow keys, Home and End move between conversations; Enter or a click opens one. The server
 * sends it a page at a time: "Load more conversations" at the end asks for the next one, and keeps the focus
 * where it was while the rows arrive above it. The search box finds a conversation by its reference (the
 * `SP-7KQ2` a visitor quotes on WhatsApp or by email), or by the visitor's name or email.
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
  searchQuery,
  searching = false,
  onSearch,
  onClearSearch,
  now,
}: ConversationListProps) {
  const { t } = useI18n();
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
  const searchOn = searchQuery !== undefined;
  const empty = STATUS_FILTERS.find((option) => option.value === filter)?.empty ?? 'inbox.empty.all';
  return (
    <nav class="inbox" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">{t('inbox.heading')}</h2>
      {onSearch ? (
        <ConversationSearch
          query={searchQuery}
          searching={searching}
          count={conversations.length}
          onSearch={onSearch}
          onClear={() => onClearSearch?.()}
        />
      ) : null}
      <fieldset class="filters">
        <legend>{t('inbox.filterLegend')}</legend>
        {STATUS_FILTERS.map((option) => (
          <button
            key={option.value}
            type="button"
            class="filter"
            aria-pressed={!searchOn && option.value === filter}
            onClick={() => onFilter(option.value)}
          >
            {t(option.label)}
          </button>
        ))}
      </fieldset>
      {conversations.length === 0 ? (
        // A search says what it found (or did not) in its own status line.
        searchOn ? null : (
          <p class="inbox__empty">{t(empty)}</p>
        )
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
          {loadingMore ? t('inbox.loadingMore') : t('inbox.loadMore')}
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
  const { t, format } = useI18n();
  const unread = conversation.unreadCount > 0;
  const preview = conversation.lastMessage ? messagePreview(conversation.lastMessage, t) : '';
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
            <bdi>{visitorLabel(conversation.visitor, t)}</bdi>
            <span class="visually-hidden">
              {conversation.visitor.online ? t('inbox.online') : t('inbox.offline')}
            </span>
          </span>
          <time dateTime={conversation.updatedAt} title={format.dateTime(conversation.updatedAt)}>
            {format.ago(conversation.updatedAt, now ?? new Date(), t('time.justNow'))}
          </time>
        </span>
        <span class="conversation__preview">
          {typing ? (
            <em class="conversation__typing">{t('inbox.typing')}</em>
          ) : (
            <bdi>{preview || t('inbox.noMessages')}</bdi>
          )}
        </span>
        <span class="conversation__badges">
          {conversation.reference ? (
            <span class="badge badge--reference">
              <IsolatedText text={conversation.reference} />
            </span>
          ) : null}
          {handover ? <span class="badge badge--handover">{t('inbox.wantsHuman')}</span> : null}
          {conversation.status !== 'open' ? (
            <span class="badge">{t(STATUS_LABELS[conversation.status])}</span>
          ) : null}
          {conversation.assignee?.name ? (
            <span class="badge">
              <IsolatedText text={conversation.assignee.name} />
            </span>
          ) : null}
          {unread ? (
            <span class="badge badge--unread">{t('inbox.unread', { count: conversation.unreadCount })}</span>
          ) : null}
        </span>
      </button>
    </li>
  );
}
