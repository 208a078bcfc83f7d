import { useEffect } from 'preact/hooks';
import {
  ChannelLinks,
  ConversationList,
  LeaveMessageForm,
  NpsScale,
  OnDemandAttachment,
  OnDemandCardMessage,
  PrechatForm,
  ResolvedState,
} from './lazy-screens.js';
import { type ScreenState, selectScreen, type ViewState } from './select-screen.js';

/**
 * Fetches the chunks of the screens the visitor will see next, as soon as the state that calls for them
 * arrives (often before the panel opens), so that they show at once: the screen behind the list, the
 * form for when nobody is online behind the pre-chat questions, the list once there is a second
 * conversation to go back to, the NPS scale for a survey question waiting for its answer (else its replies
 * show first), the other channels, and the cards and files of the conversation's messages. The promise while nobody is online follows the visitor's message, and
 * its chunk is fetched then. Until a chunk is there, the panel shows what it showed before.
 */
export function useScreenPreload(state: ScreenState, view: ViewState): void {
  const next = selectScreen(state, { ...view, listShown: false });
  const afterPrechat =
    next === 'prechat' && selectScreen(state, { ...view, listShown: false, prechatDone: true });
  const list = state.conversations.length > 1;
  const { config } = state;
  const id = state.activeConversationId;
  const survey = Boolean(id && state.messages[id]?.at(-1)?.survey);
  const channels = Boolean(config?.channels.length);
  const shown = (id && state.messages[id]) || [];
  const card = shown.some((message) => message.card);
  const file = shown.some((message) => message.attachments?.length);
  useEffect(() => {
    if (next === 'prechat') void PrechatForm.preload();
    if (next === 'leave-message' || afterPrechat === 'leave-message') void LeaveMessageForm.preload();
    if (next === 'resolved') void ResolvedState.preload();
    if (list) void ConversationList.preload();
    if (survey) void NpsScale.preload();
    if (channels) void ChannelLinks.preload();
    if (card) void OnDemandCardMessage.preload();
    if (file) void OnDemandAttachment.preload();
  }, [next, afterPrechat, list, survey, channels, card, file]);
}
