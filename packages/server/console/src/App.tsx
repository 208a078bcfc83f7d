import type { Message } from '@sapa/protocol';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { AgentApi, AgentApiError } from './agent-api.js';
import { AgentStream } from './agent-stream.js';
import type { AgentAccount, AgentReply, AgentStreamEvent } from './agent-types.js';
import type { ComposedReply } from './components/Composer/Composer.js';
import { ConversationList } from './components/ConversationList/ConversationList.js';
import { ConversationView } from './components/ConversationView/ConversationView.js';
import { LoginForm } from './components/LoginForm/LoginForm.js';
import { TopBar } from './components/TopBar.js';
import { VisitorProfile } from './components/VisitorProfile/VisitorProfile.js';
import { consoleReducer, initialConsoleState, visibleConversations } from './console-state.js';
import { visitorLabel } from './format.js';
import { forgetToken, saveToken } from './token.js';
import { TypingNotifier } from './typing-notifier.js';
import { useConversationMessages } from './use-conversation-messages.js';
import { useInbox } from './use-inbox.js';
import { useVisitorProfile } from './use-visitor-profile.js';

/** Visitor typing is shown at most this long without a fresh typing event. */
const TYPING_DISPLAY_MS = 8_000;

export interface AppProps {
  /** Origin of the server; the console is served by it, so usually `location.origin`. */
  apiUrl: string;
  initialToken?: string;
  fetch?: typeof fetch;
}

/** The agent console: sign-in, the live inbox, one conversation and its visitor. */
export function App({ apiUrl, initialToken, fetch: fetchFunction }: AppProps) {
  const [token, setToken] = useState(initialToken);
  const [loginError, setLoginError] = useState<string | undefined>();
  const signOut = useCallback((reason?: string) => {
    forgetToken(sessionStorage);
    setToken(undefined);
    setLoginError(reason);
  }, []);
  if (!token) {
    return (
      <LoginForm
        error={loginError}
        onSubmit={(value) => {
          saveToken(sessionStorage, value);
          setLoginError(undefined);
          setToken(value);
        }}
      />
    );
  }
  return <Workspace key={token} apiUrl={apiUrl} token={token} fetch={fetchFunction} onSignOut={signOut} />;
}

