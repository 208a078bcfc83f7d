/**
 * A conversation as agents see it. The one definition, with the runtime guards the console checks it with, is in
 * `@sapa/protocol/agent`; the server produces it.
 */
export type { AgentConversation } from '@sapa/protocol/agent';
