/** The conformance kit's types: its options and report (public), and what each file of checks is given (internal). */

import type { SseFrame } from '../sse-parser.js';
import type { Attachment, Conversation, Message, Session, WidgetConfig } from '../types.js';
import type { CHECKS } from './checks.js';
import type { RecordingClient } from './recording-client.js';
import type { SseReader } from './sse-reader.js';

/** Options of `runConformance`. */
export interface ConformanceOptions {
  /** The backend's base URL; the protocol lives under `${apiUrl}/v1`. */
  apiUrl: string;
  /** A site of that backend whose config allows anonymous visitors. */
  siteKey: string;
  /** Used for every request (default: the global fetch). */
  fetch?: typeof fetch;
  /** Longest wait for one answer or one expected stream event, in ms (default 10,000). */
  timeoutMs?: number;
  /** Longest wait for a stream comment line, in ms (default 16,000: the protocol's 15 s plus slack). */
  heartbeatWaitMs?: number;
  /**
   * A cursor this backend no longer keeps, for the stale-cursor check. Without it the kit raises the first
   * character of the newest cursor it saw ('0' → '1', 'a' → 'b'): a position the backend never reached.
   */
  staleCursor?: string;
  /** Origin sent with the CORS checks; the site must allow it (default `http://localhost:8080`). */
  origin?: string;
  /** Most requests of the rate-limit burst (default 2,000). */
  burst?: number;
  /** Leaves out the rate-limit check, for backends that limit elsewhere (a gateway); it is then not counted. */
  skipRateLimit?: boolean;
  /** Receives one line per check and the summary line (default: nothing). */
  log?: (line: string) => void;
}

/**
 * How much a check matters. `must`: the contract — a backend that fails it breaks a client; a failure.
 * `should`: operations and recommendations (such as rate limits) — a failure is reported as a warning.
 */
export type CheckLevel = 'must' | 'should';

/** The outcome of one check; `detail` says why it failed (or what it saw). */
export interface ConformanceCheck {
  name: string;
  level: CheckLevel;
  ok: boolean;
  detail?: string;
}

/** What `runConformance` found: `failed` counts failed `must` checks, `warnings` failed `should` checks. */
export interface ConformanceReport {
  results: ConformanceCheck[];
  passed: number;
  failed: number;
  warnings: number;
}

/** The options with their defaults applied. */
export type ConformanceSettings = Required<Omit<ConformanceOptions, 'staleCursor' | 'log'>> &
  Pick<ConformanceOptions, 'staleCursor'>;

/**
 * What the checks learn and later checks build on. A check that needs something an earlier check failed to
 * get fails itself, saying so (`need`).
 */
export interface ConformanceState {
  /** The first session, and the one resuming it (whose token the checks use). */
  session?: Session;
  rotated?: Session;
  token?: string;
  config?: WidgetConfig;
  conversation?: Conversation;
  /** The first message sent, its client id and text. */
  firstMessage?: Message;
  readonly firstClientMessageId: string;
  readonly firstText: string;
  /** The seqs of the conversation after the seq check. */
  seqs: number[];
  /** The stream opened by the stream checks, and what was read from it. */
  live?: SseReader;
  firstMessageCursor?: string;
  newestCursor?: string;
  readonly liveClientMessageId: string;
  echo?: SseFrame;
  uploaded?: Attachment;
}

/** What a check is given. */
export interface CheckContext {
  settings: ConformanceSettings;
  client: RecordingClient;
  state: ConformanceState;
}

/** One check: its name in {@link CHECKS}, its level, and what it does (a string it returns is its detail). */
export interface CheckDefinition {
  check: keyof typeof CHECKS;
  level: CheckLevel;
  run(context: CheckContext): Promise<unknown>;
  /** Left out of the run (and the count) under these settings. */
  skip?(settings: ConformanceSettings): boolean;
}
