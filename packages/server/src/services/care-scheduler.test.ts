import { describe, expect, it } from 'vitest';
import type { SweepClaims } from '../cluster/sweep-claims.js';
import { createCareScheduler } from './care-scheduler.js';
import type { EmailReplies } from './email-replies.js';
import type { EventRules } from './event-rules.js';
import type { FeedbackService } from './feedback-service.js';

/** Steps that report one delayed send each time, and nothing else. */
function steps() {
  return {
    rules: { sendDue: async () => 1, pruneTrackedEvents: async () => 0 } as unknown as EventRules,
    feedback: { requestDue: async () => 0 } as unknown as FeedbackService,
    emails: { sendDue: async () => 0 } as unknown as EmailReplies,
  };
}

describe('the care scheduler with many servers', () => {
  it('skips a round another server claimed, and a round whose claim failed, logging that', async () => {
    const logged: string[] = [];
    let claim: 'mine' | 'taken' | 'failing' = 'taken';
    const claims: SweepClaims = {
      run: (_name, work, skipped) =>
        claim === 'mine'
          ? work()
          : claim === 'taken'
            ? Promise.resolve(skipped)
            : Promise.reject(new Error('The database is away.')),
    };
    const scheduler = createCareScheduler({ ...steps(), log: (message) => logged.push(message), claims });
    const nothing = { delayed: 0, feedbackRequests: 0, emails: 0, prunedEvents: 0 };
    expect(await scheduler.sweep()).toEqual(nothing);
    claim = 'failing';
    // The timer's sweep never rejects: the round is skipped and logged.
    expect(await scheduler.sweep()).toEqual(nothing);
    expect(logged).toEqual(['Customer care: claiming the sweep failed; the next sweep tries again.']);
    claim = 'mine';
    expect(await scheduler.sweep()).toEqual({ ...nothing, delayed: 1 });
  });
});
