import type { VisitorResponse } from '@sapa/protocol';
import { createCampaignEngine } from './campaign-engine.js';
import type { ClientParts } from './client-parts.js';
import { createConnectionLifecycle } from './connection-lifecycle.js';
import { createConversationActions } from './conversation-actions.js';
import { createConversationSync } from './conversation-sync.js';
import { AbortedError, toErrorInfo } from './errors.js';
import { createHttpTransport } from './http-transport.js';
import { createMessageSender } from './message-sender.js';
import { initialState } from './reducer.js';
import { createSessionManager } from './session-manager.js';
import { createStore } from './store.js';
import { createStreamEvents } from './stream-events.js';
import { createStreamManager } from './stream-manager.js';
import { createTabSync } from './tab-sync.js';
import type { ClientEventName, ClientOptions, SapaClient } from './types.js';

/**
 * Creates a client for one site. Importing the SDK does nothing; work starts on `connect()`.
 *
 * @example
 * ```ts
 * import { createClient } from '@sapa/sdk';
 * const client = createClient({ apiUrl: 'https://support.example.com', siteKey: 'demo', locale: 'id' });
 * const stop = client.subscribe(() => render(client.getSnapshot()));
 * await client.connect();
 * await client.sendText('Halo, pesanan saya belum sampai.');
 * ```
 */
export function createClient(options: ClientOptions): SapaClient {
  // A facade: each part owns one concept (docs/sdk.md, "Inside the SDK"); they reach each other through `parts`.
  const { apiUrl, siteKey, storage: choice = 'indexeddb' } = options;
  const givenFetch = options.fetch ?? globalThis.fetch;
  // Calling a detached window.fetch throws "Illegal invocation" in browsers.
  const fetch: typeof globalThis.fetch = (input, init) => givenFetch.call(globalThis, input, init);
  const baseUrl = `${apiUrl.replace(/\/+$/, '')}/v1`;
  const store = createStore(
    initialState(
      choice === 'memory' || (choice === 'indexeddb' && typeof indexedDB === 'undefined')
        ? 'memory'
        : 'indexeddb',
    ),
  );
  const { getState, dispatch } = store;
  const handlers = new Map<ClientEventName, Set<(payload: never) => void>>();
  let locale = options.locale;
  const getToken = () => parts.sessions.current()?.token;

  // Filled in below, in an order where each part finds the ones it keeps (ClientParts says which).
  const parts = {
    siteKey,
    apiUrl,
    storageChoice: choice,
    storage: {},
    locale: () => locale,
    page() {
      if (options.page) return options.page();
      const url = globalThis.location?.href;
      const document = globalThis.document;
      return url
        ? { url, title: document?.title || undefined, referrer: document?.referrer || undefined }
        : undefined;
    },
    store,
    set: (fields) => dispatch({ type: 'set', fields }),
    report(error) {
      if (!(error instanceof AbortedError)) set({ lastError: toErrorInfo(error) });
    },
    emit(event, payload) {
      for (const handler of [...(handlers.get(event) ?? [])]) {
        try {
          (handler as (value: typeof payload) => void)(payload);
        } catch {
          // A failing handler in the host page must not break the client.
        }
      }
    },
    showCampaign(campaign) {
      set({ campaign });
      emit('campaign', campaign);
    },
    dismissCampaign(campaignId) {
      parts.campaigns.markShown(campaignId);
      if (getState().campaign?.id === campaignId) set({ campaign: undefined });
    },
  } as ClientParts;
  const { set, report, emit } = parts;
  parts.request = createHttpTransport({
    baseUrl,
    fetch,
    getToken,
    renewSession: (token) => parts.sessions.renew(token),
  });
  parts.tabs = createTabSync(parts);
  parts.sessions = createSessionManager(parts);
  parts.sync = createConversationSync(parts);
  parts.events = createStreamEvents(parts);
  parts.conversations = createConversationActions(parts);
  parts.sender = createMessageSender(parts);
  const { tabs, sessions, sync, events, sender } = parts;
  parts.stream = createStreamManager({
    baseUrl,
    fetch,
    getToken,
    getCursor: events.cursor,
    renewSession: sessions.renewForStream,
    onEvent: events.handle,
    onStatus: (connection) => tabs.share({ type: 'set', fields: { connection } }),
    onOpen: () => {
      set({ lastError: undefined });
      sender.flush();
      sync.syncConversations().catch(report);
    },
    onGone: () => sync.resync(),
    onFatal: report,
    onFailure: report,
  });
  parts.campaigns = createCampaignEngine({
    url: () => parts.page()?.url,
    visitor: () => getState().visitor,
    locale: parts.locale,
    defaultLocale: () => getState().config?.defaultLocale ?? 'en',
    show: parts.showCampaign,
    remember: (memory) => void parts.storage.persistence?.save('campaigns', memory),
  });
  parts.lifecycle = createConnectionLifecycle(parts);
  // The public object: the parts' public methods, and the few that only pass a call on.
  const { flush, showWaiting, ...sending } = sender;
  const { ready, ...connection } = parts.lifecycle;

  store.subscribe((state, previous) => {
    if (state.unreadCount !== previous.unreadCount) emit('unread', state.unreadCount);
    if (state.connection !== previous.connection) emit('connection', state.connection);
    if (state.lastError && state.lastError !== previous.lastError) emit('error', state.lastError);
  });

  return {
    ...connection,
    ...sending,
    ...parts.conversations,
    getSnapshot: getState,
    on(event, handler) {
      const registered = handlers.get(event) ?? new Set();
      handlers.set(event, registered.add(handler as (payload: never) => void));
      return () => void registered.delete(handler as (payload: never) => void);
    },
    async identify(identity) {
      await ready();
      const visitor = await sessions.identify(identity);
      // A verified identify may have brought the user's conversations from another device.
      await sync.syncConversations().catch(report);
      parts.stream.restart();
      return visitor;
    },
    async updateVisitor(update) {
      await ready();
      const { visitor } = await parts.request<VisitorResponse>({
        method: 'PATCH',
        path: '/visitor',
        json: update,
      });
      parts.tabs.share({ type: 'set', fields: { visitor } });
      return visitor;
    },
    async track(name, properties) {
      await ready();
      await parts.request({ method: 'POST', path: '/events', json: { name, properties } });
    },
    loadOlder: sync.loadOlder,
    setLocale(next) {
      locale = next;
    },
    dismissCampaign: parts.dismissCampaign,
    async reset() {
      connection.disconnect();
      await sessions.forget();
    },
  };
}
