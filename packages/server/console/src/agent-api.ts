import {
  type Attachment,
  type Conversation,
  type Message,
  type MessagePage,
  type Problem,
  parseAttachment,
  parseConversation,
  parseMessage,
  parseMessagePage,
} from '@sapa/protocol';
import {
  type AgentAccount,
  type AgentConversation,
  type AgentConversationList,
  type AgentVisitor,
  type CareReport,
  parseAgentAccount,
  parseAgentConversation,
  parseAgentConversationList,
  parseAgentVisitor,
  parseCareReport,
} from '@sapa/protocol/agent';
import type { AgentReply, StatusFilter } from './agent-types.js';

/** Checks an answer's body and returns it typed (the guards of `@sapa/protocol`). */
type Parse<T> = (json: unknown) => T;
const nothing: Parse<void> = () => undefined;

/**
 * What the console was doing when a call failed; the console names it in the agent's language
 * (`operation.loadConversations` in its catalogs).
 */
export type AgentOperation =
  | 'signIn'
  | 'loadConversations'
  | 'search'
  | 'loadVisitor'
  | 'loadConversation'
  | 'loadMessages'
  | 'send'
  | 'upload'
  | 'typing'
  | 'markRead'
  | 'resolve'
  | 'reopen'
  | 'loadCare';

/** An agent API call answered with a non-2xx status. */
export class AgentApiError extends Error {
  override readonly name = 'AgentApiError';
  constructor(
    /** What the console was doing, e.g. `loadConversations`. */
    readonly operation: AgentOperation,
    readonly status: number,
    /** The RFC 9457 problem body, when the server sent one. */
    readonly problem?: Problem,
  ) {
    // For logs and developers; agents read it through describeError, in their language.
    super(`Agent API call ${operation} failed: ${problem?.detail ?? problem?.title ?? `status ${status}`}.`);
  }

  /** The token was refused: the agent has to sign in again. */
  get unauthorized(): boolean {
    return this.status === 401;
  }
}

/** The server could not be reached at all. */
export class AgentNetworkError extends Error {
  override readonly name = 'AgentNetworkError';
  constructor(
    readonly operation: AgentOperation,
    override readonly cause: unknown,
  ) {
    super(`Agent API call ${operation} failed: the server could not be reached.`);
  }
}

/** What the care report covers; each part is optional (the server's default: the last 30 days, every agent). */
export interface CareQuery {
  /** First day, `YYYY-MM-DD`, in the site's time zone. */
  from?: string;
  /** Last day, included. */
  to?: string;
  /** An assignee's id: feedback that came while they handled the conversation. */
  agent?: string;
}

/** Paging of `GET …/messages`: at most one of `after` and `before`. */
export interface MessagePaging {
  after?: number;
  before?: number;
  limit?: number;
}

/**
 * Client of the reference server's agent API. Every call carries the agent's bearer token.
 *
 * @example
 * const api = new AgentApi('http://127.0.0.1:8787', token);
 * const { conversations } = await api.listConversations('open');
 */
export class AgentApi {
  constructor(
    /** Origin of the server, without `/agent/v1`. */
    readonly apiUrl: string,
    readonly token: string,
    private readonly fetchFunction: typeof fetch = (input, init) => globalThis.fetch(input, init),
  ) {}

  /** Absolute URL of an agent API path, e.g. `/conversations`. */
  url(path: string): string {
    return `${this.apiUrl.replace(/\/$/, '')}/agent/v1${path}`;
  }

  /** Who this token signs in as. */
  me(): Promise<AgentAccount> {
    return this.request('signIn', parseAgentAccount, 'GET', '/me');
  }

  /** One page of the inbox, newest first; `cursor` is the previous page's `nextCursor`. */
  listConversations(status: StatusFilter, cursor?: string): Promise<AgentConversationList> {
    const query = new URLSearchParams({ status });
    if (cursor !== undefined) query.set('cursor', cursor);
    return this.request('loadConversations', parseAgentConversationList, 'GET', `/conversations?${query}`);
  }

