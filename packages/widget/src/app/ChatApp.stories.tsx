// Long by design: one story per state of the whole widget, each with the play function that checks it.
import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { ChatScreen } from '../stories-support/ChatScreen.js';
import { minutesAgo } from '../stories-support/clock.js';
import type { FakeClient } from '../stories-support/fake-client.js';
import {
  agent,
  attachmentMessages,
  CONVERSATION_ID,
  cardAndRepliesMessages,
  clientState,
  conversation,
  conversationMessages,
  longContentMessages,
  manyMessages,
  message,
  numbered,
  quickReplies,
  sampleText,
  visitor,
  widgetConfig,
} from '../stories-support/fixtures.js';
import { focusedElement, storyLocale, storyT, widget } from '../stories-support/story-helpers.js';
import { ChatApp } from './ChatApp.js';
import * as lazyScreens from './lazy-screens.js';

const meta: Meta<typeof ChatApp> = {
  title: 'Screens/ChatApp',
  component: ChatApp,
  parameters: { sapaFrame: 'bare', layout: 'fullscreen' },
  // The screens the widget loads on demand are loaded before each story: a story shows its screen, not
  // the moment before its code arrived (that moment is covered by lazy-component.test.ts).
  loaders: [
    async () => {
      await Promise.all(Object.values(lazyScreens).map((screen) => screen.preload()));
      return {};
    },
  ],
  // Screens are fixed to the viewport corner like on a site: give the canvas a viewport's height.
  decorators: [
    (Story) => (
      <div style={{ minHeight: '760px' }}>
        <Story />
      </div>
    ),
  ],
};

export default meta;
// ChatApp's `client` comes from each story's fake client, not from args.
type Story = StoryObj<typeof ChatApp>;

/** Checks the contract every open screen keeps: the dialog named by the site, the launcher that closes it. */
async function expectOpenPanel(
  canvasElement: HTMLElement,
  globals: Record<string, unknown>,
  { phone = false } = {},
) {
  const t = storyT(globals);
  const canvas = widget(canvasElement);
  await expect(canvas.getByRole('dialog', { name: 'Toko Sapa' })).toBeInTheDocument();
  // The header's close button and the launcher share the name "Close chat"; the launcher is the expanded one.
  // On a phone the full-screen panel hides the launcher, and the header's button is the way out.
  const closers = canvas.getAllByRole('button', { name: t('launcher.close') });
  await expect(closers.some((button) => button.getAttribute('aria-expanded') === 'true')).toBe(!phone);
  return canvas;
}

/** Closed: only the launcher, with the unread badge. */
export const Closed: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      open={false}
      state={clientState(conversationMessages(storyLocale(globals)), { unreadCount: 2 })}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: t('launcher.open') }));
    await expect(canvas.getByRole('dialog', { name: 'Toko Sapa' })).toBeInTheDocument();
    // Opening focuses the composer: the visitor came to write.
    const composer = canvas.getByRole('textbox', { name: t('composer.label') });
    await waitFor(() => expect(focusedElement(canvasElement)).toBe(composer));
    // Esc closes and gives focus back to the launcher.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    const launcher = canvas.getByRole('button', { name: t('launcher.open') });
    await waitFor(() => expect(focusedElement(canvasElement)).toBe(launcher));
  },
};

/** First visit: no conversation yet, the site's greeting and the composer. */
export const Empty: Story = {
  render: (_args, { globals }) => <ChatScreen globals={globals} state={clientState([])} />,
  play: async ({ canvasElement, globals }) => {
    const canvas = await expectOpenPanel(canvasElement, globals);
    const greeting = widgetConfig().greeting?.[storyLocale(globals)] ?? '';
    await expect(canvas.getByText(greeting)).toBeInTheDocument();
  },
};

let conversationClient: FakeClient | undefined;

/** A conversation with the team; sending a message shows it at once. */
export const Conversation: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={clientState(conversationMessages(storyLocale(globals)))}
      onClient={(client) => {
        conversationClient = client;
      }}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = await expectOpenPanel(canvasElement, globals);
    const text = storyLocale(globals) === 'id' ? 'Apakah bisa COD?' : 'Can I pay on delivery?';
    await userEvent.type(canvas.getByRole('textbox', { name: t('composer.label') }), text);
    await userEvent.click(canvas.getByRole('button', { name: t('composer.send') }));
    await expect(conversationClient?.calls.some((call) => call.method === 'sendText')).toBe(true);
    await waitFor(() => expect(canvas.getByRole('log')).toHaveTextContent(text));
  },
};

/** The same conversation in the dark theme, whatever the toolbar says. */
export const ConversationDark: Story = {
  globals: { theme: 'dark' },
  render: (_args, { globals }) => (
    <ChatScreen globals={globals} state={clientState(conversationMessages(storyLocale(globals)))} />
  ),
};

