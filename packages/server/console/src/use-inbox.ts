import type { Dispatch } from 'preact/hooks';
import { useCallback, useState } from 'preact/hooks';
import type { AgentApi } from './agent-api.js';
import type { InboxFilter } from './agent-types.js';
import type { ConsoleAction, ConsoleState } from './console-state.js';

/**
 * Loading the inbox one page at a time (issue 13: the server pages it, so one visitor with many conversations
 * cannot make it large): the first page of a filter, and the next page on request.
 */
export function useInbox(
  api: AgentApi,
  dispatch: Dispatch<ConsoleAction>,
  state: { readonly current: ConsoleState },
  /** Called with a failed call's error; `undefined` after a call that worked. */
  report: (caught: unknown) => void,
) {
  const [loadingMore, setLoadingMore] = useState(false);

  /** The first page of `filter` (again, after a reconnection). */
  const loadFirstPage = useCallback(
    async (filter: InboxFilter) => {
      try {
        const page = await api.listConversations(filter);
        // An answer for a filter the agent has left since would mix two lists.
        if (state.current.filter !== filter) return;
        dispatch({ type: 'conversations.loaded', ...page });
        report(undefined);
      } catch (caught) {
        report(caught);
      }
    },
    [api, dispatch, state, report],
  );

  /** The page after the ones loaded. */
  const loadMore = useCallback(async () => {
    const { filter, nextCursor } = state.current;
    if (nextCursor === undefined) return;
    setLoadingMore(true);
    try {
      const page = await api.listConversations(filter, nextCursor);
      if (state.current.filter === filter) dispatch({ type: 'conversations.loaded', ...page });
      report(undefined);
    } catch (caught) {
      report(caught);
    } finally {
      setLoadingMore(false);
    }
  }, [api, dispatch, state, report]);

  return { loadFirstPage, loadMore, loadingMore };
}