function Workspace({
  apiUrl,
  token,
  fetch: fetchFunction,
  onSignOut,
}: {
  apiUrl: string;
  token: string;
  fetch?: typeof fetch;
  onSignOut: (reason?: string) => void;
}) {
  const api = useMemo(() => new AgentApi(apiUrl, token, fetchFunction), [apiUrl, token, fetchFunction]);
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const [error, setError] = useState<string | undefined>();
  const [account, setAccount] = useState<AgentAccount | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const typingTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const fail = useCallback(
    (caught: unknown) => {
      if (caught instanceof AgentApiError && caught.unauthorized) {
        onSignOut('The server did not accept this token. Sign in again.');
        return;
      }
      setError(caught instanceof Error ? caught.message : String(caught));
    },
    [onSignOut],
  );
  /** For the inbox: an error to show, or undefined once a load worked again. */
  const report = useCallback(
    (caught: unknown) => (caught === undefined ? setError(undefined) : fail(caught)),
    [fail],
  );
  const { loadFirstPage, loadMore, loadingMore } = useInbox(api, dispatch, stateRef, report);

  useEffect(() => {
    api.me().then(setAccount, fail);
  }, [api, fail]);

  const { loadMessages, loadOlder } = useConversationMessages(api, dispatch, stateRef, fail);

  const selected = state.selectedId ? state.conversations[state.selectedId] : undefined;
  const reloadProfile = useVisitorProfile(api, selected?.visitor.id, dispatch, fail);

  const onStreamEvent = useCallback(
    (event: AgentStreamEvent) => {
      // The summary in the event updates the rows; the attributes on screen come with the whole profile.
      if (event.type === 'visitor.updated') {
        const shown = stateRef.current.selectedId;
        if (shown && stateRef.current.conversations[shown]?.visitor.id === event.data.visitor.id) {
          reloadProfile(event.data.visitor.id);
        }
      }
      if (event.type === 'message.created') {
        const conversationId = event.data.conversationId ?? event.data.message.conversationId;
        const known = stateRef.current.conversations[conversationId];
        if (!known) {
          api
            .getConversation(conversationId)
            .then((conversation) => dispatch({ type: 'conversation.loaded', conversation }), fail);
        }
        // Screen reader users hear about visitor messages outside the conversation they are in.
        if (event.data.message.author.role === 'visitor' && conversationId !== stateRef.current.selectedId) {
          const name = known ? visitorLabel(known.visitor) : 'a new visitor';
          setAnnouncement(`New message from ${name}`);
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
    [api, fail, reloadProfile],
  );

  // The live stream; every (re)connection resyncs what may have been missed meanwhile.
  useEffect(() => {
    const stream = new AgentStream({
      url: api.url('/stream'),
      token,
      fetch: fetchFunction,
      onEvent: onStreamEvent,
      onStatus: (status, retryInMs) => {
        dispatch({ type: 'connection', status, retryInMs });
        if (status === 'unauthorized') onSignOut('The server did not accept this token. Sign in again.');
      },
      onOpen: (reconnected) => {
        if (!reconnected) return;
        void loadFirstPage(stateRef.current.filter);
        const selected = stateRef.current.selectedId;
        if (!selected) return;
        void loadMessages(selected);
        // Profile changes made while away came as visitor.updated events nobody heard.
        const visitorId = stateRef.current.conversations[selected]?.visitor.id;
        if (visitorId) reloadProfile(visitorId);
      },
    });
    stream.start();
    const timers = typingTimers.current;
    return () => {
      stream.stop();
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, [api, token, fetchFunction, onStreamEvent, onSignOut, loadFirstPage, loadMessages, reloadProfile]);

  useEffect(() => {
    void loadFirstPage(state.filter);
  }, [state.filter, loadFirstPage]);

  const selectedMessages = state.selectedId ? state.messages[state.selectedId] : undefined;

  // Reading: the agent has the conversation open, its messages shown and the tab visible.
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const onVisibility = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);
  const lastShownSeq = selectedMessages?.items[selectedMessages.items.length - 1]?.seq ?? 0;
  useEffect(() => {
    if (!selected || !visible || lastShownSeq === 0) return;
    if (lastShownSeq <= selected.agentReadSeq && selected.unreadCount === 0) return;
    const conversationId = selected.id;
    dispatch({ type: 'read', conversationId, seq: lastShownSeq });
    api.markRead(conversationId, lastShownSeq).catch(fail);
  }, [api, fail, selected, visible, lastShownSeq]);

  const typing = useMemo(
    () =>
      state.selectedId
        ? new TypingNotifier((value) => {
            if (!state.selectedId) return;
            // Typing is a hint: a lost request is not worth an error message.
            api.setTyping(state.selectedId, value).catch(() => undefined);
          })
        : undefined,
    [api, state.selectedId],
  );
  useEffect(() => () => typing?.stop(), [typing]);

  const select = (conversationId: string) => {
    const needsLoading = !stateRef.current.messages[conversationId]?.loaded;
    dispatch({ type: 'select', conversationId });
    if (needsLoading) void loadMessages(conversationId);
    // Opening a conversation is for answering it: the reply box takes focus.
    requestAnimationFrame(() => composerRef.current?.focus());
  };

  const send = async (reply: ComposedReply) => {
    if (!selected) return;
    typing?.stop();
    // The author's name is the signed-in account's; the server takes it from the token.
    let body: AgentReply;
    if (reply.type === 'file') {
      const attachment = await api.upload(reply.file);
      body = { type: 'file', attachmentIds: [attachment.id], text: reply.text };
    } else {
      const actions = reply.actions.length > 0 ? { actions: reply.actions } : {};
      body =
        reply.type === 'card'
          ? { type: 'card', card: reply.card, ...actions }
          : { type: 'text', text: reply.text, ...actions };
    }
    const message: Message = await api.sendMessage(selected.id, body);
    dispatch({ type: 'message.sent', message });
  };

  const changeStatus = async (action: 'resolve' | 'reopen') => {
    if (!selected) return;
    const conversation = await (action === 'resolve' ? api.resolve(selected.id) : api.reopen(selected.id));
    dispatch({ type: 'conversation.changed', conversation });
  };

  const conversations = visibleConversations(state);
  const unreadTotal = Object.values(state.conversations).reduce(
    (total, conversation) => total + (conversation.status === 'resolved' ? 0 : conversation.unreadCount),
    0,
  );
  useEffect(() => {
    document.title = unreadTotal > 0 ? `(${unreadTotal}) Sapa console` : 'Sapa console';
  }, [unreadTotal]);

  return (
    <div class="app">
      <a class="skip-link" href="#main">
        Skip to conversation
      </a>
      <TopBar
        status={state.connection}
        retryInMs={state.retryInMs}
        account={account}
        onSignOut={() => onSignOut()}
      />
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {error ? (
        <p class="app__error" role="alert">
          {error}
        </p>
      ) : null}
      <div class={selected ? 'layout layout--with-profile' : 'layout'}>
        <ConversationList
          conversations={conversations}
          filter={state.filter}
          selectedId={state.selectedId}
          visitorTyping={state.visitorTyping}
          hasMore={state.nextCursor !== undefined}
          loadingMore={loadingMore}
          onLoadMore={loadMore}
          onFilter={(filter) => dispatch({ type: 'filter', filter })}
          onSelect={select}
        />
        <main id="main" class="layout__main" tabIndex={-1}>
          {selected ? (
            <ConversationView
              key={selected.id}
              conversation={selected}
              messages={selectedMessages}
              visitorTyping={state.visitorTyping[selected.id] ?? false}
              apiUrl={apiUrl}
              onLoadOlder={() => loadOlder(selected.id)}
              onResolve={() => changeStatus('resolve')}
              onReopen={() => changeStatus('reopen')}
              onSend={send}
              onInput={(hasText) => typing?.input(hasText)}
              composerRef={composerRef}
            />
          ) : (
            <p class="layout__placeholder">Choose a conversation to answer it.</p>
          )}
        </main>
        {selected ? (
          <VisitorProfile conversation={selected} profile={state.profiles[selected.visitor.id]} />
        ) : null}
      </div>
    </div>
  );
}
