import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AgentApi, CareQuery } from './agent-api.js';
import type { CareReport } from './agent-types.js';

export interface CareReportState {
  /** The period and agent asked for; the report says which days it covers once it came. */
  query: CareQuery;
  report?: CareReport;
  loading: boolean;
  /** Why the last load failed; undefined after one that worked. */
  error?: unknown;
}

/**
 * The care report of the care page: loaded when the page opens (the server's default period, the last 30 days),
 * and again for every period or agent the agent asks for. An answer to an older question is dropped.
 */
export function useCareReport(api: AgentApi, active: boolean, onUnauthorized: (caught: unknown) => boolean) {
  const [state, setState] = useState<CareReportState>({ query: {}, loading: false });
  const asked = useRef(0);

  const load = useCallback(
    async (query: CareQuery) => {
      const ask = ++asked.current;
      setState((current) => ({ ...current, query, loading: true }));
      try {
        const report = await api.careReport(query);
        if (ask === asked.current) setState({ query, report, loading: false });
      } catch (caught) {
        if (onUnauthorized(caught) || ask !== asked.current) return;
        setState((current) => ({ ...current, loading: false, error: caught }));
      }
    },
    [api, onUnauthorized],
  );

  // Each visit to the page shows the numbers as they are now.
  const query = useRef(state.query);
  query.current = state.query;
  useEffect(() => {
    if (active) void load(query.current);
  }, [active, load]);

  return { ...state, load };
}
