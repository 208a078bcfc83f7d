import type { Dispatch } from 'preact/hooks';
import { useCallback, useState } from 'preact/hooks';
import type { AgentApi } from './agent-api.js';
import type { ConsoleAction, ConsoleState } from './console-state.js';

/**
 * Searching the conversations through the agent API's `?q=` (a reference such as `SP-7KQ2`, a visitor's name or
 * email): the first page of results, further pages on request, and clearing the search.
 */
export function useConversationSearch(
  api: AgentApi,
  dispatch: Dispatch<ConsoleAction>,
  state: { readonly current: ConsoleState },
  /** Called with a failed call's error; `undefined` after a call that worked. */
  report: (caught: unknown) => void,
) {
  const [searchingMore, setSearchingMore] = useState(false);
  const search = useCallback(
    async (query: string) => {
      dispatch({ type: 'search.started', query });
      try {
        const page = await api.searchConversations(query);
        dispatch({ type: 'search.loaded', query, more: false, ...page });
        report(undefined);
      } catch (caught) {
        dispatch({ type: 'search.loaded', query, more: false, conversations: [] });
        report(caught);
      }
    },
    [api, dispatch, report],
  );

  const searchMore = useCallback(async () => {
    const current = state.current.search;
    if (current?.nextCursor === undefined) return;
    setSearchingMore(true);
    try {
      const page = await api.searchConversations(current.query, current.nextCursor);
      dispatch({ type: 'search.loaded', query: current.query, more: true, ...page });
      report(undefined);
    } catch (caught) {
      report(caught);
    } finally {
      setSearchingMore(false);
    }
  }, [api, dispatch, state, report]);

  const clearSearch = useCallback(() => dispatch({ type: 'search.cleared' }), [dispatch]);

  return { search, searchMore, searchingMore, clearSearch };
}
