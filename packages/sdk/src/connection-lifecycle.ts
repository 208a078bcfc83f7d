import type { WidgetConfig } from '@sapa/protocol';
import { backoffDelay } from './backoff.js';
import type { CampaignEngine } from './campaign-engine.js';
import type { ClientParts } from './client-parts.js';
import { openClientStorage } from './client-storage.js';
import type { ConversationSync } from './conversation-sync.js';
import { isTransientError, SapaError } from './errors.js';
import type { MessageSender } from './message-sender.js';
import { watchNetwork, watchPageHidden } from './network-status.js';
import type { SessionManager } from './session-manager.js';
import type { StreamEvents } from './stream-events.js';
import type { StreamManager } from './stream-manager.js';
import type { TabSync } from './tab-sync.js';

/** What the connection lifecycle works with. */
export type ConnectionLifecycleParts = Pick<
  ClientParts,
  'siteKey' | 'storageChoice' | 'store' | 'set' | 'storage' | 'request' | 'report'
> & {
  tabs: Pick<TabSync, 'share' | 'start' | 'stop'>;
  sessions: Pick<SessionManager, 'resume'>;
  sync: Pick<ConversationSync, 'syncConversations'>;
  events: Pick<StreamEvents, 'restore' | 'stop'>;
  sender: Pick<MessageSender, 'flush' | 'showWaiting'>;
  stream: StreamManager;
  campaigns: CampaignEngine;
};

/**
 * When the client works: from `connect()` or the first subscriber until `disconnect()` or the last subscriber
 * leaving. A start the network failed is tried again by itself, after a backoff or when the browser is back online.
 */
export interface ConnectionLifecycle {
  /** Starts the client and owns the connection: unsubscribing no longer stops it. */
  connect(): Promise<void>;
  /** A store listener; the first one starts the client, and when nobody called `connect()` the last one stops it. */
  subscribe(listener: () => void): () => void;
  /** Resolves once connected; waits for a start under way; rejects when the client is not connecting. */
  ready(): Promise<void>;
  disconnect(): void;
}

export function createConnectionLifecycle(parts: ConnectionLifecycleParts): ConnectionLifecycle {
  const { store, storage, report, tabs } = parts;
  let cleanups: (() => void)[] = [];
  let opened: Promise<void> | undefined;
  let connecting: Promise<void> | undefined;
  let connected = false;
  /** Between `connect()` (or the first subscriber) and `disconnect()`: a failed start is tried again. */
  let wanted = false;
  let startAttempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let subscribers = 0;
  let startedBySubscriber = false;

  /** Storage, stored history and the page watchers: once per connection, however often {@link start} is tried. */
  const openStorage = async () => {
    // Storage first: on failure the client runs in memory and says so in `state.storage`.
    const { sender, stream, campaigns } = parts;
    const persistence = await openClientStorage(parts);
    // History from storage is in the snapshot before the network answers.
    const slice = await persistence.load('state');
    if (slice) store.dispatch({ type: 'hydrate', slice });
    await sender.showWaiting();
    await parts.events.restore();
    campaigns.startVisit(await persistence.load('campaigns'));
    cleanups.push(
      store.subscribe(persistence.onChange),
      watchNetwork(() => {
        stream.online();
        sender.flush();
        startAgain();
      }, stream.goOffline),
      // History received in the last moments before the page goes away is written now, not after the delay.
      watchPageHidden(persistence.flush),
    );
  };

  const start = async () => {
    opened ??= openStorage().catch((error) => {
      opened = undefined;
      throw error;
    });
    await opened;
    await parts.sessions.resume();
    const config = await parts.request<WidgetConfig>({ method: 'GET', path: '/config' });
    tabs.share({ type: 'set', fields: { config } });
    await parts.sync.syncConversations();
    connected = true;
    parts.campaigns.evaluate(config.campaigns ?? []);
    tabs.start();
  };

  const begin = () => {
    wanted = true;
    connecting ??= start().catch((error) => {
      connecting = undefined;
      report(error);
      // A start the network failed (offline at the first open) tries again by itself: after a backoff, or
      // at once when the browser is back online. The visitor need not find a "Try again" button.
      if (isTransientError(error)) retryTimer = setTimeout(startAgain, backoffDelay(startAttempt++));
      throw error;
    });
    return connecting;
  };

  function startAgain(): void {
    clearTimeout(retryTimer);
    if (wanted && !connected && !connecting) begin().catch(() => {});
  }

  const disconnect = () => {
    startedBySubscriber = false;
    parts.stream.stop();
    tabs.stop();
    parts.campaigns.stop();
    void storage.persistence?.flush();
    for (const cleanup of cleanups) cleanup();
    cleanups = [];
    parts.events.stop();
    clearTimeout(retryTimer);
    wanted = false;
    startAttempt = 0;
    opened = connecting = undefined;
    connected = false;
    parts.set({ connection: 'idle' });
  };

  return {
    connect() {
      startedBySubscriber = false;
      return begin();
    },
    subscribe(listener) {
      const unsubscribe = store.subscribe(() => listener());
      // DESIGN.md: work starts on connect() or the first subscriber. A client started this way stops
      // again after its last subscriber leaves (a tick later, so a remount does not reconnect).
      if (++subscribers === 1 && !connecting) {
        startedBySubscriber = true;
        begin().catch(() => {});
      }
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        unsubscribe();
        if (--subscribers > 0 || !startedBySubscriber) return;
        setTimeout(() => {
          if (subscribers === 0 && startedBySubscriber) disconnect();
        });
      };
    },
    async ready() {
      if (connected) return;
      if (!connecting)
        throw new SapaError('not_connected', 'The chat client is not connected; call connect() first.');
      await connecting;
    },
    disconnect,
  };
}
