import type { ClientParts } from './client-parts.js';
import { conversationPath } from './conversation-sync.js';
import type { Action } from './reducer.js';
import type { SessionManager } from './session-manager.js';

/** Remote typing indicators expire on their own when the stop never arrives. */
const TYPING_EXPIRY_MS = 8_000;
/** The visitor's typing is sent at most this often (the protocol's rule). */
const TYPING_INTERVAL_MS = 3_000;

export type TypingAction = Extract<Action, { type: 'typing' }>;

/** What the typing indicators work with. */
export type TypingIndicatorsParts = Pick<ClientParts, 'store' | 'request'> & {
  sessions: Pick<SessionManager, 'current'>;
};

/** Typing both ways: who else types now (each shown one expires), and the visitor's own typing, throttled. */
export interface TypingIndicators {
  /** Shows or clears a remote typist. */
  show(action: TypingAction): void;
  /** Tells the backend the visitor types in the active conversation; at most every 3 s. */
  send(typing: boolean): void;
  /** Stops the expiry timers. */
  stop(): void;
}

export function createTypingIndicators(parts: TypingIndicatorsParts): TypingIndicators {
  const { store, request } = parts;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let sentAt = 0;
  let sent = false;
  const show = (action: TypingAction): void => {
    const key = `${action.conversationId}\n${action.participant.id}`;
    clearTimeout(timers.get(key));
    timers.delete(key);
    store.dispatch(action);
    if (action.typing)
      timers.set(
        key,
        setTimeout(() => show({ ...action, typing: false }), TYPING_EXPIRY_MS),
      );
  };
  return {
    show,
    send(typing) {
      const conversationId = store.getState().activeConversationId;
      const now = Date.now();
      if (
        !conversationId ||
        !parts.sessions.current() ||
        (typing ? sent && now - sentAt < TYPING_INTERVAL_MS : !sent)
      )
        return;
      sent = typing;
      sentAt = now;
      // Typing is a hint: one attempt, and a lost one is not worth an error.
      request({
        method: 'POST',
        path: `${conversationPath(conversationId)}/typing`,
        json: { typing },
        maxAttempts: 1,
      }).catch(() => {});
    },
    stop() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
