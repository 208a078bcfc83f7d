import type { EventBus } from '../cluster/event-bus.js';
import type { Presence } from '../cluster/presence.js';
import { SINGLE_NODE_CLAIMS, type SweepClaims } from '../cluster/sweep-claims.js';
import type { EventHub } from '../event-hub.js';
import type { ResolvedSite } from '../site-config.js';
import type { ChatStore } from '../store/chat-store.js';
import type { UploadBytes } from '../upload-bytes.js';
import { AgentAccounts } from './agent-accounts.js';
import { AgentInbox } from './agent-inbox.js';
import { AgentViews } from './agent-views.js';
import { BotRunner } from './bot-runner.js';
import { CampaignDelivery } from './campaign-delivery.js';
import { CareMetrics } from './care-metrics.js';
import { type CareScheduler, createCareScheduler } from './care-scheduler.js';
import { ConversationService } from './conversation-service.js';
import { type EmailOptions, EmailReplies } from './email-replies.js';
import { EventRules } from './event-rules.js';
import { FanOut } from './fan-out.js';
import { FeedbackService } from './feedback-service.js';
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
  rules: EventRules;
  visitorStream: VisitorStream;
  agentInbox: AgentInbox;
  agentAccounts: AgentAccounts;
  care: CareMetrics;
  uploads: UploadService;
  /** The timed part of customer care (delayed rules, feedback requests, emailed replies). */
  scheduler: CareScheduler;
  /** Closes what the services hold open (the mail connection). */
  close(): void;
}

/** What the services are built on. */
export interface ServiceOptions {
  store: ChatStore;
  /** This node's open streams. */
  hub: EventHub;
  /** How events reach the streams of every node. */
  bus: EventBus;
  /** Who is connected on any node. */
  presence: Presence;
  /** How sweeps run once across nodes. Default: every sweep runs (one node). */
  claims?: SweepClaims;
  sites: ReadonlyMap<string, ResolvedSite>;
  /** Durable stream events kept per visitor. */
  streamRetention: number;
  /** Where the bytes of uploads are kept. */
  uploadBytes: UploadBytes;
  /** The operator token of the agent API (empty: none). */
  operatorToken?: string;
  /** How much one visitor may upload per window. */
  uploadQuota?: UploadQuota;
  log: (message: string, error?: unknown) => void;
  /**
   * The server's clock: business hours, sessions, rules, the scheduler, upload times, quotas and sweeps read it.
   * Default the system clock.
   */
  now?: () => Date;
  /** Mail for emailed replies; without it nothing is emailed. */
  email?: EmailOptions;
}

/**
 * Wires every service once, each given only its neighbours: routes → services → store, with the fan-out
 * between the services and the live streams.
 */
export function createServices(options: ServiceOptions): Services {
  const { store, hub, bus, presence, log } = options;
  const clock = options.now ?? (() => new Date());
  const sites = new SiteDirectory(options.sites, presence, clock, options.email !== undefined);
  const views = new AgentViews(presence);
  const fanOut = new FanOut(store, bus, presence, views, options.streamRetention);
  const campaigns = new CampaignDelivery(store, sites, clock);
  const rules = new EventRules(store, sites, fanOut, campaigns, clock);
  const feedback = new FeedbackService(store, sites, fanOut, campaigns, clock);
  const emails = new EmailReplies(store, sites, presence, clock, log, options.email);
  const bot = new BotRunner(store, sites, fanOut, clock);
  presence.onVisitorsLeft((visitorIds) => {
    fanOut.visitorsLeftWithNode(visitorIds).catch((error: unknown) => {
      log('Telling agents that visitors went away with another server failed.', error);
    });
  });
  return {
    sites,
    sessions: new SessionService(store, sites, fanOut, rules, clock),
    conversations: new ConversationService(store, sites, fanOut, campaigns, bot, feedback, clock),
    campaigns,
    rules,
    visitorStream: new VisitorStream(store, hub, presence, fanOut, log),
    agentInbox: new AgentInbox(store, hub, sites, fanOut, views, emails),
    agentAccounts: new AgentAccounts(store, options.operatorToken ?? ''),
    care: new CareMetrics(store, sites, clock),
    uploads: new UploadService(store, sites, options.uploadBytes, options.uploadQuota, () =>
      clock().getTime(),
    ),
    scheduler: createCareScheduler({
      rules,
      feedback,
      emails,
      log,
      claims: options.claims ?? SINGLE_NODE_CLAIMS,
    }),
    close: () => emails.close(),
  };
}
