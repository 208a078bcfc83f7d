import type { ClientParts } from './client-parts.js';
import type { ConversationSync } from './conversation-sync.js';
import type { MessageSender } from './message-sender.js';
import type { StoredSession } from './persistence.js';
import type { Action } from './reducer.js';
import type { SessionManager } from './session-manager.js';
import type { StreamEvents } from './stream-events.js';
import type { StreamManager } from './stream-manager.js';
import { createTabCoordinator } from './tab-coordinator.js';

/** Messages between the tabs of one site. */
export type TabMessage =
  /** A state change from the backend, applied by the leader. */
  | { kind: 'action'; action: Action }
  /** The leader's stream cursor after it applied an event. */
  | { kind: 'cursor'; cursor: string }
  /** A session a tab obtained (or identify rotated). */
  | { kind: 'session'; session: StoredSession }
  /** A tab started: the leader tells it the connection state. */
  | { kind: 'hello' };

/** What the tab sync works with. */
export type TabSyncParts = Pick<ClientParts, 'siteKey' | 'apiUrl' | 'store'> & {
  sync: Pick<ConversationSync, 'receive'>;
  events: Pick<StreamEvents, 'follow' | 'restore' | 'showTyping'>;
  sessions: Pick<SessionManager, 'adopt'>;
  stream: Pick<StreamManager, 'start'>;
  sender: Pick<MessageSender, 'flush'>;
};

/** The leader/follower relay over the tab coordinator: the leader shares what it applies, followers mirror it. */
export interface TabSync {
  /** Dispatches here and mirrors to the other tabs (state that came from the backend). */
  share(action: Action): void;
  broadcast(message: TabMessage): void;
  /** True while another tab holds the stream. */
  isFollower(): boolean;
  /** Joins the election and greets the other tabs. */
  start(): void;
  stop(): void;
}

export function createTabSync(parts: TabSyncParts): TabSync {
  const { store } = parts;
  const onMessage = (message: TabMessage): void => {
    switch (message?.kind) {
      case 'action': {
        const { action } = message;
        if (action.type === 'typing') parts.events.showTyping(action);
        else if (action.type === 'messages')
          parts.sync.receive(action.conversationId, action.messages, action.hasMore, true);
        // The connection is each tab's own business once it holds the stream.
        else if (!(action.type === 'set' && 'connection' in action.fields && !tabs.isFollower()))
          store.dispatch(action);
        break;
      }
      case 'cursor':
        if (tabs.isFollower()) parts.events.follow(message.cursor);
        break;
      case 'session':
        void parts.sessions.adopt(message.session, false);
        break;
      case 'hello':
        if (!tabs.isFollower())
          tabs.broadcast({
            kind: 'action',
            action: { type: 'set', fields: { connection: store.getState().connection } },
          } satisfies TabMessage);
    }
  };
  const tabs = createTabCoordinator({
    name: `sapa:${parts.siteKey}:${parts.apiUrl}`,
    // This tab now holds the stream and flushes the outbox.
    onLeader: async () => {
      // The old leader may have applied events this tab only saw mirrored: continue from the stored cursor.
      await parts.events.restore();
      parts.stream.start();
      parts.sender.flush();
    },
    onMessage: onMessage as (message: unknown) => void,
  });
  return {
    ...tabs,
    share(action) {
      store.dispatch(action);
      tabs.broadcast({ kind: 'action', action } satisfies TabMessage);
    },
    start() {
      tabs.start();
      tabs.broadcast({ kind: 'hello' } satisfies TabMessage);
    },
  };
}
