import type { Action } from '@sapa/protocol';

/**
 * The 11 answers of an NPS question, 0 to 10 in order (docs/protocol.md, `Message.survey`: reply actions with the
 * payloads `nps:0` … `nps:10`), or undefined when its actions are not those: then the replies show as they are.
 */
export function npsReplies(
  actions: readonly Action[] | undefined,
): Extract<Action, { type: 'reply' }>[] | undefined {
  const replies = (actions ?? []).filter((action) => action.type === 'reply');
  return replies.length === 11 && replies.every((action, score) => action.payload === `nps:${score}`)
    ? replies
    : undefined;
}
