import type { ClientEventMap, ClientEventName } from './types.js';

/** The client's events (`message`, `unread`, `connection`, `campaign`, `error`) and their handlers. */
export interface EventEmitter {
  /** Adds a handler; returns the function that removes it. */
  on<E extends ClientEventName>(event: E, handler: (payload: ClientEventMap[E]) => void): () => void;
  emit<E extends ClientEventName>(event: E, payload: ClientEventMap[E]): void;
}

export function createEventEmitter(): EventEmitter {
  const handlers = new Map<ClientEventName, Set<(payload: never) => void>>();
  return {
    on(event, handler) {
      const registered = handlers.get(event) ?? new Set();
      handlers.set(event, registered.add(handler as (payload: never) => void));
      return () => void registered.delete(handler as (payload: never) => void);
    },
    emit(event, payload) {
      for (const handler of [...(handlers.get(event) ?? [])]) {
        try {
          (handler as (value: typeof payload) => void)(payload);
        } catch {
          // A failing handler in the host page must not break the client.
        }
      }
    },
  };
}
