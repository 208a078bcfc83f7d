import type { Locale } from '@sapa/protocol';
import type { SapaClient } from '@sapa/sdk';
import type { JSX } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { ConnectionBanner } from '../components/ConnectionBanner/ConnectionBanner.js';
import { Header } from '../components/Header/Header.js';
import { Launcher } from '../components/Launcher/Launcher.js';
import { Panel } from '../components/Panel/Panel.js';
import { Root } from '../components/Root/Root.js';
import { createI18n, type SapaI18n, type StringOverrides } from '../i18n/create-i18n.js';
import { I18nProvider } from '../i18n/I18nProvider.js';
import type { WidgetTheme } from '../options.js';
import { Teaser } from './lazy-screens.js';
import { PanelBody } from './screens/PanelBody.js';
import { selectScreen } from './select-screen.js';
import { useChatActions } from './use-chat-actions.js';
import { useChime } from './use-chime.js';
import { useClientState } from './use-client-state.js';
import { useComposerCarryOver } from './use-composer-carry-over.js';
import { usePageVisible } from './use-page-visible.js';
import { usePanelFocus } from './use-panel-focus.js';
import { useReadReceipts } from './use-read-receipts.js';
import { useScreenPreload } from './use-screen-preload.js';
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

/**
 * The chat widget: connects a {@link SapaClient}'s snapshot to the presentational components. Everything
 * it knows comes from the client and its props; the only globals it touches are `document.title` and
 * visibility (for the unread count in the tab title), both guarded. Which screen shows is
 * `selectScreen`'s decision, what the visitor can do is `useChatActions`', and `PanelBody` draws it.
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
  const setOpen = (next: boolean) => {
    if (openProp === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  };
  const launcherRef = useRef<HTMLButtonElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);

  const [view, actions] = useChatActions(client, state, i18n, setOpen);
  const screen = selectScreen(state, view);
  useScreenPreload(state, view);
  const carried = useComposerCarryOver(composerRef, screen === 'leave-message');
  usePanelFocus(open, launcherRef, composerRef);
  useReadReceipts(client, state, open && !view.listShown);
  useChime(client, options.sound === true, open);
  const pageVisible = usePageVisible();
  // The title shows what the visitor has not seen while the tab is hidden, with the panel open or not.
  useUnreadTitle(pageVisible ? 0 : state.unreadCount);
  const visibleArea = useVisualViewport(open);

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setOpen(false);
  };

  const { config, conversations, campaign } = state;
  const conversation = conversations.find((candidate) => candidate.id === state.activeConversationId);
  const theme = options.theme ?? {};
  const accentColor = theme.accentColor ?? config?.accentColor;
  // Until the config arrives (or when it never does) the panel and its heading still need a name.
  const title = config?.name ?? i18n.t('header.agents');
  return (
    <I18nProvider i18n={i18n}>
      <Root
        theme={theme.mode ?? 'auto'}
        position={theme.position ?? 'right'}
        accentColor={accentColor}
        zIndex={theme.zIndex}
      >
        {open && (
          <Panel title={title} onKeyDown={onKeyDown} visibleArea={visibleArea}>
            <Header
              siteName={title}
              logoUrl={config?.logoUrl}
              agents={conversation?.assignee ? [conversation.assignee] : []}
              availability={config?.availability}
              onLocaleChange={actions.changeLocale}
              onClose={() => setOpen(false)}
              {...(conversations.length > 1 && !view.listShown ? { onBack: actions.showList } : {})}
              now={now}
            />
            <ConnectionBanner connection={state.connection} storage={state.storage} />
            <PanelBody
              screen={screen}
              state={state}
              view={view}
              actions={actions}
              composerRef={composerRef}
              carried={carried}
              now={now}
            />
          </Panel>
        )}
        {!open && campaign && (
          <Teaser
            text={campaign.message}
            actions={campaign.actions}
            siteName={config?.name ?? ''}
            onReply={() => actions.answerCampaign(campaign.id)}
            onAction={(action) => actions.answerCampaign(campaign.id, action)}
            onDismiss={() => actions.dismissCampaign(campaign.id)}
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
