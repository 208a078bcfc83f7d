import type { EventHub } from '../event-hub.js';
import type { ResolvedSite } from '../site-config.js';
import type { ChatStore } from '../store/chat-store.js';
import { AgentAccounts } from './agent-accounts.js';
import { AgentInbox } from './agent-inbox.js';
import { AgentViews } from './agent-views.js';
import { BotRunner } from './bot-runner.js';
import { CampaignDelivery } from './campaign-delivery.js';
import { ConversationService } from './conversation-service.js';
import { FanOut } from './fan-out.js';
import { SessionService } from './session-service.js';
import { SiteDirectory } from './site-directory.js';
import { type UploadQuota, UploadService } from './upload-service.js';
import { VisitorStream } from './visitor-stream.js';

/** The services the HTTP routes call; nothing else of the server is theirs to reach. */
export interface Services {
  sites: SiteDirectory;
  sessions: SessionService;
  conversations: ConversationService;
  campaigns: CampaignDelivery;
  visitorStream: VisitorStream;
  agentInbox: AgentInbox;
  agentAccounts: AgentAccounts;
  uploads: UploadService;
}

/** What the services are built on. */
export interface ServiceOptions {
  store: ChatStore;
  hub: EventHub;
  sites: ReadonlyMap<string, ResolvedSite>;
  /** Durable stream events kept per visitor. */
  streamRetention: number;
  /** Folder uploads are written to. */
  uploadDir: string;
  /** The operator token of the agent API (empty: none). */
  operatorToken?: string;
  /** How much one visitor may upload per window. */
  uploadQuota?: UploadQuota;
  /** Milliseconds since the epoch: upload times, quotas and the sweep of unattached uploads. */
  clock?: () => number;
  log: (message: string, error?: unknown) => void;
}

/**
 * Wires every service once, each given only its neighbours: routes → services → store, with the fan-out
 * between the services and the live streams.
 */
export function createServices(options: ServiceOptions): Services {
  const { store, hub } = options;
  const sites = new SiteDirectory(options.sites, hub);
  const views = new AgentViews(hub);
  const fanOut = new FanOut(store, hub, views, options.streamRetention);
  const campaigns = new CampaignDelivery(store, sites, fanOut);
  const bot = new BotRunner(store, sites, fanOut);
  return {
    sites,
    sessions: new SessionService(store, sites, fanOut, campaigns),
    conversations: new ConversationService(store, sites, fanOut, campaigns, bot),
    campaigns,
    visitorStream: new VisitorStream(store, hub, fanOut, options.log),
    agentInbox: new AgentInbox(store, hub, sites, fanOut, views),
    agentAccounts: new AgentAccounts(store, options.operatorToken ?? ''),
    uploads: new UploadService(store, sites, options.uploadDir, options.uploadQuota, options.clock),
  };
}