/** The same conversation in the light theme, whatever the toolbar says. */
export const ConversationLight: Story = {
  globals: { theme: 'light' },
  render: (_args, { globals }) => (
    <ChatScreen globals={globals} state={clientState(conversationMessages(storyLocale(globals)))} />
  ),
};

/** Long messages, words without breaks and unbroken URLs. */
export const LongMessages: Story = {
  render: (_args, { globals }) => (
    <ChatScreen globals={globals} state={clientState(longContentMessages(storyLocale(globals)))} />
  ),
  play: async ({ canvasElement }) => {
    const log = widget(canvasElement).getByRole('log');
    // Long words wrap: nothing scrolls sideways.
    await expect(log.scrollWidth).toBeLessThanOrEqual(log.clientWidth + 1);
  },
};

/** 500 messages, with older ones on the backend too. */
export const FiveHundredMessages: Story = {
  render: (_args, { globals }) => {
    const messages = manyMessages(500, storyLocale(globals));
    return (
      <ChatScreen globals={globals} state={clientState(messages, { hasMore: { [CONVERSATION_ID]: true } })} />
    );
  },
  play: async ({ canvasElement, globals }) => {
    const canvas = await expectOpenPanel(canvasElement, globals);
    await expect(canvas.getByRole('button', { name: storyT(globals)('messages.older') })).toBeInTheDocument();
  },
};

/** The agent is typing. */
export const Typing: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={clientState(conversationMessages(storyLocale(globals)), {
        typing: { [CONVERSATION_ID]: [agent] },
      })}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const canvas = await expectOpenPanel(canvasElement, globals);
    await expect(canvas.getByText(storyT(globals)('typing.one', { name: 'Dewi' }))).toBeInTheDocument();
  },
};

/** A message that could not be delivered; Retry sends it again with the same id. */
export const FailedDelivery: Story = {
  render: (_args, { globals }) => {
    const locale = storyLocale(globals);
    return (
      <ChatScreen
        globals={globals}
        state={clientState(
          numbered([
            ...conversationMessages(locale),
            message(visitor, sampleText(locale, 'question'), 1, {
              clientMessageId: 'client-failed',
              delivery: 'failed',
              error: { code: 'network', message: 'The network request failed.' },
            }),
          ]),
        )}
      />
    );
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = await expectOpenPanel(canvasElement, globals);
    await userEvent.click(canvas.getByRole('button', { name: t('message.retry') }));
    await waitFor(() => expect(canvas.queryByRole('button', { name: t('message.retry') })).toBeNull());
  },
};

/** A photo being uploaded: progress and Cancel. */
export const UploadInProgress: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={clientState(conversationMessages(storyLocale(globals)), {
        uploads: { 'client-upload': { name: 'foto-paket-rusak.jpg', size: 3_400_000, fraction: 0.42 } },
      })}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const canvas = await expectOpenPanel(canvasElement, globals);
    // Upload progress is a chunk of its own: it arrives a moment after the panel.
    await expect(await canvas.findByRole('progressbar')).toBeInTheDocument();
  },
};

/** Pictures and files in the conversation. */
export const Attachments: Story = {
  render: (_args, { globals }) => (
    <ChatScreen globals={globals} state={clientState(attachmentMessages(storyLocale(globals)))} />
  ),
};

/** A product card and the bot's quick replies; a reply is sent as a postback. */
export const CardsAndQuickReplies: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={clientState(cardAndRepliesMessages(storyLocale(globals)))}
      onClient={(client) => {
        conversationClient = client;
      }}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const canvas = await expectOpenPanel(canvasElement, globals);
    const [first] = quickReplies(storyLocale(globals));
    await userEvent.click(canvas.getByRole('button', { name: first?.label ?? '' }));
    await expect(conversationClient?.calls.find((call) => call.method === 'sendPostback')?.args[0]).toBe(
      'track_order',
    );
  },
};

/** The browser is offline: a banner says messages wait until the connection is back. */
export const Offline: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={clientState(conversationMessages(storyLocale(globals)), { connection: 'offline' })}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const canvas = await expectOpenPanel(canvasElement, globals);
    await expect(canvas.getByText(storyT(globals)('connection.offline'))).toBeInTheDocument();
  },
};

/** The stream dropped and is coming back. */
export const Reconnecting: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={clientState(conversationMessages(storyLocale(globals)), { connection: 'reconnecting' })}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const canvas = await expectOpenPanel(canvasElement, globals);
    await expect(canvas.getByText(storyT(globals)('connection.reconnecting'))).toBeInTheDocument();
  },
};

