import type { VisitorResponse } from '@sapa/protocol';
import { createCampaignEngine } from './campaign-engine.js';
import type { ClientParts } from './client-parts.js';
import { createClientStorage } from './client-storage.js';
import { createConnectionLifecycle } from './connection-lifecycle.js';
import { createConversationActions } from './conversation-actions.js';
import { createConversationSync } from './conversation-sync.js';
import { AbortedError, toErrorInfo } from './errors.js';
import { createEventEmitter } from './event-emitter.js';
import { createHttpTransport } from './http-transport.js';
import { createMessageSender } from './message-sender.js';
import { initialState } from './reducer.js';
import { createSessionManager } from './session-manager.js';
import { createStore } from './store.js';
import { createStreamEvents } from './stream-events.js';
import { createStreamManager } from './stream-manager.js';
import { createTabSync } from './tab-sync.js';
import type { ClientOptions, ClientState, SapaClient } from './types.js';
import { createTypingIndicators } from './typing-indicators.js';

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
  const set = (fields: Partial<ClientState>) => dispatch({ type: 'set', fields });
  const { on, emit } = createEventEmitter();
  let locale = options.locale;
  const getToken = () => parts.sessions.current()?.token;

  // Filled in below, in an order where each part finds the ones it keeps (ClientParts says which).
  const parts = {
    siteKey,
    apiUrl,
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
    report(error) {
      if (!(error instanceof AbortedError)) set({ lastError: toErrorInfo(error) });
    },
    emit,
    showCampaign(campaign) {
      set({ campaign });
      emit('campaign', campaign);
    },
    dismissCampaign(campaignId) {
      parts.campaigns.markShown(campaignId);
      if (getState().campaign?.id === campaignId) set({ campaign: undefined });
    },
  } as ClientParts;
  const { report } = parts;
  parts.storage = createClientStorage(choice, parts);
  parts.request = createHttpTransport({
    baseUrl,
    fetch,
    getToken,
    renewSession: (token) => parts.sessions.renew(token),
  });
  parts.tabs = createTabSync(parts);
  parts.typing = createTypingIndicators(parts);
  parts.sessions = createSessionManager(parts);
  parts.sync = createConversationSync(parts);
  parts.events = createStreamEvents(parts);
  parts.conversations = createConversationActions(parts);
  parts.sender = createMessageSender(parts);
  parts.stream = createStreamManager({
    baseUrl,
    fetch,
    getToken,
    getCursor: () => parts.events.cursor(),
    renewSession: (token) => parts.sessions.renewForStream(token),
    onEvent: (event) => parts.events.handle(event),
    onStatus: (connection) => parts.tabs.share({ type: 'set', fields: { connection } }),
    onOpen: () => {
      set({ lastError: undefined });
      parts.sender.flush();
      parts.sync.syncConversations().catch(report);
    },
    onGone: () => parts.sync.resync(),
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

  store.subscribe((state, previous) => {
    if (state.unreadCount !== previous.unreadCount) emit('unread', state.unreadCount);
    if (state.connection !== previous.connection) emit('connection', state.connection);
    if (state.lastError && state.lastError !== previous.lastError) emit('error', state.lastError);
  });

  const { tabs, typing, conversations, sender, stream, lifecycle, request } = parts;
  const { ready } = lifecycle;
  return {
    getSnapshot: getState,
    subscribe: lifecycle.subscribe,
    on,
    connect: lifecycle.connect,
    sendText: sender.sendText,
    sendPostback: sender.sendPostback,
    sendFile: sender.sendFile,
    retry: sender.retry,
    cancelUpload: sender.cancelUpload,
    async identify(identity) {
      await ready();
      const visitor = await parts.sessions.identify(identity);
      // A verified identify may have brought the user's conversations from another device.
      await parts.sync.syncConversations().catch(report);
      stream.restart();
      return visitor;
    },
    async updateVisitor(update) {
      await ready();
      const { visitor } = await request<VisitorResponse>({ method: 'PATCH', path: '/visitor', json: update });
      tabs.share({ type: 'set', fields: { visitor } });
      return visitor;
    },
    async track(name, properties) {
      await ready();
      await request({ method: 'POST', path: '/events', json: { name, properties } });
    },
    markRead: conversations.markRead,
    setTyping: typing.send,
    rate: conversations.rate,
    startConversation: ({ campaignId } = {}) => conversations.start(campaignId),
    loadOlder: (conversationId) => parts.sync.loadOlder(conversationId),
    selectConversation: conversations.selectConversation,
    setLocale(next) {
      locale = next;
    },
    dismissCampaign: parts.dismissCampaign,
    disconnect: lifecycle.disconnect,
    async reset() {
      lifecycle.disconnect();
      await parts.sessions.forget();
    },
  };
}
