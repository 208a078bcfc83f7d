/**
 * `@sapa/server`: the reference backend of the Sapa Chat Protocol.
 *
 * @example
 * import { startServer } from '@sapa/server';
 * const server = await startServer({ port: 0, dbPath: ':memory:' });
 * console.log(server.url, server.agentToken);
 */
export type { AgentConversation } from './agent-conversation.js';
export { DEMO_SITE } from './demo-site.js';
export type { EmailSender, OutgoingEmail } from './email-sender.js';
export { ProblemError } from './problem.js';
export type { CareSweepResult } from './services/care-scheduler.js';
export type {
  BusinessHours,
  CampaignCap,
  CardTemplate,
  EventCampaign,
  EventCampaignTrigger,
  SiteConfig,
  Weekday,
} from './site-config.js';
export { SiteConfigError } from './site-config.js';
export { type RunningServer, type ServerOptions, type StoreKind, startServer } from './start-server.js';
