import { type IdentifyRequest, type IdentifyResponse, parseSession, type Visitor } from '@sapa/protocol';
import type { ClientParts } from './client-parts.js';
import type { ClientStorage } from './client-storage.js';
import type { StoredSession } from './persistence.js';
import { singleFlight } from './single-flight.js';
import type { StreamEvents } from './stream-events.js';
import { withLock } from './tab-coordinator.js';
import type { TabSync } from './tab-sync.js';
import { validate } from './validate-event.js';

/** A sibling tab's session younger than this is reused instead of being rotated again. */
const FRESH_SESSION_MS = 30_000;

/** What the session manager works with. */
export type SessionManagerParts = Pick<
  ClientParts,
  'siteKey' | 'apiUrl' | 'locale' | 'page' | 'store' | 'set' | 'request'
> & {
  storage: Pick<ClientStorage, 'persistence'>;
  tabs: Pick<TabSync, 'share' | 'broadcast'>;
  events: Pick<StreamEvents, 'startAt' | 'forget'>;
};

/** The visitor's session: obtained, renewed after a 401, rotated by identify, shared with the other tabs. */
export interface SessionManager {
  current(): StoredSession | undefined;
  /** At start: the stored session when a sibling tab just obtained it, else a resumed one. */
  resume(): Promise<StoredSession>;
  /** The protocol's 401 rule: re-creates the session once with its token; a sibling tab may already have done it. */
  renew(rejectedToken: string | undefined): Promise<StoredSession>;
  /** {@link SessionManager.renew} for the stream, which first waits for an identify in flight. */
  renewForStream(rejectedToken: string | undefined): Promise<StoredSession>;
  /** A fresh session answer with this session's token (after a 410 it carries the cursor to continue from). */
  recreate(): Promise<StoredSession>;
  /** Takes a session as this client's (`save`: store it and tell the other tabs). */
  adopt(session: StoredSession, save: boolean): Promise<void>;
  /** Identifies the visitor; the backend rotates the token. Needs a connected client. */
  identify(identity: IdentifyRequest): Promise<Visitor>;
  /** Forgets the session and everything stored and shown about the visitor. */
  forget(): Promise<void>;
}

export function createSessionManager(parts: SessionManagerParts): SessionManager {
  const { siteKey, apiUrl, request, store, storage } = parts;
  let session: StoredSession | undefined;
  let identifying: Promise<unknown> | undefined;

  /**
   * Takes the stored session when `reusable` accepts it, or creates one (resuming `token`, else the stored one).
   * Tabs take turns under a Web Lock, so they never rotate each other's token.
   */
  const obtain = (reusable: (stored: StoredSession) => boolean, token?: string): Promise<StoredSession> =>
    withLock(`sapa-session:${siteKey}:${apiUrl}`, async () => {
      const stored = await storage.persistence?.load('session');
      if (!stored || !reusable(stored)) return create(token ?? stored?.token);
      await adopt(stored, false);
      return stored;
    });

  const create = async (token: string | undefined): Promise<StoredSession> => {
    const answer = await request({
      method: 'POST',
      path: '/sessions',
      auth: false,
      json: { siteKey, token, locale: parts.locale(), page: parts.page() },
    });
    const created = { ...validate(parseSession, answer, 'The session answer'), obtainedAt: Date.now() };
    await adopt(created, true);
    return created;
  };

  const forget = async () => {
    session = undefined;
    await storage.persistence?.clearAll();
    store.dispatch({ type: 'reset' });
    parts.events.forget();
  };

  /** A different visitor means the stored history belongs to someone else. */
  const adopt = async (next: StoredSession, save: boolean): Promise<void> => {
    const previous = session?.visitorId ?? store.getState().visitor?.id;
    if (previous !== undefined && previous !== next.visitorId) await forget();
    session = next;
    parts.events.startAt(next.cursor);
    if (save) {
      await storage.persistence?.save('session', next);
      parts.tabs.broadcast({ kind: 'session', session: next });
    }
    if (store.getState().visitor?.id !== next.visitorId)
      parts.set({ visitor: { id: next.visitorId, attributes: {}, verified: false } });
  };

  const renew = singleFlight((rejected: string | undefined) =>
    obtain((stored) => stored.token !== rejected, rejected ?? session?.token),
  );

  return {
    current: () => session,
    resume: () => obtain((candidate) => Date.now() - candidate.obtainedAt < FRESH_SESSION_MS),
    renew,
    /**
     * identify() rotates the token and the backend ends the stream opened with the old one: a stream refused
     * meanwhile needs the new token, not a new session (which would be a new visitor). REST calls do not
     * wait here: identify's own request may be the one being renewed.
     */
    async renewForStream(rejected) {
      await identifying?.catch(() => {});
      return renew(rejected);
    },
    recreate: () => create(session?.token),
    adopt,
    async identify(identity) {
      const identified = (async () => {
        const answer = await request<IdentifyResponse>({ method: 'POST', path: '/identify', json: identity });
        if (session) await adopt({ ...session, token: answer.token, obtainedAt: Date.now() }, true);
        return answer;
      })();
      identifying = identified;
      const { visitor } = await identified.finally(() => {
        if (identifying === identified) identifying = undefined;
      });
      parts.tabs.share({ type: 'set', fields: { visitor } });
      return visitor;
    },
    forget,
  };
}