/** IndexedDB is unavailable: the visitor is told history lasts only for this page. */
export const MemoryOnlyStorage: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={clientState(conversationMessages(storyLocale(globals)), { storage: 'memory' })}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const canvas = await expectOpenPanel(canvasElement, globals);
    await expect(canvas.getByText(storyT(globals)('connection.memory'))).toBeInTheDocument();
  },
};

/** The pre-chat form, submitted empty: errors on the required fields. */
export const PrechatWithErrors: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={clientState([], {
        visitor: { id: 'visitor-1', attributes: {}, verified: false },
        config: widgetConfig({
          prechat: {
            enabled: true,
            fields: [
              { name: 'name', type: 'text', required: true },
              { name: 'email', type: 'email', required: true },
              { name: 'phone', type: 'tel', required: false },
            ],
          },
        }),
      })}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = await expectOpenPanel(canvasElement, globals);
    await userEvent.click(await canvas.findByRole('button', { name: t('prechat.submit') }));
    await expect(canvas.getAllByText(t('form.required')).length).toBe(2);
  },
};

/** Nobody online: leave a message, with the honest "back tomorrow" promise. */
export const LeaveAMessage: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={clientState([], {
        config: widgetConfig({ availability: { online: false, nextOpenAt: '2026-11-21T01:00:00Z' } }),
      })}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const canvas = await expectOpenPanel(canvasElement, globals);
    await expect(
      await canvas.findByRole('button', { name: storyT(globals)('leave.submit') }),
    ).toBeInTheDocument();
  },
};

/** Resolved: rate the help (CSAT) or start again. */
export const Rating: Story = {
  render: (_args, { globals }) => {
    const messages = conversationMessages(storyLocale(globals));
    const state = clientState(messages);
    return (
      <ChatScreen
        globals={globals}
        state={{
          ...state,
          conversations: state.conversations.map((item) => ({ ...item, status: 'resolved' })),
        }}
      />
    );
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = await expectOpenPanel(canvasElement, globals);
    await userEvent.click(await canvas.findByRole('radio', { name: t('rating.score5') }));
    await userEvent.click(canvas.getByRole('button', { name: t('rating.submit') }));
    await waitFor(() => expect(canvas.getByText(t('rating.thanks'))).toBeInTheDocument());
  },
};

/** A proactive campaign as a teaser above the closed launcher. */
export const CampaignTeaser: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      open={false}
      state={clientState([], {
        campaign: {
          id: 'campaign-restock',
          source: 'backend',
          message:
            storyLocale(globals) === 'id'
              ? 'Halo Kak Sari, batik favorit Kakak sudah tersedia lagi. Mau kami simpankan satu?'
              : 'Hi Sari, your favourite batik is back in stock. Shall we save one for you?',
        },
      })}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(
      await canvas.findByRole('region', { name: t('teaser.label', { name: 'Toko Sapa' }) }),
    ).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('teaser.dismiss') }));
    await waitFor(() => expect(canvas.queryByRole('region')).toBeNull());
  },
};

/** Several conversations: the back button leads to the list. */
export const ConversationList: Story = {
  render: (_args, { globals }) => {
    const state = clientState(conversationMessages(storyLocale(globals)));
    return (
      <ChatScreen
        globals={globals}
        state={{
          ...state,
          conversations: [
            ...state.conversations,
            conversation({
              id: 'conversation-0',
              status: 'resolved',
              lastSeq: 3,
              updatedAt: minutesAgo(60 * 24 * 9),
            }),
          ],
        }}
      />
    );
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = await expectOpenPanel(canvasElement, globals);
    await userEvent.click(canvas.getByRole('button', { name: t('header.back') }));
    await expect(await canvas.findByText(t('conversations.title'))).toBeInTheDocument();
  },
};

/** The chat could not start: what failed, and Try again. */
export const CouldNotConnect: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={{
        ...clientState([]),
        config: undefined,
        connection: 'offline',
        lastError: { code: 'network_error', message: 'The chat server did not answer POST /sessions.' },
      }}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const alert = widget(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent(storyT(globals)('error.title'));
    // What to do, in the visitor's language; not the request that failed.
    await expect(alert).toHaveTextContent(storyT(globals)('error.network'));
    await expect(alert).not.toHaveTextContent('POST');
  },
};

/** On a phone (375 px wide): the panel fills the screen. */
export const Mobile: Story = {
  globals: { viewport: { value: 'mobile', isRotated: false } },
  render: (_args, { globals }) => (
    <ChatScreen globals={globals} state={clientState(conversationMessages(storyLocale(globals)))} />
  ),
  play: async ({ canvasElement, globals }) => {
    const canvas = await expectOpenPanel(canvasElement, globals, { phone: true });
    const panel = canvas.getByRole('dialog');
    await expect(panel.getBoundingClientRect().width).toBeGreaterThanOrEqual(window.innerWidth - 1);
  },
};
