import { parseConversation } from '@sapa/protocol';
import type { ClientParts } from './client-parts.js';
import type { ConnectionLifecycle } from './connection-lifecycle.js';
import { type ConversationSync, conversationPath } from './conversation-sync.js';
import { ValidationError } from './errors.js';
import { randomId } from './random-id.js';
import { maxSeq } from './reducer.js';
import type { SessionManager } from './session-manager.js';
import type { TabSync } from './tab-sync.js';
import type { SapaClient } from './types.js';
import { validate } from './validate-event.js';

/** The visitor's typing is sent at most this often (the protocol's rule). */
const TYPING_INTERVAL_MS = 3_000;

/** What the conversation actions work with. */
export type ConversationActionsParts = Pick<
  ClientParts,
  'store' | 'set' | 'request' | 'report' | 'dismissCampaign'
> & {
  tabs: Pick<TabSync, 'share'>;
  sync: Pick<ConversationSync, 'fillGap'>;
  sessions: Pick<SessionManager, 'current'>;
  lifecycle: Pick<ConnectionLifecycle, 'ready'>;
};

/** What the visitor does with a conversation: start one, switch to one, type, read it, rate it. */
export type ConversationActions = Pick<
  SapaClient,
  'startConversation' | 'selectConversation' | 'setTyping' | 'markRead' | 'rate'
>;

export function createConversationActions(parts: ConversationActionsParts): ConversationActions {
  const { store, set, request, report, tabs } = parts;
  const { getState } = store;
  const { share } = tabs;
  let typingSentAt = 0;
  let typingSent = false;
  return {
    async startConversation({ campaignId } = {}) {
      await parts.lifecycle.ready();
      const answer = await request({
        method: 'POST',
        path: '/conversations',
        json: { clientConversationId: randomId(), campaignId },
      });
      const conversation = validate(parseConversation, answer, 'The new conversation');
      share({ type: 'conversations', conversations: [conversation] });
      set({ activeConversationId: conversation.id });
      if (campaignId) parts.dismissCampaign(campaignId);
      await parts.sync.fillGap(conversation.id).catch(report);
      return conversation;
    },
    selectConversation(conversationId) {
      set({ activeConversationId: conversationId });
      if (conversationId && !getState().messages[conversationId] && parts.sessions.current())
        parts.sync.fillGap(conversationId).catch(report);
    },
    setTyping(typing) {
      const conversationId = getState().activeConversationId;
      const now = Date.now();
      if (
        !conversationId ||
        !parts.sessions.current() ||
        (typing ? typingSent && now - typingSentAt < TYPING_INTERVAL_MS : !typingSent)
      )
        return;
      typingSent = typing;
      typingSentAt = now;
      // Typing is a hint: one attempt, and a lost one is not worth an error.
      request({
        method: 'POST',
        path: `${conversationPath(conversationId)}/typing`,
        json: { typing },
        maxAttempts: 1,
      }).catch(() => {});
    },
    async markRead(conversationId = getState().activeConversationId ?? '') {
      const { conversations, messages } = getState();
      const conversation = conversations.find((candidate) => candidate.id === conversationId);
      const seq = maxSeq(messages[conversationId]);
      if (!conversation || seq <= conversation.visitorReadSeq) return;
      share({ type: 'read', conversationId, role: 'visitor', seq });
      await request({ method: 'POST', path: `${conversationPath(conversationId)}/read`, json: { seq } });
    },
    async rate(conversationId, score, comment) {
      if (!Number.isInteger(score) || score < 1 || score > 5)
        throw new ValidationError('invalid_request', `A rating is a whole number from 1 to 5, not ${score}.`);
      const rating = { score, comment };
      await parts.lifecycle.ready();
      await request({ method: 'POST', path: `${conversationPath(conversationId)}/rating`, json: rating });
      const conversation = getState().conversations.find((candidate) => candidate.id === conversationId);
      if (conversation) share({ type: 'conversations', conversations: [{ ...conversation, rating }] });
    },
  };
}
