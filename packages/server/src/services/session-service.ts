import type {
  IdentifyRequest,
  IdentifyResponse,
  PageInfo,
  Session,
  Visitor,
  VisitorUpdate,
} from '@sapa/protocol';
import type { ProfileFieldSource, ProfileSources } from '@sapa/protocol/agent';
import { formatCursor, newToken } from '../ids.js';
import { ProblemError } from '../problem.js';
import type { ChatStore, Repositories } from '../store/chat-store.js';
import type { VisitorProfile, VisitorRecord } from '../store/records.js';
import type { EventRules } from './event-rules.js';
import type { FanOut, TransactionEvents } from './fan-out.js';
import type { SiteDirectory } from './site-directory.js';
import { verifyUserHash } from './user-hash.js';
import { mergeAttributes } from './visitor-attributes.js';

/** How long a visitor token lives without being resumed. */
const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** Visitor sessions and identity: tokens, resuming, identify (with merging) and profile changes. */
export class SessionService {
  constructor(
    private readonly store: ChatStore,
    private readonly sites: SiteDirectory,
    private readonly fanOut: FanOut,
    private readonly rules: EventRules,
    private readonly clock: () => Date,
  ) {}

  /** Resumes the token's visitor (rotating the token) or makes a new anonymous one. */
  async start(
    siteKey: string,
    token: string | undefined,
    locale?: string,
    page?: PageInfo,
  ): Promise<Session> {
    this.sites.site(siteKey);
    return this.store.transaction(async (transaction) => {
      const existing = token ? await transaction.sessions.find(token) : undefined;
      const resumed = existing && (await transaction.visitors.get(existing.visitorId));
      let visitorId: string;
      if (token && resumed && resumed.siteKey === siteKey) {
        await transaction.sessions.delete(token);
        await transaction.visitors.touch(resumed.visitor.id, locale, page);
        visitorId = resumed.visitor.id;
      } else {
        visitorId = (await transaction.visitors.create(siteKey, locale, page)).visitor.id;
      }
      // The cursor is taken before the campaigns below, so the visitor's stream replays them.
      const session = { ...(await issueToken(transaction, visitorId, this.clock())), visitorId };
      await this.afterVisitorChange(transaction, this.fanOut.in(transaction), visitorId);
      return session;
    });
  }

  /** The visitor a bearer token belongs to. @throws {ProblemError} 401 */
  async authenticate(token: string | undefined): Promise<VisitorRecord> {
    const session = token ? await this.store.sessions.find(token) : undefined;
    const visitor = session && (await this.store.visitors.get(session.visitorId));
    if (!visitor)
      throw new ProblemError('unauthorized', 'The visitor token is missing, expired or replaced.');
    return visitor;
  }

  /**
   * Links the visitor to a user of the site. A verified identify (valid `userHash`) moves an anonymous
   * visitor's conversations to the user, so the user sees them on every device; unverified identities are
   * recorded on this visitor only and never merged. The token is always rotated.
   */
  async identify(current: VisitorRecord, token: string, request: IdentifyRequest): Promise<IdentifyResponse> {
    const site = this.sites.site(current.siteKey);
    const verified = site.identitySecret !== undefined && verifyUserHash(site.identitySecret, request);
    if (request.userHash !== undefined && !verified && site.identitySecret !== undefined) {
      throw new ProblemError('forbidden', 'The userHash does not match the userId.');
    }
    if (site.identityRequired && !verified) {
      throw new ProblemError('forbidden', 'This site requires a userHash for identify.');
    }
    return this.store.transaction(async (transaction) => {
      const events = this.fanOut.in(transaction);
      let target = current;
      if (verified) {
        const known = await transaction.visitors.findVerified(site.siteKey, request.userId);
        if (known && known.visitor.id !== current.visitor.id) {
          if (!current.visitor.verified) await this.merge(transaction, events, current, known);
          else await transaction.sessions.delete(token);
          target = known;
        } else if (
          known === undefined &&
          current.visitor.verified &&
          current.visitor.userId !== request.userId
        ) {
          // A different user signs in on a device where someone was signed in: a fresh visitor, nothing shared.
          await transaction.sessions.delete(token);
          target = await transaction.visitors.create(site.siteKey, current.locale, current.page);
          await transaction.visitors.setUser(target.visitor.id, request.userId, true);
        } else {
          await transaction.visitors.setUser(current.visitor.id, request.userId, true);
          await transaction.sessions.delete(token);
        }
      } else {
        if (!current.visitor.verified)
          await transaction.visitors.setUser(current.visitor.id, request.userId, false);
        await transaction.sessions.delete(token);
      }
      const visitorId = target.visitor.id;
      const source = verified ? 'identity-verified' : 'identity';
      await this.applyProfile(transaction, visitorId, pickProfile(request), source);
      const { token: newSessionToken } = await issueToken(transaction, visitorId, this.clock());
      // The old visitor's streams end, so its tabs reconnect with the new token (to the user's stream).
      if (visitorId !== current.visitor.id) events.closeVisitorStreams(current.visitor.id);
      const visitor = await this.afterVisitorChange(transaction, events, visitorId);
      // Without a secret the hash cannot be checked; say so instead of dropping it silently (issue 13).
      return request.userHash !== undefined && site.identitySecret === undefined
        ? { visitor, token: newSessionToken, userHashIgnored: true }
        : { visitor, token: newSessionToken };
    });
  }

