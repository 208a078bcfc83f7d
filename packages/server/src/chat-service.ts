import { createHmac, timingSafeEqual } from 'node:crypto';
import type {
  Action,
  Attributes,
  Availability,
  Card,
  Conversation,
  ConversationStatus,
  IdentifyRequest,
  IdentifyResponse,
  Locale,
  Message,
  PageInfo,
  Participant,
  Session,
  StreamEventMap,
  Visitor,
  VisitorUpdate,
  WidgetConfig,
} from '@sapa/protocol';
import type { AgentConversation } from './agent-conversation.js';
import { decideBotReply, toLocale } from './bot.js';
import { isWithinBusinessHours, nextOpening } from './business-hours.js';
import { dueDateCampaigns, renderCampaign } from './campaigns.js';
import type { ChatStore, ConversationRecord, StoredUpload, VisitorRecord } from './chat-store.js';
import type { EventHub } from './event-hub.js';
import { formatCursor, newToken } from './ids.js';
import { ProblemError } from './problem.js';
import type { ResolvedSite } from './site-config.js';

/** How long a visitor token lives without being resumed. */
const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

const SYSTEM: Participant = { role: 'system', id: 'system' };

const RESOLVED_TEXT: Record<Locale, string> = { en: 'Conversation resolved', id: 'Percakapan telah selesai' };
const REOPENED_TEXT: Record<Locale, string> = {
  en: 'Conversation reopened',
  id: 'Percakapan dibuka kembali',
};

/** A visitor's send, as validated by the HTTP layer. */
export type VisitorSend =
  | { type: 'text'; text: string }
  | { type: 'file'; attachmentIds: string[]; text?: string }
  | { type: 'postback'; payload: string; text: string };

/** An agent's send, as validated by the HTTP layer. */
export type AgentSend =
  | { type: 'text'; text: string; actions?: Action[] }
  | { type: 'card'; card: Card; actions?: Action[] }
  | { type: 'file'; attachmentIds: string[]; text?: string };

/**
 * The chat's behaviour: sessions and identity, conversations and messages, the durable per-visitor event log
 * and its live fan-out, the bot, campaigns and agent presence. HTTP handlers only validate and call it.
 */
export class ChatService {
  constructor(
    private readonly store: ChatStore,
    private readonly hub: EventHub,
    private readonly sites: ReadonlyMap<string, ResolvedSite>,
    private readonly streamRetention: number,
  ) {}

  site(siteKey: string): ResolvedSite {
    const site = this.sites.get(siteKey);
    if (!site) throw new ProblemError('not_found', `No site with the key ${JSON.stringify(siteKey)}.`);
    return site;
  }

  // ── Presence ───────────────────────────────────────────────────────────────────────────────────

  /** Agents are online while a console stream is open, and, when the site has hours, inside them. */
  agentsOnline(site: ResolvedSite, now = new Date()): boolean {
    if (this.hub.agentStreamCount === 0) return false;
    return !site.businessHours || isWithinBusinessHours(site.businessHours, now);
  }

  availability(site: ResolvedSite, now = new Date()): Availability {
    if (this.agentsOnline(site, now)) return { online: true, replyTime: 'minutes' };
    if (!site.businessHours || isWithinBusinessHours(site.businessHours, now)) {
      return { online: false, replyTime: 'hours' };
    }
    const availability: Availability = { online: false, replyTime: 'day' };
    const opening = nextOpening(site.businessHours, now);
    if (opening) availability.nextOpenAt = opening.toISOString();
    return availability;
  }

  config(site: ResolvedSite): WidgetConfig {
    const config: WidgetConfig = {
      siteKey: site.siteKey,
      name: site.name,
      defaultLocale: site.defaultLocale,
      availability: this.availability(site),
      prechat: site.prechat,
      channels: site.channels,
      campaigns: site.campaigns,
      upload: site.upload,
      identityRequired: site.identityRequired,
    };
    if (site.accentColor !== undefined) config.accentColor = site.accentColor;
    if (site.logoUrl !== undefined) config.logoUrl = site.logoUrl;
    if (site.greeting !== undefined) config.greeting = site.greeting;
    return config;
  }

  // ── Sessions and identity ──────────────────────────────────────────────────────────────────────

