import type { ClientState } from '@sapa/sdk';
import { fieldsToAsk } from './fields-to-ask.js';

/** What the panel shows below its header. */
export type Screen = 'error' | 'list' | 'prechat' | 'leave-message' | 'resolved' | 'chat';

/** What the visitor did in this panel that the client's state does not hold. */
export interface ViewState {
  /** The visitor went back to the list of their conversations. */
  listShown: boolean;
  /** The visitor answered the pre-chat questions. */
  prechatDone: boolean;
  /** A message left while nobody was online: not yet, on its way, or sent. */
  leftMessage: 'idle' | 'sending' | 'sent';
  /** The visitor answered a proactive message: its conversation is on its way, and opens as the chat. */
  campaignAnswered?: boolean;
  /** The page's identify or update is on its way: the forms wait for what it tells. */
  profilePending?: boolean;
}

/** The part of the client's snapshot the screen depends on. */
export type ScreenState = Pick<
  ClientState,
  'config' | 'conversations' | 'activeConversationId' | 'messages' | 'visitor' | 'lastError'
>;

/**
 * Which screen the panel shows: the first rule that holds, else the chat. The chat is always a chat (issue 12):
 * while nobody is online the visitor still writes in the conversation (a bot may answer, the team later), and
 * the leave-a-message form shows only where the site chose it (`offline: 'form'`), for a visitor with no
 * conversation yet. A proactive message the visitor answered opens as its conversation, at any hour. The chat
 * and its composer do not wait for the configuration (stored history shows before the network answers, and the
 * visitor can start typing at once); the forms show once it is there.
 *
 * @example
 * ```ts
 * selectScreen(client.getSnapshot(), { listShown: false, prechatDone: false, leftMessage: 'idle' }); // 'chat'
 * ```
 */
export function selectScreen(state: ScreenState, view: ViewState): Screen {
  const { config, visitor, activeConversationId: id } = state;
  // The active conversation has no messages yet (or there is none), and none is on its way from a campaign.
  const fresh = (!id || !state.messages[id]?.length) && !view.campaignAnswered;
  // Only a first start that failed, with nothing stored to show.
  if (!config && state.lastError && fresh) return 'error';
  if (view.listShown && state.conversations.length > 0) return 'list';
  // The site asks before the first message, the visitor has not answered, and something is left to ask (a
  // known customer is not asked again for what the site has, nor before the page has told who they are).
  const asking = fresh && !view.profilePending;
  if (
    asking &&
    config?.prechat.enabled &&
    !view.prechatDone &&
    fieldsToAsk(config.prechat.fields, visitor).length
  )
    return 'prechat';
  // The site wants a message left while nobody is online, from a visitor with no conversation (an unknown value
  // is a chat); or the visitor has begun leaving one (the form stays, to say it was sent, even when someone
  // comes online meanwhile).
  const leaveMessage =
    asking &&
    config?.offline === 'form' &&
    config.availability.online === false &&
    !state.conversations.length;
  if (config && (leaveMessage || view.leftMessage !== 'idle')) return 'leave-message';
  // The rating takes the composer's place.
  const active = state.conversations.find((conversation) => conversation.id === id);
  return active?.status === 'resolved' ? 'resolved' : 'chat';
}
