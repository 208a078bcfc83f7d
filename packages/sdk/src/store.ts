import { type Action, reducer } from './reducer.js';
import type { ClientState } from './types.js';

/** Immutable state behind `dispatch`; listeners run after every change, never for a no-op. */
export class Store {
  private state: ClientState;
  private readonly listeners = new Set<(state: ClientState, previous: ClientState, action: Action) => void>();

  constructor(initial: ClientState) {
    this.state = initial;
  }

  getState(): ClientState {
    return this.state;
  }

  dispatch(action: Action): void {
    const previous = this.state;
    const next = reducer(previous, action);
    if (next === previous) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener(next, previous, action);
  }

  subscribe(listener: (state: ClientState, previous: ClientState, action: Action) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
