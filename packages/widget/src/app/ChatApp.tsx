import type { Action, Locale } from '@sapa/protocol';
import type { ClientMessage, SapaClient } from '@sapa/sdk';
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ChannelLinks } from '../components/ChannelLinks/ChannelLinks.js';
import { Composer, type ComposerDisabledReason } from '../components/Composer/Composer.js';
import { ConnectionBanner } from '../components/ConnectionBanner/ConnectionBanner.js';
import { EmptyState } from '../components/EmptyState/EmptyState.js';
import { ErrorState } from '../components/ErrorState/ErrorState.js';
import { Header } from '../components/Header/Header.js';
import { Launcher } from '../components/Launcher/Launcher.js';
import type { LeftMessage } from '../components/LeaveMessageForm/LeaveMessageForm.js';
import { MessageList } from '../components/MessageList/MessageList.js';
import { Panel } from '../components/Panel/Panel.js';
import { Root } from '../components/Root/Root.js';
import { createI18n, type SapaI18n } from '../i18n/create-i18n.js';
import { formatBytes } from '../i18n/format.js';
import { I18nProvider } from '../i18n/I18nProvider.js';
import type { StringOverrides, WidgetTheme } from '../options.js';
import {
  ConversationList,
  LeaveMessageForm,
  PrechatForm,
  ResolvedState,
  Teaser,
  UploadProgress,
} from './lazy-screens.js';
import { useClientState } from './use-client-state.js';
import { usePageVisible } from './use-page-visible.js';
import { useUnreadTitle } from './use-unread-title.js';
import { useVisualViewport } from './use-visual-viewport.js';

/** What {@link ChatApp} needs besides the client; the same fields as the widget's options. */
export interface ChatAppOptions {
  locale?: Locale;
  strings?: StringOverrides;
  theme?: WidgetTheme;
  /** Chime when a message arrives while the panel is closed. Default `false`. */
  sound?: boolean;
}

/** Props of {@link ChatApp}. */
export interface ChatAppProps {
  client: SapaClient;
  options?: ChatAppOptions;
  /** Strings to use; made from `options.locale` and `options.strings` when absent. */
  i18n?: SapaI18n;
  /** Controlled open state; uncontrolled (starting closed) when absent. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The current time for day separators and availability; pinned in stories. */
  now?: Date;
}

type ReplyAction = Extract<Action, { type: 'reply' }>;

/** The sentence for a file the SDK refused, by error code. */
const FILE_REFUSALS: Record<string, string> = {
  payload_too_large: 'composer.fileTooLarge',
  unsupported_media_type: 'composer.fileType',
  not_connected: 'composer.fileFailed',
};

// Sending is fire-and-forget from the UI: failures land in the snapshot (delivery 'failed', lastError).
const settle = (promise: Promise<unknown>) => {
  promise.catch(() => undefined);
};

/**
 * The chat widget: connects a {@link SapaClient}'s snapshot to the presentational components. Everything
 * it knows comes from the client and its props; the only globals it touches are `document.title` and
 * visibility (for the unread count in the tab title), both guarded.
 *
 * @example
 * ```tsx
 * render(<ChatApp client={createClient({ apiUrl, siteKey: 'demo' })} options={{ locale: 'id' }} />, element);
 * ```
 */
