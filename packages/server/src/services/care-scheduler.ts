import type { SweepClaims } from '../cluster/sweep-claims.js';
import type { EmailReplies } from './email-replies.js';
import type { EventRules } from './event-rules.js';
import type { FeedbackService } from './feedback-service.js';

/** How often the scheduler sweeps. */
export const CARE_SWEEP_INTERVAL_MS = 30_000;

/** What one sweep did. */
export interface CareSweepResult {
  /** Delayed rules sent (the cart-abandoned nudge). */
  delayed: number;
  /** Feedback requests posted in resolved conversations. */
  feedbackRequests: number;
  /** Emails of replies sent. */
  emails: number;
  /** Counted events forgotten (older than every rule's window). */
  prunedEvents: number;
}

/** The timed part of customer care: one sweep at start and every 30 s; tests run sweeps themselves. */
export interface CareScheduler {
  /** Runs a sweep now (after the one under way, if any) and reports what it did. */
  sweep(): Promise<CareSweepResult>;
  /** Sweeps now and then every {@link CARE_SWEEP_INTERVAL_MS}; the timer does not keep the process alive. */
  start(): void;
  /** Stops the timer and waits for a sweep under way. */
  stop(): Promise<void>;
}

/**
 * Creates the care scheduler: delayed rules, `after-resolved` feedback requests, emailed replies and the pruning
 * of counted events, each step on the server's clock (so tests move time instead of waiting). Sweeps never
 * overlap; a failing step is logged and the next sweep tries again.
 *
 * @example
 * const scheduler = createCareScheduler({ rules, feedback, emails, log });
 * scheduler.start();
 * await scheduler.sweep(); // { delayed: 0, feedbackRequests: 1, emails: 0, prunedEvents: 0 }
 */
export function createCareScheduler(parts: {
  rules: EventRules;
  feedback: FeedbackService;
  emails: EmailReplies;
  log: (message: string, error?: unknown) => void;
  /** Claims each sweep so that one node runs it (default: every sweep runs). */
  claims?: SweepClaims;
  intervalMs?: number;
}): CareScheduler {
  let running: Promise<CareSweepResult> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const step = async (name: string, work: () => Promise<number>): Promise<number> => {
    try {
      return await work();
    } catch (error) {
      parts.log(`Customer care: ${name} failed; the next sweep tries again.`, error);
      return 0;
    }
  };

  const runSteps = async (): Promise<CareSweepResult> => ({
    delayed: await step('sending delayed campaigns', () => parts.rules.sendDue()),
    feedbackRequests: await step('sending feedback requests', () => parts.feedback.requestDue()),
    emails: await step('emailing replies', () => parts.emails.sendDue()),
    prunedEvents: await step('forgetting old counted events', () => parts.rules.pruneTrackedEvents()),
  });
  // With many nodes on one database, one of them sweeps at a time: the others skip the round, so nothing due
  // (a thank-you, an email) is sent twice (issue 14).
  const nothing: CareSweepResult = { delayed: 0, feedbackRequests: 0, emails: 0, prunedEvents: 0 };
  const run = async (): Promise<CareSweepResult> => {
    if (!parts.claims) return runSteps();
    try {
      return await parts.claims.run('care', runSteps, nothing);
    } catch (error) {
      // Claiming failed (the database is away): skip this round; the timer's sweep must never reject.
      parts.log('Customer care: claiming the sweep failed; the next sweep tries again.', error);
      return nothing;
    }
  };

  const sweep = async (): Promise<CareSweepResult> => {
    while (running) await running.catch(() => undefined);
    running = run();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };

  return {
    sweep,
    start() {
      if (timer) return;
      void sweep();
      timer = setInterval(() => void sweep(), parts.intervalMs ?? CARE_SWEEP_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (running) await running.catch(() => undefined);
    },
  };
}