  /**
   * Changes the visitor's profile (attributes are merged) and records where the values came from: `form` or
   * `chat` as the client says, else `identity` (the page's own code, as an unverified identify).
   */
  async updateVisitor(current: VisitorRecord, update: VisitorUpdate): Promise<Visitor> {
    const { source, ...profile } = update;
    return this.store.transaction(async (transaction) => {
      await this.applyProfile(transaction, current.visitor.id, profile, source ?? 'identity');
      return this.afterVisitorChange(transaction, this.fanOut.in(transaction), current.visitor.id);
    });
  }

  /**
   * A profile change, its attributes checked against the per-visitor caps first (on the visitor as this
   * transaction sees them, so two requests cannot pass the caps together), with where its values came from.
   * @throws {ProblemError} 413
   */
  private async applyProfile(
    transaction: Repositories,
    visitorId: string,
    profile: VisitorProfile,
    source: ProfileFieldSource,
  ) {
    const record = (await transaction.visitors.get(visitorId)) as VisitorRecord;
    if (profile.attributes !== undefined) mergeAttributes(record.visitor.attributes, profile.attributes);
    await transaction.visitors.updateProfile(visitorId, withSources(record, profile, source));
  }

  /** Forgets expired sessions (they already fail), keeping the table the size of the live ones. */
  async sweepExpired(): Promise<number> {
    return this.store.sessions.deleteExpired();
  }

  /** An anonymous visitor's conversations move to the verified user's visitor, and its sessions end. */
  private async merge(
    transaction: Repositories,
    events: TransactionEvents,
    anonymous: VisitorRecord,
    known: VisitorRecord,
  ): Promise<void> {
    const moved = await transaction.conversations.moveAll(anonymous.visitor.id, known.visitor.id);
    // What customer care knows of the visit goes along: campaigns sent, events counted, sends waiting.
    await transaction.campaignSends.moveAll(anonymous.visitor.id, known.visitor.id);
    await transaction.trackedEvents.moveAll(anonymous.visitor.id, known.visitor.id);
    await transaction.scheduledSends.moveAll(anonymous.visitor.id, known.visitor.id);
    await transaction.visitors.markMerged(anonymous.visitor.id, known.visitor.id);
    await transaction.sessions.deleteForVisitor(anonymous.visitor.id);
    for (const conversationId of moved) {
      const record = await transaction.conversations.get(conversationId);
      if (record) {
        await events.toVisitor(known.visitor.id, 'conversation.updated', {
          conversation: record.conversation,
        });
      }
    }
  }

  /** Date and attribute campaigns may be due now; agents see the visitor as it is. */
  private async afterVisitorChange(
    transaction: Repositories,
    events: TransactionEvents,
    visitorId: string,
  ): Promise<Visitor> {
    await this.rules.afterProfileChange(transaction, events, visitorId);
    return events.visitorUpdated(visitorId);
  }
}

/**
 * The profile change with the sources it leaves: each value given records `source`, unless it is the value the
 * visitor already had (a form repeating a verified name keeps "verified"); a verified identity always wins.
 */
function withSources(
  current: VisitorRecord,
  profile: VisitorProfile,
  source: ProfileFieldSource,
): VisitorProfile {
  const sources: ProfileSources = { ...current.sources };
  for (const field of ['name', 'email', 'phone'] as const) {
    const value = profile[field];
    if (value === undefined) continue;
    if (value !== current.visitor[field] || source === 'identity-verified' || !sources[field]) {
      sources[field] = source;
    }
  }
  return { ...profile, sources };
}

async function issueToken(
  repositories: Repositories,
  visitorId: string,
  now: Date,
): Promise<{ token: string; expiresAt: string; cursor: string }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
  await repositories.sessions.create(visitorId, token, expiresAt);
  // A resumed visitor continues from its own newest event; a new one from the log's head.
  const position =
    (await repositories.events.latestPosition(visitorId)) ?? (await repositories.events.headPosition());
  return { token, expiresAt, cursor: formatCursor(position) };
}

function pickProfile(request: IdentifyRequest): VisitorProfile {
  const profile: VisitorProfile = {};
  if (request.name !== undefined) profile.name = request.name;
  if (request.email !== undefined) profile.email = request.email;
  if (request.phone !== undefined) profile.phone = request.phone;
  if (request.attributes !== undefined) profile.attributes = request.attributes;
  return profile;
}
