import type { HttpBindings } from '@hono/node-server';
import type { ChatService } from './chat-service.js';
import type { ChatStore, VisitorRecord } from './chat-store.js';
import type { EventHub } from './event-hub.js';
import type { StreamRegistry } from './event-stream.js';
import type { RateLimiter } from './rate-limiter.js';
import type { ResolvedSite } from './site-config.js';

/** Everything the HTTP routes share. */
export interface AppContext {
  service: ChatService;
  store: ChatStore;
  hub: EventHub;
  sites: ReadonlyMap<string, ResolvedSite>;
  agentToken: string;
  heartbeatMs: number;
  rateLimiter?: RateLimiter;
  /** Folder uploads are written to. */
  uploadDir: string;
  /** Repository root the static folders are found under. */
  staticRoot: string;
  streams: StreamRegistry;
  log: (message: string, error?: unknown) => void;
}

/** Hono environment of the app: the authenticated visitor is kept per request. */
export interface AppEnvironment {
  Bindings: HttpBindings;
  Variables: { visitor: VisitorRecord; token: string };
}
