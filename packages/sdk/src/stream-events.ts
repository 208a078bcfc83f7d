import type { StreamEvent } from '@sapa/protocol';
import type { ClientParts } from './client-parts.js';
import type { ConversationSync } from './conversation-sync.js';
import type { RawStreamEvent } from './event-stream.js';
import type { Persistence } from './persistence.js';
import type { Action } from './reducer.js';
import { contiguousSeq, maxSeq } from './reducer.js';
import type { TabSync } from './tab-sync.js';
import { parseStreamEvent } from './validate-event.js';

/** What the stream events work with. */
/** Remote typing indicators expire on their own when the stop never arrives. */
const TYPING_EXPIRY_MS = 8_000;

export type TypingAction = Extract<Action, { type: 'typing' }>;

/** What the stream events work with. */
export type StreamEventsParts = Pick<ClientParts, 'store' | 'report' | 'showCampaign'> & {
  storage: { persistence?: Pick<Persistence, 'load' | 'save'> };
  tabs: Pick<TabSync, 'share' | 'broadcast'>;
  sync: Pick<ConversationSync, 'receive' | 'syncConversations' | 'fillGap' | 'resync'>;
};

/**
 * Applies the stream's events to the state and owns the stream cursor: the one place it is written. The cursor
 * is the id of the last event applied (never of one that could not be), stored and told to the other tabs after
 * the event is in the state, and sent as `?after=` when the stream reconnects.
 */
export interface StreamEvents {
  /** The cursor to resume the stream after. */
  cursor(): string | undefined;
  /** One complete event from the stream: checked, applied, then the cursor moves past it. */
  handle(event: RawStreamEvent): void;
  /** Takes the stored cursor when it is ahead of this tab's (at start, and when this tab takes the stream over). */
  restore(): Promise<void>;
  /** The leader tab's cursor, mirrored while this tab follows. */
  follow(cursor: string): void;
  /** A session's cursor, where a client without one starts. */
  startAt(cursor: string | undefined): void;
  /** Continues from `cursor` after a resync, and stores it. */
  restartFrom(cursor: string): Promise<void>;
  /** Forgets the cursor (another visitor, a reset). */
  forget(): void;
  /** Shows or clears a remote typist (from the stream, or mirrored by the leader tab); a shown one expires. */
  showTyping(action: TypingAction): void;
  /** Stops the typing expiry timers. */
  stop(): void;
}

export function createStreamEvents(parts: StreamEventsParts): StreamEvents {
  const { store, storage, report, tabs } = parts;
  const { share, broadcast } = tabs;
  let cursor: string | undefined;
  const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

  const showTyping = (action: TypingAction): void => {
    const key = `${action.conversationId}\n${action.participant.id}`;
    clearTimeout(typingTimers.get(key));
    typingTimers.delete(key);
    store.dispatch(action);
    if (action.typing)
      typingTimers.set(
        key,
        setTimeout(() => showTyping({ ...action, typing: false }), TYPING_EXPIRY_MS),
      );
  };

  const apply = (event: StreamEvent): void => {
    const { sync } = parts;
    switch (event.type) {
      case 'message.created':
      case 'message.updated': {
        const { message } = event.data;
        const { conversationId, author } = message;
        const { messages, conversations } = store.getState();
        const last = maxSeq(messages[conversationId]);
        if (!conversations.some((conversation) => conversation.id === conversationId))
          sync.syncConversations().catch(report);
        sync.receive(conversationId, [message]);
        if (last > 0 && message.seq > last + 1) sync.fillGap(conversationId).catch(report);
        showTyping({ type: 'typing', conversationId, participant: author, typing: false });
        break;
      }
      case 'conversation.updated': {
        const { conversation } = event.data;
        share({ type: 'conversations', conversations: [conversation] });
        const known = store.getState().messages[conversation.id];
        if (known && conversation.lastSeq > contiguousSeq(known)) sync.fillGap(conversation.id).catch(report);
        break;
      }
      case 'read.updated':
        share({ ...event.data, type: 'read' });
        break;
      case 'campaign.triggered':
        parts.showCampaign({ ...event.data.campaign, source: 'backend' });
        break;
      case 'typing':
        if (event.data.participant.role !== 'visitor') {
          const action: TypingAction = { ...event.data, type: 'typing' };
          // Each tab runs its own expiry timer, so typing is relayed as it is, not as a state change.
          showTyping(action);
          broadcast({ kind: 'action', action });
        }
        break;
      case 'stream.reset':
        sync.resync(event.data.cursor).catch(report);
    }
  };

  return {
    cursor: () => cursor,
    handle({ type, data, id }) {
      try {
        // The protocol: skip and report an event with bad data (parseStreamEvent throws a ProtocolError), never
        // stop the stream for it. It was not applied, so the cursor stays where it is. An unknown event type is
        // ignored (forward compatibility), which applies it as far as this client goes.
        const event = parseStreamEvent(type, data, id);
        if (event) apply(event);
        if (id) {
          cursor = id;
          void storage.persistence?.save('cursor', id);
          broadcast({ kind: 'cursor', cursor: id });
        }
      } catch (error) {
        report(error);
      }
    },
    async restore() {
      const stored = await storage.persistence?.load('cursor');
      if (stored && (cursor === undefined || stored > cursor)) cursor = stored;
    },
    follow(leaderCursor) {
      cursor = leaderCursor;
    },
    startAt(sessionCursor) {
      cursor ??= sessionCursor;
    },
    async restartFrom(next) {
      cursor = next;
      await storage.persistence?.save('cursor', next);
    },
    forget() {
      cursor = undefined;
    },
    showTyping,
    stop() {
      for (const timer of typingTimers.values()) clearTimeout(timer);
      typingTimers.clear();
    },
  };
}
