import type { Participant } from '@sapa/protocol';
import type { AgentAccount } from '@sapa/protocol/agent';
import type { ResolvedSite } from '../site-config.js';

/** The author of `event` lines (resolved, reopened, handed over). */
export const SYSTEM_PARTICIPANT: Participant = { role: 'system', id: 'system' };

/** The rule bot, named after the site; also the author of a campaign's first message. */
export function botParticipant(site: ResolvedSite): Participant {
  return { role: 'bot', id: 'bot', name: site.name };
}

/**
 * An agent as visitors see them: named by their account (never by anything in a request, so nobody can answer
 * under another agent's name); the operator token answers under the site's name.
 */
export function agentParticipant(site: ResolvedSite, account: AgentAccount): Participant {
  return { role: 'agent', id: account.id, name: account.name ?? site.name };
}
