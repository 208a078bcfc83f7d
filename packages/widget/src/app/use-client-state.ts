import type { ClientState, SapaClient } from '@sapa/sdk';
import { useEffect, useState } from 'preact/hooks';

/**
 * The client's snapshot, re-rendering on every change (the `useSyncExternalStore` contract without
 * preact/compat). The snapshot is read again right after subscribing, so a change between render and
 * effect is not missed.
 */
export function useClientState(client: SapaClient): ClientState {
  const [state, setState] = useState(() => client.getSnapshot());
  useEffect(() => {
    const update = () => setState(client.getSnapshot());
    const unsubscribe = client.subscribe(update);
    update();
    return unsubscribe;
  }, [client]);
  return state;
}
