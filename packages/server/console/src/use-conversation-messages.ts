import type { Dispatch } from 'preact/hooks';
import { useCallback } from 'preact/hooks';
import type { AgentApi } from './agent-api.js';
import type { ConsoleAction, ConsoleState } from './console-state.js';

const PAGE_SIZE = 50;

/** Loading a conversation's messages: the newest page first, older pages on request, and catching up. */
export function useConversationMessages(
  api: AgentApi,
  dispatch: Dispatch<ConsoleAction>,
  state: { readonly current: ConsoleState },
  fail: (caught: unknown) => void,
) {
  /** Loads the newest page, or (after a reconnect) whatever came after what is loaded. */
  const loadMessages = useCallback(
    async (conversationId: string) => {
      const loaded = state.current.messages[conversationId];
      const lastLoaded = loaded?.items[loaded.items.length - 1]?.seq;
      try {
        if (loaded?.loaded && lastLoaded !== undefined) {
          let after = lastLoaded;
          for (;;) {
            const page = await api.listMessages(conversationId, { after, limit: 200 });
            dispatch({ type: 'messages.loaded', conversationId, page, older: false });
            const last = page.messages[page.messages.length - 1];
            if (!page.hasMore || !last) break;
            after = last.seq;
          }
        } else {
          // Without a cursor the server answers the newest page.
          const page = await api.listMessages(conversationId, { limit: PAGE_SIZE });
          dispatch({ type: 'messages.loaded', conversationId, page, older: true });
        }
      } catch (caught) {
        fail(caught);
      }
    },
    [api, dispatch, state, fail],
  );

  /** The page above the oldest message shown. */
  const loadOlder = useCallback(
    async (conversationId: string) => {
      const firstSeq = state.current.messages[conversationId]?.items[0]?.seq;
      if (firstSeq === undefined) return;
      const page = await api.listMessages(conversationId, { before: firstSeq, limit: PAGE_SIZE });
      dispatch({ type: 'messages.loaded', conversationId, page, older: true });
    },
    [api, dispatch, state],
  );

  return { loadMessages, loadOlder };
}
