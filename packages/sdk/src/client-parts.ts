import type { PageInfo } from '@sapa/protocol';
import type { CampaignEngine } from './campaign-engine.js';
import type { ClientStorage } from './client-storage.js';
import type { ConnectionLifecycle } from './connection-lifecycle.js';
import type { ConversationActions } from './conversation-actions.js';
import type { ConversationSync } from './conversation-sync.js';
import type { HttpTransport } from './http-transport.js';
import type { MessageSender } from './message-sender.js';
import type { SessionManager } from './session-manager.js';
import type { Store } from './store.js';
import type { StreamEvents } from './stream-events.js';
import type { StreamManager } from './stream-manager.js';
import type { TabSync } from './tab-sync.js';
import type { ActiveCampaign, ClientEventMap, ClientEventName, ClientOptions, ClientState } from './types.js';

/**
 * The parts of one client as `createClient` wires them. Each part declares the few it works with as its own
 * dependency type (a slice of this one) and is handed this object; tests hand it small fakes instead. The values
 * up to `tabs` exist before any other part is made, so a part may keep them; the others it reaches when called
 * (nothing is called before the client runs).
 */
export interface ClientParts {
  siteKey: string;
  apiUrl: string;
  /** `ClientOptions.storage`. */
  storageChoice: NonNullable<ClientOptions['storage']>;
  /** The locale now (`setLocale` changes it). */
  locale(): string | undefined;
  /** The page the visitor is on. */
  page(): PageInfo | undefined;
  store: Store;
  /** Sets plain fields of the state in this tab only (`store.dispatch` of a `set` action). */
  set(fields: Partial<ClientState>): void;
  /** Puts a failure nobody waits for into `lastError` (a cancel is not a failure). */
  report(error: unknown): void;
  emit<E extends ClientEventName>(event: E, payload: ClientEventMap[E]): void;
  /** Shows a campaign now. */
  showCampaign(campaign: ActiveCampaign): void;
  /** Hides a campaign; a `once` campaign is never shown again. */
  dismissCampaign(campaignId: string): void;
  /** Filled when the storage opens (once per connection). */
  storage: ClientStorage;
  request: HttpTransport;
  tabs: TabSync;
  sessions: SessionManager;
  sync: ConversationSync;
  events: StreamEvents;
  conversations: ConversationActions;
  sender: MessageSender;
  stream: StreamManager;
  campaigns: CampaignEngine;
  lifecycle: ConnectionLifecycle;
}
