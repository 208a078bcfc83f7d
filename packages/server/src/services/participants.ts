import type { Participant } from '@sapa/protocol';
import type { ResolvedSite } from '../site-config.js';

/** The author of `event` lines (resolved, reopened, handed over). */
export const SYSTEM_PARTICIPANT: Participant = { role: 'system', id: 'system' };

/** The rule bot, named after the site; also the author of a campaign's first message. */
export function botParticipant(site: ResolvedSite): Participant {
  return { role: 'bot', id: 'bot', name: site.name };
}

/** An agent by the name they gave, or the site's name when they gave none. */
export function agentParticipant(site: ResolvedSite, agentName: string | undefined): Participant {
  const name = agentName?.trim() || site.name;
  return { role: 'agent', id: `agent:${name}`, name };
}
