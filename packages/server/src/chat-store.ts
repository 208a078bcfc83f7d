import type {
  Action,
  Attachment,
  Attributes,
  Card,
  Conversation,
  ConversationStatus,
  Message,
  MessageType,
  PageInfo,
  Participant,
  Rating,
  StreamEventMap,
  Visitor,
} from '@sapa/protocol';
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from './database.js';

type Statement = Database.Statement<unknown[]>;

import { formatCursor, hashToken, newId } from './ids.js';

interface VisitorRow {
  id: string;
  site_key: string;
  user_id: string | null;
  verified: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  attributes: string;
  locale: string | null;
  page: string | null;
  created_at: string;
  last_seen_at: string;
  merged_into: string | null;
  pruned_through: number;
}

interface ConversationRow {
  id: string;
  site_key: string;
  visitor_id: string;
  client_conversation_id: string | null;
  status: ConversationStatus;
  created_at: string;
  updated_at: string;
  last_seq: number;
  visitor_read_seq: number;
  agent_read_seq: number;
  assignee: string | null;
  rating: string | null;
  handed_over: number;
}

interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_message_id: string | null;
  request_key: string | null;
  author: string;
  type: MessageType;
  text: string | null;
  attachments: string | null;
  actions: string | null;
  card: string | null;
  created_at: string;
}

/** A stored upload: an attachment without its URL, plus who may use it. */
export interface StoredUpload {
  id: string;
  siteKey: string;
  /** The visitor id that uploaded it, or `agent`. */
  owner: string;
  name: string;
  size: number;
  mime: string;
}

/** A visitor as the server keeps it: the wire visitor plus what the agents see. */
export interface VisitorRecord {
  visitor: Visitor;
  siteKey: string;
  locale?: string;
  page?: PageInfo;
  lastSeenAt: string;
  prunedThrough: number;
}

/** A conversation as the server keeps it. */
export interface ConversationRecord {
  conversation: Conversation;
  siteKey: string;
  visitorId: string;
  handedOver: boolean;
}

/** A stored message and the canonical body it was sent with (idempotency). */
export interface MessageRecord {
  message: Message;
  requestKey?: string;
}

/** What a new message carries. */
export interface NewMessage {
  author: Participant;
  type: MessageType;
  text?: string;
  attachments?: StoredUpload[];
  actions?: Action[];
  card?: Card;
  clientMessageId?: string;
  requestKey?: string;
}

/** One durable stream event as stored. */
export interface StoredEvent {
  cursor: string;
  type: keyof StreamEventMap;
  data: string;
}

function parseJson<T>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}

/**
 * Every SQL statement of the server, turning rows into wire objects. Synchronous (better-sqlite3),
 * so each method is atomic with respect to the others; multi-step changes use {@link ChatStore.transaction}.
 */
export class ChatStore {
  /** Absolute base URL that attachment URLs start with. */
  publicUrl = '';