  /** Resumes the token's visitor (rotating the token) or makes a new anonymous one. */
  startSession(siteKey: string, token: string | undefined, locale?: string, page?: PageInfo): Session {
    const site = this.site(siteKey);
    const session = this.store.transaction(() => {
      const existing = token ? this.store.findSession(token) : undefined;
      const resumed = existing && this.store.getVisitor(existing.visitorId);
      let visitor: VisitorRecord;
      if (token && resumed && resumed.siteKey === siteKey) {
        this.store.deleteSession(token);
        this.store.touchVisitor(resumed.visitor.id, locale, page);
        visitor = resumed;
      } else {
        visitor = this.store.createVisitor(siteKey, locale, page);
      }
      return { ...this.issueToken(visitor.visitor.id), visitorId: visitor.visitor.id };
    });
    this.runDateCampaigns(site, session.visitorId);
    this.publishVisitorChanged(session.visitorId);
    return session;
  }

  private issueToken(visitorId: string): { token: string; expiresAt: string; cursor: string } {
    const token = newToken();
    const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS).toISOString();
    this.store.createSession(visitorId, token, expiresAt);
    // A resumed visitor continues from its own newest event; a new one from the log's head.
    const cursor = formatCursor(this.store.latestPosition(visitorId) ?? this.store.headPosition());
    return { token, expiresAt, cursor };
  }

  /** The visitor a bearer token belongs to. @throws {ProblemError} 401 */
  authenticate(token: string | undefined): VisitorRecord {
    const session = token ? this.store.findSession(token) : undefined;
    const visitor = session && this.store.getVisitor(session.visitorId);
    if (!visitor)
      throw new ProblemError('unauthorized', 'The visitor token is missing, expired or replaced.');
    return visitor;
  }

  /**
   * Links the visitor to a user of the site. A verified identify (valid `userHash`) moves an anonymous
   * visitor's conversations to the user, so the user sees them on every device; unverified identities are
   * recorded on this visitor only and never merged. The token is always rotated.
   */
  identify(current: VisitorRecord, token: string, request: IdentifyRequest): IdentifyResponse {
    const site = this.site(current.siteKey);
    const verified = site.identitySecret !== undefined && verifyUserHash(site.identitySecret, request);
    if (request.userHash !== undefined && !verified && site.identitySecret !== undefined) {
      throw new ProblemError('forbidden', 'The userHash does not match the userId.');
    }
    if (site.identityRequired && !verified) {
      throw new ProblemError('forbidden', 'This site requires a userHash for identify.');
    }
    const profile = pickProfile(request);
    const {
      visitorId,
      token: newSessionToken,
      closedVisitorId,
    } = this.store.transaction(() => {
      let target = current;
      let closed: string | undefined;
      if (verified) {
        const known = this.store.findVerifiedVisitor(site.siteKey, request.userId);
        const anonymous = !current.visitor.verified;
        if (known && known.visitor.id !== current.visitor.id) {
          if (anonymous) {
            const moved = this.store.moveConversations(current.visitor.id, known.visitor.id);
            this.store.markMerged(current.visitor.id, known.visitor.id);
            for (const conversationId of moved) {
              this.appendConversationUpdated(known.visitor.id, conversationId);
            }
          } else {
            this.store.deleteSession(token);
          }
          closed = current.visitor.id;
          target = known;
        } else if (
          known === undefined &&
          current.visitor.verified &&
          current.visitor.userId !== request.userId
        ) {
          // A different user signs in on a device where someone was signed in: a fresh visitor, nothing shared.
          this.store.deleteSession(token);
          closed = current.visitor.id;
          target = this.store.createVisitor(site.siteKey, current.locale, current.page);
          this.store.setVisitorUser(target.visitor.id, request.userId, true);
        } else {
          this.store.setVisitorUser(current.visitor.id, request.userId, true);
          this.store.deleteSession(token);
        }
      } else {
        if (!current.visitor.verified) this.store.setVisitorUser(current.visitor.id, request.userId, false);
        this.store.deleteSession(token);
      }
      this.store.updateVisitorProfile(target.visitor.id, profile);
      return {
        visitorId: target.visitor.id,
        token: this.issueToken(target.visitor.id).token,
        closedVisitorId: closed,
      };
    });
    // The old visitor's streams end, so its tabs reconnect with the new token (to the user's stream).
    if (closedVisitorId) this.hub.closeVisitorStreams(closedVisitorId);
    this.runDateCampaigns(site, visitorId);
    const visitor = this.publishVisitorChanged(visitorId);
    return { visitor, token: newSessionToken };
  }

  updateVisitor(current: VisitorRecord, update: VisitorUpdate): Visitor {
    this.store.updateVisitorProfile(current.visitor.id, update);
    this.runDateCampaigns(this.site(current.siteKey), current.visitor.id);
    return this.publishVisitorChanged(current.visitor.id);
  }

  /** Tells agents a visitor came online or went away (their first stream opened or last one closed). */
  visitorPresenceChanged(visitorId: string): void {
    this.publishVisitorChanged(visitorId);
  }

  private publishVisitorChanged(visitorId: string): Visitor {
    const record = this.store.getVisitor(visitorId) as VisitorRecord;
    this.hub.publishToAgents({
      type: 'visitor.updated',
      data: JSON.stringify({ visitor: this.agentVisitor(record) }),
    });
    return record.visitor;
  }

  // ── Conversations ──────────────────────────────────────────────────────────────────────────────

  listConversations(visitor: VisitorRecord): Conversation[] {
    return this.store.listVisitorConversations(visitor.visitor.id).map((record) => record.conversation);
  }

  /** Creates a conversation once per client id; with a campaign, its message comes first. */
  createConversation(
    visitor: VisitorRecord,
    clientConversationId: string,
    campaignId?: string,
  ): { conversation: Conversation; created: boolean } {
    const existing = this.store.findConversationByClientId(visitor.visitor.id, clientConversationId);
    if (existing) return { conversation: existing.conversation, created: false };
    const site = this.site(visitor.siteKey);
    const campaign = campaignId
      ? [...site.campaigns, ...site.eventCampaigns].find((candidate) => candidate.id === campaignId)
      : undefined;
    const { record, message } = this.store.transaction(() => {
      const created = this.store.createConversation(site.siteKey, visitor.visitor.id, clientConversationId);
      let first: Message | undefined;
      if (campaign) {
        const rendered = renderCampaign(campaign, visitor.visitor, this.visitorLocale(visitor));
        first = this.store.insertMessage(created.conversation.id, {
          author: this.botParticipant(site),
          type: 'text',
          text: rendered.message,
          ...(rendered.actions ? { actions: rendered.actions } : {}),
        });
      }
      return {
        record: this.store.getConversation(created.conversation.id) as ConversationRecord,
        message: first,
      };
    });
    this.publishConversationUpdated(record);
    if (message) this.publishMessageCreated(record, message);
    return { conversation: record.conversation, created: true };
  }

  /** The visitor's conversation with this id. @throws {ProblemError} 404 */
  visitorConversation(visitor: VisitorRecord, conversationId: string): ConversationRecord {
    const record = this.store.getConversation(conversationId);
    if (!record || record.visitorId !== visitor.visitor.id) {
      throw new ProblemError('not_found', `No conversation ${conversationId} for this visitor.`);
    }
    return record;
  }

  /** Any conversation, for agents. @throws {ProblemError} 404 */
  conversation(conversationId: string): ConversationRecord {
    const record = this.store.getConversation(conversationId);
    if (!record) throw new ProblemError('not_found', `No conversation ${conversationId}.`);
    return record;
  }

  pageMessages(conversationId: string, page: { after?: number; before?: number; limit: number }) {
    return this.store.pageMessages(conversationId, page);
  }

  /** The idempotent visitor send: 201 once, then the same message (200) or 422 for a different body. */
  sendVisitorMessage(
    visitor: VisitorRecord,
    conversationId: string,
    clientMessageId: string,
    send: VisitorSend,
  ): { message: Message; created: boolean } {
    const record = this.visitorConversation(visitor, conversationId);
    const requestKey = JSON.stringify(send);
    const existing = this.store.findMessageByClientId(conversationId, clientMessageId);
    if (existing) {
      if (existing.requestKey !== requestKey) {
        throw new ProblemError(
          'idempotency_mismatch',
          `Message ${clientMessageId} was already sent with a different body.`,
        );
      }
      return { message: existing.message, created: false };
    }
    const uploads =
      send.type === 'file' ? this.ownedUploads(send.attachmentIds, visitor.visitor.id) : undefined;
    const author: Participant = { role: 'visitor', id: visitor.visitor.id };
    if (visitor.visitor.name) author.name = visitor.visitor.name;
    const { message, updated } = this.store.transaction(() => {
      const inserted = this.store.insertMessage(conversationId, {
        author,
        type: send.type === 'file' ? 'file' : 'text',
        ...(send.text !== undefined ? { text: send.text } : {}),
        ...(uploads ? { attachments: uploads } : {}),
        clientMessageId,
        requestKey,
      });
      // A visitor writing into a resolved conversation opens it again.
      const reopened =
        record.conversation.status === 'resolved'
          ? this.store.updateConversation(conversationId, { status: 'open' })
          : undefined;
      return { message: inserted, updated: reopened };
    });
    const current = this.store.getConversation(conversationId) as ConversationRecord;
    this.publishMessageCreated(current, message);
    if (updated) this.publishConversationUpdated(updated);
    else this.publishAgentConversation(current);
    this.runBot(visitor, current, send);
    return { message, created: true };
  }

  private ownedUploads(attachmentIds: string[], owner: string): StoredUpload[] {
    return attachmentIds.map((id) => {
      const upload = this.store.getUpload(id);
      if (!upload || upload.owner !== owner) {
        throw new ProblemError('invalid_request', `No upload ${id} belongs to this sender.`);
      }
      return upload;
    });
  }

  visitorTyping(visitor: VisitorRecord, conversationId: string, typing: boolean): void {
    this.visitorConversation(visitor, conversationId);
    const participant: Participant = { role: 'visitor', id: visitor.visitor.id };
    if (visitor.visitor.name) participant.name = visitor.visitor.name;
    this.hub.publishToAgents({
      type: 'typing',
      data: JSON.stringify({ conversationId, participant, typing }),
    });
  }

  visitorRead(visitor: VisitorRecord, conversationId: string, seq: number): void {
    const before = this.visitorConversation(visitor, conversationId);
    const after = this.store.updateConversation(conversationId, { visitorReadSeq: seq });
    if (after.conversation.visitorReadSeq === before.conversation.visitorReadSeq) return;
    this.hub.publishToAgents({
      type: 'read.updated',
      data: JSON.stringify({ conversationId, role: 'visitor', seq: after.conversation.visitorReadSeq }),
    });
    this.publishConversationUpdated(after);
  }

  rate(visitor: VisitorRecord, conversationId: string, score: number, comment?: string): void {
    this.visitorConversation(visitor, conversationId);
    const rating = comment === undefined ? { score } : { score, comment };
    this.publishConversationUpdated(this.store.updateConversation(conversationId, { rating }));
  }

  // ── Events and campaigns ───────────────────────────────────────────────────────────────────────

  /** A custom event from the site; matching backend campaigns are sent once per visitor. */
  trackEvent(visitor: VisitorRecord, name: string): void {
    this.store.touchVisitor(visitor.visitor.id);
    const site = this.site(visitor.siteKey);
    for (const campaign of site.eventCampaigns) {
      if (campaign.trigger.type === 'event' && campaign.trigger.name === name) {
        this.deliverCampaign(visitor.visitor.id, campaign, campaign.id);
      }
    }
  }

  private runDateCampaigns(site: ResolvedSite, visitorId: string): void {
    const record = this.store.getVisitor(visitorId) as VisitorRecord;
    for (const { campaign, deliveryKey } of dueDateCampaigns(site, record.visitor, new Date())) {
      this.deliverCampaign(visitorId, campaign, deliveryKey);
    }
  }

  private deliverCampaign(
    visitorId: string,
    campaign: { id: string; message: { en?: string; id?: string }; actions?: Action[] },
    deliveryKey: string,
  ): void {
    if (!this.store.claimCampaignDelivery(visitorId, deliveryKey)) return;
    const record = this.store.getVisitor(visitorId) as VisitorRecord;
    const rendered = renderCampaign(campaign, record.visitor, this.visitorLocale(record));
    this.emitDurable(visitorId, 'campaign.triggered', { campaign: rendered });
  }

  // ── The bot ────────────────────────────────────────────────────────────────────────────────────

  private runBot(visitor: VisitorRecord, record: ConversationRecord, send: VisitorSend): void {
    const site = this.site(record.siteKey);
    if (!site.bot || record.handedOver || this.agentsOnline(site)) return;
    if (send.type === 'file') return;
    const decision = decideBotReply({
      text: send.text,
      ...(send.type === 'postback' ? { payload: send.payload } : {}),
      ...(visitor.locale ? { visitorLocale: visitor.locale } : {}),
      site,
    });
    const bot = this.botParticipant(site);
    if (decision.kind === 'answer') {
      const message = this.store.transaction(() =>
        this.store.insertMessage(record.conversation.id, {
          author: bot,
          type: 'text',
          text: decision.text,
          ...(decision.actions ? { actions: decision.actions } : {}),
        }),
      );
      this.publishMessageCreated(this.conversation(record.conversation.id), message);
      return;
    }
    const { messages, updated } = this.store.transaction(() => {
      const reply = this.store.insertMessage(record.conversation.id, {
        author: bot,
        type: 'text',
        text: decision.text,
      });
      const line = this.store.insertMessage(record.conversation.id, {
        author: SYSTEM,
        type: 'event',
        text: decision.eventText,
      });
      const changed = this.store.updateConversation(record.conversation.id, {
        status: 'pending',
        handedOver: true,
      });
      return { messages: [reply, line], updated: changed };
    });
    for (const message of messages) this.publishMessageCreated(updated, message);
    this.publishConversationUpdated(updated);
  }

  private botParticipant(site: ResolvedSite): Participant {
    return { role: 'bot', id: 'bot', name: site.name };
  }

  private visitorLocale(visitor: VisitorRecord): Locale {
    return toLocale(visitor.locale) ?? this.site(visitor.siteKey).defaultLocale;
  }

  // ── Agents ─────────────────────────────────────────────────────────────────────────────────────

  agentConversation(record: ConversationRecord): AgentConversation {
    const visitor = this.store.getVisitor(record.visitorId) as VisitorRecord;
    const agentConversation: AgentConversation = {
      ...record.conversation,
      visitor: this.agentVisitor(visitor),
      unreadCount: this.store.agentUnreadCount(record.conversation.id, record.conversation.agentReadSeq),
      handedOver: record.handedOver,
      siteKey: record.siteKey,
    };
    const lastMessage = this.store.lastMessage(record.conversation.id);
    if (lastMessage) agentConversation.lastMessage = lastMessage;
    return agentConversation;
  }

  private agentVisitor(record: VisitorRecord): AgentConversation['visitor'] {
    const visitor: AgentConversation['visitor'] = {
      ...record.visitor,
      online: this.hub.isVisitorOnline(record.visitor.id),
      lastSeenAt: record.lastSeenAt,
    };
    if (record.page) visitor.page = record.page;
    if (record.locale) visitor.locale = record.locale;
    return visitor;
  }

  listAgentConversations(status?: ConversationStatus): AgentConversation[] {
    return this.store.listConversations(status).map((record) => this.agentConversation(record));
  }

  sendAgentMessage(conversationId: string, send: AgentSend, agentName?: string): Message {
    const record = this.conversation(conversationId);
    const site = this.site(record.siteKey);
    const name = agentName?.trim() || site.name;
    const author: Participant = { role: 'agent', id: `agent:${name}`, name };
    const uploads = send.type === 'file' ? this.ownedUploads(send.attachmentIds, 'agent') : undefined;
    const { message, updated } = this.store.transaction(() => {
      const inserted = this.store.insertMessage(conversationId, {
        author,
        type: send.type,
        ...(send.type !== 'card' && send.text !== undefined ? { text: send.text } : {}),
        ...(send.type === 'card' ? { card: send.card } : {}),
        ...(send.type !== 'file' && send.actions ? { actions: send.actions } : {}),
        ...(uploads ? { attachments: uploads } : {}),
      });
      // The first agent to answer takes the conversation; a pending (handed-over) one becomes open.
      const change: { assignee?: Participant; status?: ConversationStatus } = {};
      if (!record.conversation.assignee) change.assignee = author;
      if (record.conversation.status !== 'open') change.status = 'open';
      const changed =
        Object.keys(change).length > 0 ? this.store.updateConversation(conversationId, change) : undefined;
      return { message: inserted, updated: changed };
    });
    const current = this.conversation(conversationId);
    this.publishMessageCreated(current, message);
    if (updated) this.publishConversationUpdated(current);
    else this.publishAgentConversation(current);
    return message;
  }

  agentTyping(conversationId: string, typing: boolean, agentName?: string): void {
    const record = this.conversation(conversationId);
    const name = agentName?.trim() || this.site(record.siteKey).name;
    const participant: Participant = { role: 'agent', id: `agent:${name}`, name };
    const event = { type: 'typing', data: JSON.stringify({ conversationId, participant, typing }) };
    this.hub.publishToVisitor(record.visitorId, event);
    this.hub.publishToAgents(event);
  }

  agentRead(conversationId: string, seq: number): void {
    const before = this.conversation(conversationId);
    const after = this.store.updateConversation(conversationId, { agentReadSeq: seq });
    if (after.conversation.agentReadSeq === before.conversation.agentReadSeq) return;
    this.emitDurable(after.visitorId, 'read.updated', {
      conversationId,
      role: 'agent',
      seq: after.conversation.agentReadSeq,
    });
    this.publishConversationUpdated(after);
  }

  /** Resolves: an `event` line, then `conversation.updated`, after which the widget asks for a rating. */
  setStatus(conversationId: string, status: 'resolved' | 'open'): Conversation {
    const record = this.conversation(conversationId);
    if (record.conversation.status === status) return record.conversation;
    // Taking a pending (handed-over) conversation is not "reopening" it: only changes to or from resolved
    // get a line in the conversation.
    if (status === 'open' && record.conversation.status === 'pending') {
      const taken = this.store.updateConversation(conversationId, { status });
      this.publishConversationUpdated(taken);
      return taken.conversation;
    }
    const visitor = this.store.getVisitor(record.visitorId) as VisitorRecord;
    const locale = this.visitorLocale(visitor);
    const { message, updated } = this.store.transaction(() => {
      const line = this.store.insertMessage(conversationId, {
        author: SYSTEM,
        type: 'event',
        text: (status === 'resolved' ? RESOLVED_TEXT : REOPENED_TEXT)[locale],
      });
      return { message: line, updated: this.store.updateConversation(conversationId, { status }) };
    });
    this.publishMessageCreated(updated, message);
    this.publishConversationUpdated(updated);
    return updated.conversation;
  }

  // ── Fan-out ────────────────────────────────────────────────────────────────────────────────────

  private emitDurable<K extends keyof StreamEventMap>(
    visitorId: string,
    type: K,
    data: StreamEventMap[K],
  ): void {
    const json = JSON.stringify(data);
    const cursor = this.store.appendEvent(visitorId, type, json, this.streamRetention);
    this.hub.publishToVisitor(visitorId, { type, id: cursor, data: json });
  }

  private appendConversationUpdated(visitorId: string, conversationId: string): void {
    const record = this.conversation(conversationId);
    this.emitDurable(visitorId, 'conversation.updated', { conversation: record.conversation });
  }

  private publishMessageCreated(record: ConversationRecord, message: Message): void {
    this.emitDurable(record.visitorId, 'message.created', { message });
    this.hub.publishToAgents({
      type: 'message.created',
      data: JSON.stringify({ conversationId: message.conversationId, message }),
    });
  }

  private publishConversationUpdated(record: ConversationRecord): void {
    this.emitDurable(record.visitorId, 'conversation.updated', { conversation: record.conversation });
    this.publishAgentConversation(record);
  }

  private publishAgentConversation(record: ConversationRecord): void {
    this.hub.publishToAgents({
      type: 'conversation.updated',
      data: JSON.stringify({ conversation: this.agentConversation(record) }),
    });
  }
}

/** Checks `userHash` = lowercase hex HMAC-SHA256(secret, userId) in constant time. */
export function verifyUserHash(secret: string, request: IdentifyRequest): boolean {
  if (typeof request.userHash !== 'string') return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(request.userId).digest('hex'));
  const given = Buffer.from(request.userHash);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function pickProfile(request: IdentifyRequest): {
  name?: string;
  email?: string;
  phone?: string;
  attributes?: Attributes;
} {
  const profile: { name?: string; email?: string; phone?: string; attributes?: Attributes } = {};
  if (request.name !== undefined) profile.name = request.name;
  if (request.email !== undefined) profile.email = request.email;
  if (request.phone !== undefined) profile.phone = request.phone;
  if (request.attributes !== undefined) profile.attributes = request.attributes;
  return profile;
}
