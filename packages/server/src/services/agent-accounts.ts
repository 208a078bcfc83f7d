import { timingSafeEqual } from 'node:crypto';
import type { AgentAccount } from '@sapa/protocol/agent';
import { newId, newToken } from '../ids.js';
import { ProblemError } from '../problem.js';
import type { ChatStore } from '../store/chat-store.js';
import type { AgentRecord } from '../store/records.js';
import { hasBidiControl } from '../unicode-text.js';

/** The account of the operator token (`SAPA_AGENT_TOKEN`): its replies carry the site's name. */
export const OPERATOR_ACCOUNT: AgentAccount = { id: 'operator', operator: true };

/** A new agent and the token that signs in as them; the token is shown once and stored only as a hash. */
export interface NewAgent {
  agent: AgentRecord;
  token: string;
}

/** Agent tokens start with this, so secret scanners and people can tell them apart from visitor tokens. */
const AGENT_TOKEN_PREFIX = 'sapa_agent_';

function sameSecret(given: string, expected: string): boolean {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Who may use the agent API: the operator token given at start (a bootstrap and admin token, e.g. for
 * `npm start`'s demo) and the named agents, each with a token of their own that can be revoked.
 */
export class AgentAccounts {
  constructor(
    private readonly store: ChatStore,
    /** The operator token; empty means none. */
    private readonly operatorToken: string,
  ) {}

  /** The account a bearer token signs in as, or undefined for a wrong or revoked one. */
  async authenticate(token: string | undefined): Promise<AgentAccount | undefined> {
    if (!token) return undefined;
    if (this.operatorToken !== '' && sameSecret(token, this.operatorToken)) return OPERATOR_ACCOUNT;
    // Named agents' tokens are looked up by their SHA-256: no token is compared in variable time.
    if (!token.startsWith(AGENT_TOKEN_PREFIX)) return undefined;
    const agent = await this.store.agents.findByToken(token);
    return agent && { id: agent.id, name: agent.name, operator: false };
  }

  /** Adds a named agent. @throws {ProblemError} 400 for a bad name or one that is taken */
  async add(name: string, now = new Date()): Promise<NewAgent> {
    const cleaned = name.trim();
    if (cleaned === '' || [...cleaned].length > 100) {
      throw new ProblemError('invalid_request', 'An agent name must have 1 to 100 characters.');
    }
    // The name is what visitors read on every reply: nothing that hides or reorders text.
    if (/\p{Cc}/u.test(cleaned) || hasBidiControl(cleaned)) {
      throw new ProblemError(
        'invalid_request',
        'An agent name may not contain control or bidirectional formatting characters.',
      );
    }
    const agent: AgentRecord = { id: newId('a'), name: cleaned, createdAt: now.toISOString() };
    const token = `${AGENT_TOKEN_PREFIX}${newToken()}`;
    if (!(await this.store.agents.create(agent, token))) {
      throw new ProblemError('invalid_request', `An agent named ${JSON.stringify(cleaned)} exists already.`);
    }
    return { agent, token };
  }

  list(): Promise<AgentRecord[]> {
    return this.store.agents.list();
  }

  /** Removes an agent: their token stops working at once, and their open stream ends within a heartbeat. */
  remove(name: string): Promise<boolean> {
    return this.store.agents.remove(name.trim());
  }
}