  // Preparing a statement costs more than running it; every statement text is prepared once.
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly database: SqliteDatabase) {}

  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.database.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Runs `work` in one SQLite transaction. */
  transaction<T>(work: () => T): T {
    return this.database.transaction(work)();
  }

  now(): string {
    return new Date().toISOString();
  }

  // ── Visitors and sessions ──────────────────────────────────────────────────────────────────────

  createVisitor(siteKey: string, locale: string | undefined, page: PageInfo | undefined): VisitorRecord {
    const id = newId('v');
    const now = this.now();
    this.sql(
      `INSERT INTO visitors (id, site_key, locale, page, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(id, siteKey, locale ?? null, page ? JSON.stringify(page) : null, now, now);
    return this.getVisitor(id) as VisitorRecord;
  }

  getVisitor(id: string): VisitorRecord | undefined {
    const row = this.sql('SELECT * FROM visitors WHERE id = ?').get(id) as VisitorRow | undefined;
    return row && this.toVisitorRecord(row);
  }

  findVerifiedVisitor(siteKey: string, userId: string): VisitorRecord | undefined {
    const row = this.sql('SELECT * FROM visitors WHERE site_key = ? AND user_id = ? AND verified = 1').get(
      siteKey,
      userId,
    ) as VisitorRow | undefined;
    return row && this.toVisitorRecord(row);
  }

  /** Records where the visitor is and what they speak; `undefined` fields stay as they were. */
  touchVisitor(id: string, locale?: string, page?: PageInfo): void {
    this.sql(
      `UPDATE visitors SET last_seen_at = ?, locale = COALESCE(?, locale), page = COALESCE(?, page) WHERE id = ?`,
    ).run(this.now(), locale ?? null, page ? JSON.stringify(page) : null, id);
  }

  updateVisitorProfile(
    id: string,
    profile: { name?: string; email?: string; phone?: string; attributes?: Attributes },
  ): VisitorRecord {
    const current = this.getVisitor(id);
    if (!current) throw new Error(`Visitor ${id} does not exist.`);
    const attributes = { ...current.visitor.attributes, ...(profile.attributes ?? {}) };
    this.sql(
      `UPDATE visitors SET name = COALESCE(?, name), email = COALESCE(?, email), phone = COALESCE(?, phone),
         attributes = ? WHERE id = ?`,
    ).run(profile.name ?? null, profile.email ?? null, profile.phone ?? null, JSON.stringify(attributes), id);
    return this.getVisitor(id) as VisitorRecord;
  }

  setVisitorUser(id: string, userId: string, verified: boolean): void {
    this.sql('UPDATE visitors SET user_id = ?, verified = ? WHERE id = ?').run(userId, verified ? 1 : 0, id);
  }

  markMerged(fromVisitorId: string, intoVisitorId: string): void {
    this.sql('UPDATE visitors SET merged_into = ? WHERE id = ?').run(intoVisitorId, fromVisitorId);
    this.sql('DELETE FROM sessions WHERE visitor_id = ?').run(fromVisitorId);
  }

  createSession(visitorId: string, token: string, expiresAt: string): void {
    this.sql('INSERT INTO sessions (token_hash, visitor_id, expires_at, created_at) VALUES (?, ?, ?, ?)').run(
      hashToken(token),
      visitorId,
      expiresAt,
      this.now(),
    );
  }

  /** The visitor a live token belongs to. */
  findSession(token: string): { visitorId: string; expiresAt: string } | undefined {
    const row = this.sql(
      'SELECT visitor_id, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?',
    ).get(hashToken(token), this.now()) as { visitor_id: string; expires_at: string } | undefined;
    return row && { visitorId: row.visitor_id, expiresAt: row.expires_at };
  }

  /** Forgets expired sessions; returns how many. */
  deleteExpiredSessions(): number {
    return this.sql('DELETE FROM sessions WHERE expires_at <= ?').run(this.now()).changes;
  }

  deleteSession(token: string): void {
    this.sql('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
  }

  private toVisitorRecord(row: VisitorRow): VisitorRecord {
    const visitor: Visitor = {
      id: row.id,
      attributes: JSON.parse(row.attributes),
      verified: row.verified === 1,
    };
    if (row.user_id !== null) visitor.userId = row.user_id;
    if (row.name !== null) visitor.name = row.name;
    if (row.email !== null) visitor.email = row.email;
    if (row.phone !== null) visitor.phone = row.phone;
    const record: VisitorRecord = {
      visitor,
      siteKey: row.site_key,
      lastSeenAt: row.last_seen_at,
      prunedThrough: row.pruned_through,
    };
    if (row.locale !== null) record.locale = row.locale;
    const page = parseJson<PageInfo>(row.page);
    if (page) record.page = page;
    return record;
  }

  // ── Conversations ──────────────────────────────────────────────────────────────────────────────

  createConversation(
    siteKey: string,
    visitorId: string,
    clientConversationId: string | undefined,
  ): ConversationRecord {
    const id = newId('c');
    const now = this.now();
    this.sql(
      `INSERT INTO conversations (id, site_key, visitor_id, client_conversation_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(id, siteKey, visitorId, clientConversationId ?? null, now, now);
    return this.getConversation(id) as ConversationRecord;
  }

  getConversation(id: string): ConversationRecord | undefined {
    const row = this.sql('SELECT * FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
    return row && this.toConversationRecord(row);
  }

  findConversationByClientId(
    visitorId: string,
    clientConversationId: string,
  ): ConversationRecord | undefined {
    const row = this.sql(
      'SELECT * FROM conversations WHERE visitor_id = ? AND client_conversation_id = ?',
    ).get(visitorId, clientConversationId) as ConversationRow | undefined;
    return row && this.toConversationRecord(row);
  }

  /** A visitor's conversations, newest first. */
  listVisitorConversations(visitorId: string): ConversationRecord[] {
    const rows = this.sql(
      'SELECT * FROM conversations WHERE visitor_id = ? ORDER BY updated_at DESC, rowid DESC',
    ).all(visitorId) as ConversationRow[];
    return rows.map((row) => this.toConversationRecord(row));
  }

  /** Every conversation, newest first, optionally of one status. */
  listConversations(status?: ConversationStatus): ConversationRecord[] {
    const rows = (
      status
        ? this.sql('SELECT * FROM conversations WHERE status = ? ORDER BY updated_at DESC, rowid DESC').all(
            status,
          )
        : this.sql('SELECT * FROM conversations ORDER BY updated_at DESC, rowid DESC').all()
    ) as ConversationRow[];
    return rows.map((row) => this.toConversationRecord(row));
  }

  moveConversations(fromVisitorId: string, toVisitorId: string): string[] {
    const ids = (
      this.sql('SELECT id FROM conversations WHERE visitor_id = ?').all(fromVisitorId) as {
        id: string;
      }[]
    ).map((row) => row.id);
    this.sql('UPDATE conversations SET visitor_id = ? WHERE visitor_id = ?').run(toVisitorId, fromVisitorId);
    return ids;
  }

  updateConversation(
    id: string,
    change: {
      status?: ConversationStatus;
      visitorReadSeq?: number;
      agentReadSeq?: number;
      assignee?: Participant;
      rating?: Rating;
      handedOver?: boolean;
    },
  ): ConversationRecord {
    const sets: string[] = ['updated_at = ?'];
    const values: unknown[] = [this.now()];
    if (change.status !== undefined) sets.push('status = ?') && values.push(change.status);
    // Read positions only move forward, whatever order the requests arrive in.
    if (change.visitorReadSeq !== undefined) {
      sets.push('visitor_read_seq = MAX(visitor_read_seq, MIN(?, last_seq))') &&
        values.push(change.visitorReadSeq);
    }
    if (change.agentReadSeq !== undefined) {
      sets.push('agent_read_seq = MAX(agent_read_seq, MIN(?, last_seq))') && values.push(change.agentReadSeq);
    }
    if (change.assignee !== undefined)
      sets.push('assignee = ?') && values.push(JSON.stringify(change.assignee));
    if (change.rating !== undefined) sets.push('rating = ?') && values.push(JSON.stringify(change.rating));
    if (change.handedOver !== undefined)
      sets.push('handed_over = ?') && values.push(change.handedOver ? 1 : 0);
    this.sql(`UPDATE conversations SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
    return this.getConversation(id) as ConversationRecord;
  }

  /** Visitor messages the agents have not read yet. */
  agentUnreadCount(conversationId: string, agentReadSeq: number): number {
    const row = this.sql(
      `SELECT COUNT(*) AS count FROM messages WHERE conversation_id = ? AND author_role = 'visitor' AND seq > ?`,
    ).get(conversationId, agentReadSeq) as { count: number };
    return row.count;
  }

  private toConversationRecord(row: ConversationRow): ConversationRecord {
    const conversation: Conversation = {
      id: row.id,
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      lastSeq: row.last_seq,
      visitorReadSeq: row.visitor_read_seq,
      agentReadSeq: row.agent_read_seq,
    };
    if (row.client_conversation_id !== null) conversation.clientConversationId = row.client_conversation_id;
    const assignee = parseJson<Participant>(row.assignee);
    if (assignee) conversation.assignee = assignee;
    const rating = parseJson<Rating>(row.rating);
    if (rating) conversation.rating = rating;
    return {
      conversation,
      siteKey: row.site_key,
      visitorId: row.visitor_id,
      handedOver: row.handed_over === 1,
    };
  }

  // ── Messages ───────────────────────────────────────────────────────────────────────────────────

  /** Appends a message with the next seq (gapless per conversation). Call inside a transaction. */
  insertMessage(conversationId: string, input: NewMessage): Message {
    const id = newId('m');
    const now = this.now();
    const { last_seq: lastSeq } = this.sql(
      'UPDATE conversations SET last_seq = last_seq + 1, updated_at = ? WHERE id = ? RETURNING last_seq',
    ).get(now, conversationId) as { last_seq: number };
    this.sql(
      `INSERT INTO messages (id, conversation_id, seq, client_message_id, request_key, author, author_role, type,
         text, attachments, actions, card, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      conversationId,
      lastSeq,
      input.clientMessageId ?? null,
      input.requestKey ?? null,
      JSON.stringify(input.author),
      input.author.role,
      input.type,
      input.text ?? null,
      input.attachments ? JSON.stringify(input.attachments) : null,
      input.actions ? JSON.stringify(input.actions) : null,
      input.card ? JSON.stringify(input.card) : null,
      now,
    );
    return (this.getMessage(id) as MessageRecord).message;
  }

  getMessage(id: string): MessageRecord | undefined {
    const row = this.sql('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow | undefined;
    return row && this.toMessageRecord(row);
  }

  findMessageByClientId(conversationId: string, clientMessageId: string): MessageRecord | undefined {
    const row = this.sql('SELECT * FROM messages WHERE conversation_id = ? AND client_message_id = ?').get(
      conversationId,
      clientMessageId,
    ) as MessageRow | undefined;
    return row && this.toMessageRecord(row);
  }

  lastMessage(conversationId: string): Message | undefined {
    const row = this.sql('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1').get(
      conversationId,
    ) as MessageRow | undefined;
    return row && this.toMessageRecord(row).message;
  }

  /**
   * One page of messages, seq ascending. `after` pages forward from a seq; `before` gives the latest ones
   * below a seq; neither gives the latest `limit`.
   */
  pageMessages(
    conversationId: string,
    page: { after?: number; before?: number; limit: number },
  ): { messages: Message[]; hasMore: boolean } {
    let rows: MessageRow[];
    if (page.after !== undefined) {
      rows = this.sql(
        'SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?',
      ).all(conversationId, page.after, page.limit + 1) as MessageRow[];
      const hasMore = rows.length > page.limit;
      return { messages: rows.slice(0, page.limit).map((row) => this.toMessageRecord(row).message), hasMore };
    }
    rows = this.sql(
      'SELECT * FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
    ).all(conversationId, page.before ?? Number.MAX_SAFE_INTEGER, page.limit + 1) as MessageRow[];
    const hasMore = rows.length > page.limit;
    return {
      messages: rows
        .slice(0, page.limit)
        .reverse()
        .map((row) => this.toMessageRecord(row).message),
      hasMore,
    };
  }

  private toMessageRecord(row: MessageRow): MessageRecord {
    const message: Message = {
      id: row.id,
      conversationId: row.conversation_id,
      seq: row.seq,
      author: JSON.parse(row.author),
      type: row.type,
      createdAt: row.created_at,
    };
    if (row.client_message_id !== null) message.clientMessageId = row.client_message_id;
    if (row.text !== null) message.text = row.text;
    const uploads = parseJson<StoredUpload[]>(row.attachments);
    if (uploads) message.attachments = uploads.map((upload) => this.toAttachment(upload));
    const actions = parseJson<Action[]>(row.actions);
    if (actions) message.actions = actions;
    const card = parseJson<Card>(row.card);
    if (card) message.card = card;
    const record: MessageRecord = { message };
    if (row.request_key !== null) record.requestKey = row.request_key;
    return record;
  }

  // ── Uploads ────────────────────────────────────────────────────────────────────────────────────

  /** Records an upload whose bytes are already on disk under its id (see `newUploadId`). */
  insertUpload(stored: StoredUpload): StoredUpload {
    this.sql(
      'INSERT INTO uploads (id, site_key, owner, name, size, mime, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(stored.id, stored.siteKey, stored.owner, stored.name, stored.size, stored.mime, this.now());
    return stored;
  }

  newUploadId(): string {
    return newId('f');
  }

  getUpload(id: string): StoredUpload | undefined {
    const row = this.sql('SELECT id, site_key, owner, name, size, mime FROM uploads WHERE id = ?').get(id) as
      | { id: string; site_key: string; owner: string; name: string; size: number; mime: string }
      | undefined;
    return (
      row && {
        id: row.id,
        siteKey: row.site_key,
        owner: row.owner,
        name: row.name,
        size: row.size,
        mime: row.mime,
      }
    );
  }

  toAttachment(upload: StoredUpload): Attachment {
    return {
      id: upload.id,
      name: upload.name,
      size: upload.size,
      mime: upload.mime,
      url: `${this.publicUrl}/v1/uploads/${upload.id}/${encodeURIComponent(upload.name)}`,
    };
  }

  // ── The per-visitor event log (stream cursors) ─────────────────────────────────────────────────

  /** Appends a durable event and drops the oldest beyond `retention`. Returns its cursor. */
  appendEvent(visitorId: string, type: keyof StreamEventMap, data: string, retention: number): string {
    const { cursor } = this.sql(
      'INSERT INTO visitor_events (visitor_id, type, data) VALUES (?, ?, ?) RETURNING cursor',
    ).get(visitorId, type, data) as { cursor: number };
    const oldestKept = this.sql(
      'SELECT cursor FROM visitor_events WHERE visitor_id = ? ORDER BY cursor DESC LIMIT 1 OFFSET ?',
    ).get(visitorId, retention) as { cursor: number } | undefined;
    if (oldestKept) {
      // Everything at or below this position is dropped; a stream asking to resume from before it gets 410.
      this.sql('DELETE FROM visitor_events WHERE visitor_id = ? AND cursor <= ?').run(
        visitorId,
        oldestKept.cursor,
      );
      this.sql('UPDATE visitors SET pruned_through = MAX(pruned_through, ?) WHERE id = ?').run(
        oldestKept.cursor,
        visitorId,
      );
    }
    return formatCursor(cursor);
  }

  /** The durable events of a visitor after a position, in order. */
  eventsAfter(visitorId: string, position: number): StoredEvent[] {
    const rows = this.sql(
      'SELECT cursor, type, data FROM visitor_events WHERE visitor_id = ? AND cursor > ? ORDER BY cursor',
    ).all(visitorId, position) as { cursor: number; type: keyof StreamEventMap; data: string }[];
    return rows.map((row) => ({ cursor: formatCursor(row.cursor), type: row.type, data: row.data }));
  }

  /** The position of a visitor's newest kept event, if any. */
  latestPosition(visitorId: string): number | undefined {
    const row = this.sql('SELECT MAX(cursor) AS position FROM visitor_events WHERE visitor_id = ?').get(
      visitorId,
    ) as {
      position: number | null;
    };
    return row.position ?? undefined;
  }

  /** The newest position any visitor's log has reached: a fresh visitor's starting cursor. */
  headPosition(): number {
    const row = this.sql("SELECT seq FROM sqlite_sequence WHERE name = 'visitor_events'").get() as
      | { seq: number }
      | undefined;
    return row?.seq ?? 0;
  }

  // ── Campaign caps ──────────────────────────────────────────────────────────────────────────────

  /** Records a delivery; false when this key was already delivered to the visitor. */
  claimCampaignDelivery(visitorId: string, deliveryKey: string): boolean {
    const result = this.sql(
      'INSERT OR IGNORE INTO campaign_deliveries (visitor_id, delivery_key, delivered_at) VALUES (?, ?, ?)',
    ).run(visitorId, deliveryKey, this.now());
    return result.changes === 1;
  }
}