  /**
   * Conversations of every status whose reference is `query` (`SP-7KQ2`, `sp-7kq2`, `7KQ2`, `Ref SP-7KQ2`), or
   * whose visitor's name or email contains it; a page at a time, like the inbox.
   */
  searchConversations(query: string, cursor?: string): Promise<AgentConversationList> {
    const search = new URLSearchParams({ status: 'all', q: query });
    if (cursor !== undefined) search.set('cursor', cursor);
    return this.request('search', parseAgentConversationList, 'GET', `/conversations?${search}`);
  }

  /** How customer care did in a period: campaigns, ratings, NPS, each day and the latest comments. */
  careReport(query: CareQuery = {}): Promise<CareReport> {
    const search = new URLSearchParams();
    for (const name of ['from', 'to', 'agent'] as const) {
      const value = query[name];
      if (value) search.set(name, value);
    }
    const suffix = search.size > 0 ? `?${search}` : '';
    return this.request('loadCare', parseCareReport, 'GET', `/care${suffix}`);
  }

  /** A visitor's whole profile, attributes included. */
  getVisitor(visitorId: string): Promise<AgentVisitor> {
    return this.request(
      'loadVisitor',
      parseAgentVisitor,
      'GET',
      `/visitors/${encodeURIComponent(visitorId)}`,
    );
  }

  getConversation(conversationId: string): Promise<AgentConversation> {
    return this.request(
      'loadConversation',
      parseAgentConversation,
      'GET',
      `/conversations/${encodeURIComponent(conversationId)}`,
    );
  }

  listMessages(conversationId: string, paging: MessagePaging = {}): Promise<MessagePage> {
    const query = new URLSearchParams();
    if (paging.after !== undefined) query.set('after', String(paging.after));
    if (paging.before !== undefined) query.set('before', String(paging.before));
    if (paging.limit !== undefined) query.set('limit', String(paging.limit));
    const search = query.size > 0 ? `?${query}` : '';
    return this.request(
      'loadMessages',
      parseMessagePage,
      'GET',
      `/conversations/${encodeURIComponent(conversationId)}/messages${search}`,
    );
  }

  sendMessage(conversationId: string, reply: AgentReply): Promise<Message> {
    return this.request(
      'send',
      parseMessage,
      'POST',
      `/conversations/${encodeURIComponent(conversationId)}/messages`,
      reply,
    );
  }

  /** Uploads a file; its id goes into a `file` reply. */
  async upload(file: File): Promise<Attachment> {
    return this.request('upload', parseAttachment, 'POST', '/uploads', file, {
      'Content-Type': file.type || 'application/octet-stream',
      'X-Sapa-Filename': encodeURIComponent(file.name),
    });
  }

  /** The visitor reads who is typing: the signed-in agent's name. */
  async setTyping(conversationId: string, typing: boolean): Promise<void> {
    await this.request(
      'typing',
      nothing,
      'POST',
      `/conversations/${encodeURIComponent(conversationId)}/typing`,
      { typing },
    );
  }

  async markRead(conversationId: string, seq: number): Promise<void> {
    await this.request(
      'markRead',
      nothing,
      'POST',
      `/conversations/${encodeURIComponent(conversationId)}/read`,
      {
        seq,
      },
    );
  }

  resolve(conversationId: string): Promise<Conversation> {
    return this.request(
      'resolve',
      parseConversation,
      'POST',
      `/conversations/${encodeURIComponent(conversationId)}/resolve`,
    );
  }

  reopen(conversationId: string): Promise<Conversation> {
    return this.request(
      'reopen',
      parseConversation,
      'POST',
      `/conversations/${encodeURIComponent(conversationId)}/reopen`,
    );
  }

  /**
   * One call: the answer's body goes through `parse` (a guard), so a server that sends another shape fails here with
   * an `InvalidDataError` naming the field, not later somewhere in the UI.
   */
  private async request<T>(
    operation: AgentOperation,
    parse: Parse<T>,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const init: RequestInit = { method, headers: { Authorization: `Bearer ${this.token}`, ...headers } };
    if (body instanceof Blob) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    }
    let response: Response;
    try {
      response = await this.fetchFunction(this.url(path), init);
    } catch (cause) {
      throw new AgentNetworkError(operation, cause);
    }
    if (!response.ok) {
      let problem: Problem | undefined;
      try {
        problem = (await response.json()) as Problem;
      } catch {
        problem = undefined;
      }
      throw new AgentApiError(operation, response.status, problem);
    }
    return parse(response.status === 204 ? undefined : await response.json());
  }
}
