import type { Dispatch } from 'preact/hooks';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AgentApi } from './agent-api.js';
import { AgentStream } from './agent-stream.js';
import type { AgentStreamEvent, AgentVisitorSummary } from './agent-types.js';
import type { ConsoleAction, ConsoleState } from './console-state.js';
import type { TranslationKey } from './i18n/console-i18n.js';

/** Visitor typing is shown at most this long without a fresh typing event. */
const TYPING_DISPLAY_MS = 8_000;

/**
 * What the polite live region says: a new message from this visitor (undefined: one the console does not know
 * yet). Kept as data, so it is said in the language on screen.
 */
export interface Announcement {
  visitor?: Pick<AgentVisitorSummary, 'id' | 'name'>;
}

export interface AgentStreamOptions {
  api: AgentApi;
  token: string;
  fetch?: typeof fetch;
  dispatch: Dispatch<ConsoleAction>;
  state: { readonly current: ConsoleState };
  fail: (caught: unknown) => void;
  onSignOut: (reason?: TranslationKey) => void;
  loadFirstPage: (filter: ConsoleState['filter']) => Promise<void>;
  loadMessages: (conversationId: string) => Promise<void>;
  reloadProfile: (visitorId: string) => void;
}

/**
 * The console's live stream: every event goes through the reducer; visitor messages outside the open
 * conversation are announced to screen readers ("New message from Budi"); every (re)connection resyncs what
 * may have been missed meanwhile, since the agent stream has no replay cursor. Returns the announcement.
 */
export function useAgentStream({
  api,
  token,
  fetch: fetchFunction,
  dispatch,
  state,
  fail,
  onSignOut,
  loadFirstPage,
  loadMessages,
  reloadProfile,
}: AgentStreamOptions): Announcement | undefined {
  const [announcement, setAnnouncement] = useState<Announcement | undefined>();
  const typingTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const onEvent = useCallback(
    (event: AgentStreamEvent) => {
      // The summary in the event updates the rows; the attributes on screen come with the whole profile.
      if (event.type === 'visitor.updated') {
        const shown = state.current.selectedId;
        if (shown && state.current.conversations[shown]?.visitor.id === event.data.visitor.id) {
          reloadProfile(event.data.visitor.id);
        }
      }
      if (event.type === 'message.created') {
        const conversationId = event.data.conversationId ?? event.data.message.conversationId;
        const known = state.current.conversations[conversationId];
        if (!known) {
          api
            .getConversation(conversationId)
            .then((conversation) => dispatch({ type: 'conversation.loaded', conversation }), fail);
        }
        // Screen reader users hear about visitor messages outside the conversation they are in.
        if (event.data.message.author.role === 'visitor' && conversationId !== state.current.selectedId) {
          setAnnouncement({ visitor: known?.visitor });
        }
      }
      if (event.type === 'typing' && event.data.participant.role === 'visitor') {
        const { conversationId } = event.data;
        clearTimeout(typingTimers.current.get(conversationId));
        if (event.data.typing) {
          typingTimers.current.set(
            conversationId,
            setTimeout(() => dispatch({ type: 'typing.expired', conversationId }), TYPING_DISPLAY_MS),
          );
        }
      }
      dispatch({ type: 'stream', event });
    },
    [api, dispatch, state, fail, reloadProfile],
  );

  useEffect(() => {
    const stream = new AgentStream({
      url: api.url('/stream'),
      token,
      fetch: fetchFunction,
      onEvent,
      onStatus: (status, retryInMs) => {
        dispatch({ type: 'connection', status, retryInMs });
        if (status === 'unauthorized') onSignOut('signIn.refused');
      },
      onOpen: (reconnected) => {
        if (!reconnected) return;
        void loadFirstPage(state.current.filter);
        const selected = state.current.selectedId;
        if (!selected) return;
        void loadMessages(selected);
        // Profile changes made while away came as visitor.updated events nobody heard.
        const visitorId = state.current.conversations[selected]?.visitor.id;
        if (visitorId) reloadProfile(visitorId);
      },
    });
    stream.start();
    const timers = typingTimers.current;
    return () => {
      stream.stop();
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, [
    api,
    token,
    fetchFunction,
    onEvent,
    onSignOut,
    dispatch,
    state,
    loadFirstPage,
    loadMessages,
    reloadProfile,
  ]);

  return announcement;
}
