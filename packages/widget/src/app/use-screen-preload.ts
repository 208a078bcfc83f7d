import { useEffect } from 'preact/hooks';
import { ConversationList, LeaveMessageForm, PrechatForm, ResolvedState } from './lazy-screens.js';
import { type ScreenState, selectScreen, type ViewState } from './select-screen.js';

/**
 * Fetches the chunks of the screens the visitor will see next, as soon as the state that calls for them
 * arrives (often before the panel opens), so that they show at once: the screen behind the list, the
 * form for when nobody is online behind the pre-chat questions, and the list once there is a second
 * conversation to go back to. Until a chunk is there, the panel shows what it showed before.
 */
export function useScreenPreload(state: ScreenState, view: ViewState): void {
  const next = selectScreen(state, { ...view, listShown: false });
  const afterPrechat =
    next === 'prechat' && selectScreen(state, { ...view, listShown: false, prechatDone: true });
  const list = state.conversations.length > 1;
  useEffect(() => {
    if (next === 'prechat') void PrechatForm.preload();
    if (next === 'leave-message' || afterPrechat === 'leave-message') void LeaveMessageForm.preload();
    if (next === 'resolved') void ResolvedState.preload();
    if (list) void ConversationList.preload();
  }, [next, afterPrechat, list]);
}
