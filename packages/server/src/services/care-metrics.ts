import type {
  AgentRef,
  CareCampaignStats,
  CareComment,
  CareDay,
  CareReport,
  NpsSummary,
  ScoreAverage,
} from '@sapa/protocol/agent';
import { ProblemError } from '../problem.js';
import { siteTimezone } from '../site-config.js';
import type { ChatStore } from '../store/chat-store.js';
import type { FeedbackRecord } from '../store/records.js';
import { addDays, localDate, startOfDate } from '../time-zone.js';
import type { SiteDirectory } from './site-directory.js';

/** What `GET /agent/v1/care` asks for; every field is optional. */
export interface CareQuery {
  siteKey?: string;
  /** First day, `YYYY-MM-DD` in the site's time zone; default 29 days before `to`. */
  from?: string;
  /** Last day (included); default today. */
  to?: string;
  /** Narrows the feedback (ratings, NPS, comments, CSAT) to what came while this agent was assigned. */
  agent?: string;
}

/** Longest period one report covers. */
const MAX_DAYS = 366;
/** Comments a report lists. */
const MAX_COMMENTS = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * How customer care did in a period, for the console's Care page: per campaign sent / seen / answered and the
 * CSAT of the conversations it started; ratings and NPS; every day of the period (in the site's time zone); the
 * latest comments; and the agents to filter by.
 */
export class CareMetrics {
  constructor(
    private readonly store: ChatStore,
    private readonly sites: SiteDirectory,
    private readonly clock: () => Date,
  ) {}

  /** @throws {ProblemError} 400 for a malformed or reversed period, 404 for an unknown site */
  async report(query: CareQuery): Promise<CareReport> {
    const site = query.siteKey !== undefined ? this.sites.site(query.siteKey) : this.sites.all()[0];
    if (!site) throw new ProblemError('not_found', 'This server has no site.');
    const timezone = siteTimezone(site);
    const to = query.to ?? localDate(this.clock(), timezone);
    const from = query.from ?? addDays(to, -29);
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!DATE.test(value) || addDays(value, 0) !== value) {
        throw new ProblemError(
          'invalid_request',
          `The query parameter ${name} must be a date as YYYY-MM-DD.`,
        );
      }
    }
    if (from > to || addDays(from, MAX_DAYS - 1) < to) {
      throw new ProblemError(
        'invalid_request',
        `The period must run forward and cover at most ${MAX_DAYS} days.`,
      );
    }
    const start = startOfDate(from, timezone).toISOString();
    const end = startOfDate(addDays(to, 1), timezone).toISOString();
    const inPeriod = (time: string | undefined): time is string =>
      time !== undefined && time >= start && time < end;
    const dayOf = (time: string) => localDate(new Date(time), timezone);

    const sends = await this.store.campaignSends.timesBetween(site.siteKey, start, end);
    const feedback = await this.store.feedback.between(site.siteKey, start, end, query.agent);
    const ratings = feedback.filter((row) => row.kind === 'rating');
    const nps = feedback.filter((row) => row.kind === 'nps');

    const ids = [
      ...new Set([
        ...site.campaigns.map((campaign) => campaign.id),
        ...site.eventCampaigns.map((campaign) => campaign.id),
        ...sends.map((send) => send.campaignId),
      ]),
    ];
    const campaigns: CareCampaignStats[] = ids.map((id) => {
      const own = sends.filter((send) => send.campaignId === id);
      return {
        id,
        sent: own.filter((send) => inPeriod(send.sentAt)).length,
        seen: own.filter((send) => inPeriod(send.seenAt)).length,
        answered: own.filter((send) => inPeriod(send.answeredAt)).length,
        csat: average(ratings.filter((row) => row.campaignId === id)),
      };
    });

    // One pass over the rows, each counted on its day (every row is turned into a date once).
    const days = new Map<
      string,
      { sent: number; seen: number; answered: number; ratings: FeedbackRecord[]; nps: FeedbackRecord[] }
    >();
    for (let date = from; date <= to; date = addDays(date, 1)) {
      days.set(date, { sent: 0, seen: 0, answered: 0, ratings: [], nps: [] });
    }
    const day = (time: string | undefined) => (inPeriod(time) ? days.get(dayOf(time)) : undefined);
    for (const send of sends) {
      for (const [time, field] of [
        [send.sentAt, 'sent'],
        [send.seenAt, 'seen'],
        [send.answeredAt, 'answered'],
      ] as const) {
        const counters = day(time);
        if (counters) counters[field]++;
      }
    }
    for (const row of feedback) day(row.createdAt)?.[row.kind === 'rating' ? 'ratings' : 'nps'].push(row);
    const series: CareDay[] = [...days].map(([date, counters]) => {
      const { count, score } = npsSummary(counters.nps);
      return {
        date,
        sent: counters.sent,
        seen: counters.seen,
        answered: counters.answered,
        ratings: average(counters.ratings),
        nps: score === undefined ? { count } : { count, score },
      };
    });

    const distribution = [1, 2, 3, 4, 5].map((score) => ratings.filter((row) => row.score === score).length);
    const report: CareReport = {
      siteKey: site.siteKey,
      timezone,
      from,
      to,
      campaigns,
      ratings: { ...average(ratings), distribution },
      nps: npsSummary(nps),
      series,
      comments: await this.comments(feedback),
      agents: await this.agents(site.siteKey, feedback),
    };
    if (query.agent !== undefined) report.agent = query.agent;
    return report;
  }

  /** The latest comments, newest first, with their conversation's reference. */
  private async comments(feedback: FeedbackRecord[]): Promise<CareComment[]> {
    const commented = feedback
      .filter(
        (row): row is FeedbackRecord & { comment: string } => row.comment !== undefined && row.comment !== '',
      )
      .sort((first, second) => second.updatedAt.localeCompare(first.updatedAt))
      .slice(0, MAX_COMMENTS);
    const comments: CareComment[] = [];
    for (const row of commented) {
      const conversation = await this.store.conversations.get(row.conversationId);
      const comment: CareComment = {
        kind: row.kind,
        score: row.score,
        text: row.comment,
        conversationId: row.conversationId,
        createdAt: row.updatedAt,
      };
      if (conversation?.conversation.reference) comment.reference = conversation.conversation.reference;
      if (row.agent) comment.agent = row.agent;
      comments.push(comment);
    }
    return comments;
  }

  /** Every agent seen as an assignee, and any the feedback names. */
  private async agents(siteKey: string, feedback: FeedbackRecord[]): Promise<AgentRef[]> {
    const agents = new Map<string, AgentRef>();
    for (const agent of await this.store.conversations.assignees(siteKey)) agents.set(agent.id, agent);
    for (const row of feedback)
      if (row.agent && !agents.has(row.agent.id)) agents.set(row.agent.id, row.agent);
    return [...agents.values()].sort((first, second) =>
      (first.name ?? first.id).localeCompare(second.name ?? second.id),
    );
  }
}

/** The count and mean (two decimals) of some scores; no mean without scores. */
function average(rows: FeedbackRecord[]): ScoreAverage {
  if (rows.length === 0) return { count: 0 };
  const sum = rows.reduce((total, row) => total + row.score, 0);
  return { count: rows.length, average: Math.round((sum / rows.length) * 100) / 100 };
}

/** Promoters answer 9–10, passives 7–8, detractors 0–6; the score is % promoters − % detractors, rounded. */
function npsSummary(rows: FeedbackRecord[]): NpsSummary {
  const promoters = rows.filter((row) => row.score >= 9).length;
  const detractors = rows.filter((row) => row.score <= 6).length;
  const summary: NpsSummary = {
    count: rows.length,
    promoters,
    passives: rows.length - promoters - detractors,
    detractors,
  };
  if (rows.length > 0) summary.score = Math.round(((promoters - detractors) / rows.length) * 100);
  return summary;
}