export function ChatApp({
  client,
  options = {},
  i18n: givenI18n,
  open: openProp,
  onOpenChange,
  now,
}: ChatAppProps) {
  const state = useClientState(client);
  const i18n = useMemo(
    () => givenI18n ?? createI18n({ locale: options.locale ?? 'en', strings: options.strings ?? {} }),
    [givenI18n, options.locale, options.strings],
  );
  const [ownOpen, setOwnOpen] = useState(false);
  const open = openProp ?? ownOpen;
  const [showList, setShowList] = useState(false);
  const [prechatDone, setPrechatDone] = useState(false);
  const [leftMessage, setLeftMessage] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [ratingSending, setRatingSending] = useState(false);
  /** A file the visitor tried to send that the SDK refused before it became a message, and why. */
  const [refusedFile, setRefusedFile] = useState<{ key: string; name: string; limit?: number }>();
  const launcherRef = useRef<HTMLButtonElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const carried = useRef({ message: '', focus: false });
  const uploads = useRef(new Map<string, AbortController>());
  const wasOpen = useRef(open);

  const setOpen = (next: boolean) => {
    if (openProp === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  };

  const { config, conversations, visitor } = state;
  const locale = i18n.locale();
  const activeId = state.activeConversationId;
  const conversation = conversations.find((candidate) => candidate.id === activeId);
  const messages = (activeId && state.messages[activeId]) || [];
  const fresh = messages.length === 0;
  const hasProfile = Boolean(visitor?.name || visitor?.email || visitor?.phone);
  const showPrechat = fresh && config?.prechat.enabled === true && !prechatDone && !hasProfile;
  const showLeaveForm = (fresh && config?.availability.online === false) || leftMessage !== 'idle';
  const resolved = conversation?.status === 'resolved';
  const hasList = conversations.length > 1;

  // Screens in chunks of their own are fetched when the state that shows them arrives, often before the
  // panel opens; until they are there, the panel shows what it showed before.
  useEffect(() => {
    if (showPrechat) void PrechatForm.preload();
    if (showLeaveForm) void LeaveMessageForm.preload();
    if (resolved) void ResolvedState.preload();
    if (hasList) void ConversationList.preload();
  }, [showPrechat, showLeaveForm, resolved, hasList]);

  // Opening focuses the composer (the visitor came to write) in the same task as the render that shows it,
  // not after the next paint; closing returns focus to the launcher.
  const focusComposer = useRef(open);
  useLayoutEffect(() => {
    if (open && !wasOpen.current) focusComposer.current = true;
    if (!open && wasOpen.current) launcherRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  useLayoutEffect(() => {
    if (!open || !focusComposer.current || !composerRef.current) return;
    // The panel is fixed and the composer always in view: scrolling it into view would only force a layout.
    composerRef.current.focus({ preventScroll: true });
    focusComposer.current = false;
  });

  // What the visitor sees is read: tell the backend while the panel shows the conversation.
  const pageVisible = usePageVisible();
  const visibleArea = useVisualViewport(open);
  const visible = open && !showList && activeId !== null && pageVisible;
  useEffect(() => {
    if (visible && state.unreadCount > 0 && activeId) settle(client.markRead(activeId));
  }, [visible, state.unreadCount, activeId, client]);

  useEffect(() => {
    if (!options.sound) return;
    // Sound is off by default: only sites that turn it on fetch the chime's code.
    const chime = import('./play-chime.js').then(
      (module) => module.playChime,
      () => undefined,
    );
    return client.on('message', () => {
      if (!open || document.hidden) void chime.then((play) => play?.());
    });
  }, [client, options.sound, open]);

  // The title shows what the visitor has not seen while the tab is hidden, with the panel open or not.
  useUnreadTitle(pageVisible ? 0 : state.unreadCount);

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setOpen(false);
  };

  const changeLocale = (next: Locale) => {
    void i18n.changeLanguage(next);
    client.setLocale(next);
  };

  const sendFiles = (files: File[]) => {
    void UploadProgress.preload();
    setRefusedFile(undefined);
    for (const file of files) {
      const controller = new AbortController();
      uploads.current.set(file.name, controller);
      client
        .sendFile(file, { signal: controller.signal, ...(activeId ? { conversationId: activeId } : {}) })
        .catch((error: unknown) => {
          const { code, limit } = Object(error) as { code?: string; limit?: number };
          // Refused before it became a message, so no bubble shows it: say why under the composer. A failed
          // upload of a message shows on its bubble, with retry; a cancel needs no word.
          if (code && Object.hasOwn(FILE_REFUSALS, code))
            setRefusedFile({ key: FILE_REFUSALS[code] as string, name: file.name, limit });
        })
        .finally(() => uploads.current.delete(file.name));
    }
  };

  const reply = (action: ReplyAction) => settle(client.sendPostback(action.payload, action.label));

  const startNew = () => {
    client.selectConversation(null);
    setShowList(false);
  };

  const answerCampaign = (campaignId: string, action?: ReplyAction) => {
    setOpen(true);
    settle(
      client.startConversation({ campaignId }).then((started) => {
        client.selectConversation(started.id);
        if (action) return client.sendPostback(action.payload, action.label, { conversationId: started.id });
      }),
    );
  };

  const leaveMessage = (value: LeftMessage) => {
    setLeftMessage('sending');
    settle(
      client
        .updateVisitor({ name: value.name, email: value.email })
        .then(() => client.sendText(value.message))
        .then(
          () => setLeftMessage('sent'),
          () => setLeftMessage('idle'),
        ),
    );
  };

  const submitPrechat = (values: Record<string, string>) => {
    const { name, email, phone, ...attributes } = values;
    setPrechatDone(true);
    settle(
      client.updateVisitor({
        ...(name ? { name } : {}),
        ...(email ? { email } : {}),
        ...(phone ? { phone } : {}),
        attributes,
      }),
    );
  };

  const rate = (score: number, comment?: string) => {
    if (!conversation) return;
    setRatingSending(true);
    settle(client.rate(conversation.id, score, comment).finally(() => setRatingSending(false)));
  };

  const body = () => {
    // The conversation and the composer do not wait for the configuration: stored history shows before the
    // network answers, and the visitor can start typing at once. Only a first start that failed shows an error.
    if (!config && state.lastError && fresh) {
      // The SDK's message names requests and URLs, for developers; the visitor reads what to do, in their language.
      const detail = i18n.t(state.lastError.code === 'network_error' ? 'error.network' : 'error.unavailable');
      return <ErrorState detail={detail} onRetry={() => settle(client.connect())} />;
    }
    if (showList && conversations.length > 0) {
      const lastMessages = Object.fromEntries(
        conversations.map((listed) => [listed.id, state.messages[listed.id]?.at(-1)]),
      );
      return (
        <ConversationList
          conversations={conversations}
          lastMessages={lastMessages}
          onSelect={(id) => {
            client.selectConversation(id);
            setShowList(false);
          }}
          onStartNew={startNew}
          {...(now ? { now } : {})}
        />
      );
    }
    if (showPrechat && config) {
      return (
        <PrechatForm fields={config.prechat.fields} onSubmit={submitPrechat} fallback={<EmptyState />} />
      );
    }
    if (showLeaveForm && config) {
      // The composer shows while the config is on its way; when nobody turns out to be online, what the
      // visitor already typed there (and the focus) moves into the form instead of being lost.
      const composer = composerRef.current;
      if (composer) {
        const root = composer.getRootNode() as Document | ShadowRoot;
        carried.current = { message: composer.value, focus: root.activeElement === composer };
      }
      return (
        <LeaveMessageForm
          initialValue={{ message: carried.current.message }}
          autoFocus={carried.current.focus}
          availability={config.availability}
          onSubmit={leaveMessage}
          submitting={leftMessage === 'sending'}
          submitted={leftMessage === 'sent'}
          {...(now ? { now } : {})}
          fallback={<EmptyState />}
        />
      );
    }
    const greeting = config?.greeting?.[locale];
    const disabledReason: ComposerDisabledReason | undefined =
      config?.identityRequired && !visitor?.verified ? 'identity' : undefined;
    const composer = (reason: ComposerDisabledReason | undefined = disabledReason) => (
      <Composer
        onSend={(text) => {
          setRefusedFile(undefined);
          settle(client.sendText(text, activeId ? { conversationId: activeId } : {}));
        }}
        onFiles={sendFiles}
        onTyping={(typing) => client.setTyping(typing)}
        {...(config ? { accept: config.upload.accept } : {})}
        textareaRef={composerRef}
        {...(reason ? { disabledReason: reason } : {})}
        {...(refusedFile
          ? {
              notice: i18n.t(refusedFile.key, {
                name: refusedFile.name,
                size: formatBytes(refusedFile.limit ?? 0, locale),
              }),
            }
          : {})}
      />
    );
    return (
      <>
        {fresh ? (
          <EmptyState {...(greeting ? { greeting } : {})} />
        ) : (
          <MessageList
            messages={messages as ClientMessage[]}
            typing={(activeId && state.typing[activeId]) || []}
            hasMore={(activeId && state.hasMore[activeId]) || false}
            onLoadOlder={() => activeId && settle(client.loadOlder(activeId))}
            agentReadSeq={conversation?.agentReadSeq ?? 0}
            onRetry={(message) => message.clientMessageId && settle(client.retry(message.clientMessageId))}
            onAction={reply}
            {...(now ? { now } : {})}
          />
        )}
        {Object.entries(state.uploads).map(([id, upload]) => (
          <UploadProgress
            key={id}
            name={upload.name}
            size={upload.size}
            fraction={upload.fraction}
            onCancel={() => uploads.current.get(upload.name)?.abort()}
          />
        ))}
        {resolved ? (
          <ResolvedState
            {...(conversation.rating ? { rating: conversation.rating } : {})}
            onRate={rate}
            onStartNew={startNew}
            ratingSubmitting={ratingSending}
            fallback={composer('resolved')}
          />
        ) : (
          composer()
        )}
        {config && config.channels.length > 0 && <ChannelLinks channels={config.channels} />}
      </>
    );
  };

  const theme = options.theme ?? {};
  const accentColor = theme.accentColor ?? config?.accentColor;
  const campaign = state.campaign;
  // Until the config arrives (or when it never does) the panel and its heading still need a name.
  const title = config?.name ?? i18n.t('header.agents');
  return (
    <I18nProvider i18n={i18n}>
      <Root
        theme={theme.mode ?? 'auto'}
        position={theme.position ?? 'right'}
        {...(accentColor ? { accentColor } : {})}
        {...(theme.zIndex !== undefined ? { zIndex: theme.zIndex } : {})}
      >
        {open && (
          <Panel title={title} onKeyDown={onKeyDown} visibleArea={visibleArea}>
            <Header
              siteName={title}
              {...(config?.logoUrl ? { logoUrl: config.logoUrl } : {})}
              agents={conversation?.assignee ? [conversation.assignee] : []}
              {...(config ? { availability: config.availability } : {})}
              onLocaleChange={changeLocale}
              onClose={() => setOpen(false)}
              {...(conversations.length > 1 && !showList ? { onBack: () => setShowList(true) } : {})}
              {...(now ? { now } : {})}
            />
            <ConnectionBanner connection={state.connection} storage={state.storage} />
            {body()}
          </Panel>
        )}
        {!open && campaign && (
          <Teaser
            text={campaign.message}
            {...(campaign.actions ? { actions: campaign.actions } : {})}
            siteName={config?.name ?? ''}
            onReply={() => answerCampaign(campaign.id)}
            onAction={(action) => answerCampaign(campaign.id, action)}
            onDismiss={() => client.dismissCampaign(campaign.id)}
          />
        )}
        <Launcher
          open={open}
          unreadCount={state.unreadCount}
          onToggle={() => setOpen(!open)}
          buttonRef={launcherRef}
        />
      </Root>
    </I18nProvider>
  );
}
