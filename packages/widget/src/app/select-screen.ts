import type { ClientState } from '@sapa/sdk';

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
}

/** The part of the client's snapshot the screen depends on. */
export type ScreenState = Pick<
  ClientState,
  'config' | 'conversations' | 'activeConversationId' | 'messages' | 'visitor' | 'lastError'
>;

/**
 * Which screen the panel shows: the first rule that holds, else the chat. The chat and its composer do
 * not wait for the configuration (stored history shows before the network answers, and the visitor can
 * start typing at once); the forms show once it is there.
 *
 * @example
 * ```ts
 * selectScreen(client.getSnapshot(), { listShown: false, prechatDone: false, leftMessage: 'idle' }); // 'chat'
 * ```
 */
export function selectScreen(state: ScreenState, view: ViewState): Screen {
  const { config, visitor, activeConversationId: id } = state;
  // The active conversation has no messages yet (or there is none).
  const fresh = !id || !state.messages[id]?.length;
  // Only a first start that failed, with nothing stored to show.
  if (!config && state.lastError && fresh) return 'error';
  if (view.listShown && state.conversations.length > 0) return 'list';
  // The site asks before the first message, and the visitor has neither answered nor a profile.
  const known = visitor?.name || visitor?.email || visitor?.phone;
  if (fresh && config?.prechat.enabled && !view.prechatDone && !known) return 'prechat';
  // Nobody is online to start a conversation with; or the visitor has begun leaving a message (the form
  // stays, to say it was sent, even when someone comes online meanwhile).
  if (config && ((fresh && config.availability.online === false) || view.leftMessage !== 'idle'))
    return 'leave-message';
  // The rating takes the composer's place.
  const active = state.conversations.find((conversation) => conversation.id === id);
  return active?.status === 'resolved' ? 'resolved' : 'chat';
}
