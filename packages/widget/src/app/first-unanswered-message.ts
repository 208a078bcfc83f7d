import type { ClientMessage } from '@sapa/sdk';

/**
 * The key (`clientMessageId ?? id`, as the log keys its rows) of the visitor's first message since the team last
 * wrote: while nobody is online, the promise of when they answer goes under it. A bot's answers and a campaign's
 * message do not count as the team's. Undefined when the visitor has written nothing since.
 *
 * @example
 * ```ts
 * firstUnansweredMessage([botGreeting, question, botAnswer, followUp]); // question's key
 * ```
 */
export function firstUnansweredMessage(messages: readonly ClientMessage[]): string | undefined {
  let first: ClientMessage | undefined;
  for (const message of messages) {
    if (message.author.role === 'agent') first = undefined;
    else if (message.author.role === 'visitor') first ??= message;
  }
  return first && (first.clientMessageId ?? first.id);
}
