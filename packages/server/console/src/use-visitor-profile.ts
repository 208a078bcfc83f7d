import type { Dispatch } from 'preact/hooks';
import { useCallback, useEffect } from 'preact/hooks';
import type { AgentApi } from './agent-api.js';
import type { ConsoleAction } from './console-state.js';

/**
 * The whole profile (attributes included) of the visitor on screen, loaded when they come on screen: the inbox
 * rows carry only a summary (issue 13). Returns a function that loads it again (after `visitor.updated`).
 */
export function useVisitorProfile(
  api: AgentApi,
  visitorId: string | undefined,
  dispatch: Dispatch<ConsoleAction>,
  report: (caught: unknown) => void,
): (visitorId: string) => void {
  const load = useCallback(
    (id: string) => {
      api.getVisitor(id).then((visitor) => dispatch({ type: 'profile.loaded', visitor }), report);
    },
    [api, dispatch, report],
  );
  useEffect(() => {
    if (visitorId !== undefined) load(visitorId);
  }, [visitorId, load]);
  return load;
}
