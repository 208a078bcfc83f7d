import type { ClientState, SapaClient } from '@sapa/sdk';

/** React's `useSyncExternalStore` signature; in an app: `import { useSyncExternalStore } from 'react'`. */
type UseSyncExternalStore = <T>(
  subscribe: (onChange: () => void) => () => void,
  getSnapshot: () => T,
  getServerSnapshot?: () => T,
) => T;

/** The hook, given React's `useSyncExternalStore` (React is not a dependency of this repository). */
export const createUseSapa =
  (useSyncExternalStore: UseSyncExternalStore) =>
  (client: SapaClient): ClientState =>
    useSyncExternalStore(client.subscribe, client.getSnapshot, client.getSnapshot);
