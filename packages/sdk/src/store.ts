import { type Action, reducer } from './reducer.js';
import type { ClientState } from './types.js';

/** A store listener: the new state, the one before, and the action that changed it. */
export type StoreListener = (state: ClientState, previous: ClientState, action: Action) => void;

/** Immutable state behind `dispatch`; listeners run after every change, never for a no-op. */
export interface Store {
  getState(): ClientState;
  dispatch(action: Action): void;
  subscribe(listener: StoreListener): () => void;
}

export function createStore(state: ClientState): Store {
  const listeners = new Set<StoreListener>();
  return {
    getState: () => state,
    dispatch(action) {
      const previous = state;
      state = reducer(previous, action);
      if (state !== previous) for (const listener of [...listeners]) listener(state, previous, action);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
