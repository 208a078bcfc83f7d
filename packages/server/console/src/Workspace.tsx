import type { Message } from '@sapa/protocol';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { AgentApi, AgentApiError } from './agent-api.js';
import type { AgentAccount, AgentReply } from './agent-types.js';
import type { ComposedReply } from './components/Composer/Composer.js';
import { ConversationList } from './components/ConversationList/ConversationList.js';
import { ConversationView } from './components/ConversationView/ConversationView.js';
import { TopBar } from './components/TopBar.js';
import { VisitorProfile } from './components/VisitorProfile/VisitorProfile.js';
import { consoleReducer, initialConsoleState, visibleConversations } from './console-state.js';
import { useConsoleView, viewHash } from './console-view.js';
import { visitorLabel } from './format.js';
import type { ConsoleLocale, TranslationKey } from './i18n/console-i18n.js';
import { describeError } from './i18n/describe-error.js';
import { useI18n } from './i18n/I18nProvider.js';
import { TypingNotifier } from './typing-notifier.js';
import { useAgentStream } from './use-agent-stream.js';
import { useCarePage } from './use-care-page.js';
import { useCareReport } from './use-care-report.js';
import { useConversationMessages } from './use-conversation-messages.js';
import { useConversationSearch } from './use-conversation-search.js';
import { useInbox } from './use-inbox.js';
import { useNow } from './use-now.js';
import { useVisitorProfile } from './use-visitor-profile.js';

export interface WorkspaceProps {
  apiUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** The server said who the token signs in as. */
  onAccount: (account: AgentAccount) => void;
  onLanguage: (locale: ConsoleLocale) => void;
  /** Back to the sign-in form, with the reason to show there. */
  onSignOut: (reason?: TranslationKey) => void;
}

/** The signed-in console: the inbox and a conversation, or the care report. */
export function Workspace({
  apiUrl,
  token,
  fetch: fetchFunction,
  onAccount,
  onLanguage,
  onSignOut,
}: WorkspaceProps) {
  const { t } = useI18n();
  const api = useMemo(() => new AgentApi(apiUrl, token, fetchFunction), [apiUrl, token, fetchFunction]);
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState);
  const stateRef = useRef(state);
  stateRef.current = state;
  // Kept as it was caught and described at render, so it follows a change of language.
  const [error, setError] = useState<unknown>();
  const [account, setAccount] = useState<AgentAccount | undefined>();
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const view = useConsoleView();
  // Relative times ("5 min ago") move on by themselves.
  const now = useNow(30_000);

  /** Whether `caught` signed the agent out (the token was refused): nothing else to show then. */
  const signedOut = useCallback(
    (caught: unknown) => {
      if (!(caught instanceof AgentApiError && caught.unauthorized)) return false;
      onSignOut('signIn.refused');
      return true;
    },
    [onSignOut],
  );
  const fail = useCallback(
    (caught: unknown) => {
      if (!signedOut(caught)) setError(caught);
    },
    [signedOut],
  );
  /** For calls that can recover: an error to show, or undefined once a call worked again. */
  const report = useCallback(
    (caught: unknown) => (caught === undefined ? setError(undefined) : fail(caught)),
    [fail],
  );
  const { loadFirstPage, loadMore, loadingMore } = useInbox(api, dispatch, stateRef, report);
  const { search, searchMore, searchingMore, clearSearch } = useConversationSearch(
    api,
    dispatch,
    stateRef,
    report,
  );
  const care = useCareReport(api, view === 'care', signedOut);
  const CarePage = useCarePage(view === 'care');

  useEffect(() => {
    api.me().then((signedIn) => {
      setAccount(signedIn);
      onAccount(signedIn);
    }, fail);
  }, [api, fail, onAccount]);

  const { loadMessages, loadOlder } = useConversationMessages(api, dispatch, stateRef, fail);
  const selected = state.selectedId ? state.conversations[state.selectedId] : undefined;
  const reloadProfile = useVisitorProfile(api, selected?.visitor.id, dispatch, fail);

  const announcement = useAgentStream({
    api,
    token,
    fetch: fetchFunction,
    dispatch,
    state: stateRef,
    fail,
    onSignOut,
    loadFirstPage,
    loadMessages,
    reloadProfile,
  });

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
    if (view !== 'inbox' || !selected || !visible || lastShownSeq === 0) return;
    if (lastShownSeq <= selected.agentReadSeq && selected.unreadCount === 0) return;
    const conversationId = selected.id;
    dispatch({ type: 'read', conversationId, seq: lastShownSeq });
    api.markRead(conversationId, lastShownSeq).catch(fail);
  }, [api, fail, selected, visible, lastShownSeq, view]);

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
    // The inbox rows leave out the conversation's feedback (ratings and NPS answers): the whole view has it.
    api
      .getConversation(conversationId)
      .then((conversation) => dispatch({ type: 'conversation.loaded', conversation }), fail);
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

  /** From the care report to a conversation a comment came from: the inbox, with it open. */
  const openFromCare = (conversationId: string) => {
    location.hash = viewHash('inbox');
    // Selecting loads the whole conversation, also one the inbox has not listed yet.
    select(conversationId);
  };

  const unreadTotal = Object.values(state.conversations).reduce(
    (total, conversation) => total + (conversation.status === 'resolved' ? 0 : conversation.unreadCount),
    0,
  );
  const title = unreadTotal > 0 ? t('app.titleUnread', { count: unreadTotal }) : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <div class="app">
      <a class="skip-link" href="#main">
        {view === 'care' ? t('app.skipToReport') : t('app.skipToConversation')}
      </a>
      <TopBar
        status={state.connection}
        retryInMs={state.retryInMs}
        account={account}
        view={view}
        onLanguage={onLanguage}
        onSignOut={() => onSignOut()}
      />
      <p class="visually-hidden" aria-live="polite">
        {announcement === undefined
          ? ''
          : announcement.visitor
            ? t('app.announceMessage', { name: visitorLabel(announcement.visitor, t) })
            : t('app.announceNewVisitor')}
      </p>
      {error !== undefined ? (
        <p class="app__error" role="alert">
          {describeError(error, t)}
        </p>
      ) : null}
      {view === 'care' ? (
        <main id="main" class="layout__main layout__main--care" tabIndex={-1}>
          {CarePage ? (
            <CarePage
              report={care.report}
              query={care.query}
              loading={care.loading}
              error={care.error === undefined ? undefined : describeError(care.error, t)}
              onQuery={(query) => void care.load(query)}
              onOpenConversation={openFromCare}
            />
          ) : (
            <p class="layout__placeholder" role="status">
              {t('care.loading')}
            </p>
          )}
        </main>
      ) : (
        <div class={selected ? 'layout layout--with-profile' : 'layout'}>
          <ConversationList
            conversations={visibleConversations(state)}
            filter={state.filter}
            selectedId={state.selectedId}
            visitorTyping={state.visitorTyping}
            hasMore={(state.search ? state.search.nextCursor : state.nextCursor) !== undefined}
            loadingMore={state.search ? searchingMore : loadingMore}
            onLoadMore={state.search ? searchMore : loadMore}
            onFilter={(filter) => dispatch({ type: 'filter', filter })}
            onSelect={select}
            searchQuery={state.search?.query}
            searching={state.search?.loading}
            onSearch={search}
            onClearSearch={clearSearch}
            now={now}
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
              <p class="layout__placeholder">{t('app.chooseConversation')}</p>
            )}
          </main>
          {selected ? (
            <VisitorProfile conversation={selected} profile={state.profiles[selected.visitor.id]} now={now} />
          ) : null}
        </div>
      )}
    </div>
  );
}
