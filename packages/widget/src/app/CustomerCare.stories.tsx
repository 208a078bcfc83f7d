/**
 * Customer care at every hour (issue 12), as the whole widget shows it: the chat while nobody is online with the
 * honest promise and the email asked inside the conversation, the thank-you answered as a conversation, the NPS
 * question, the recommendation's teaser, a known customer's short form, and the reference on other channels.
 */
import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { ChatScreen } from '../stories-support/ChatScreen.js';
import {
  awayQuestion,
  awayUntilTomorrow,
  npsConversation,
  REFERENCE,
  recommendationCard,
  recommendationText,
  thankYouConversation,
} from '../stories-support/care-fixtures.js';
import type { FakeClient } from '../stories-support/fake-client.js';
import { clientState, widgetConfig } from '../stories-support/fixtures.js';
import { storyLocale, storyT, widget } from '../stories-support/story-helpers.js';
import { ChatApp } from './ChatApp.js';
import * as lazyScreens from './lazy-screens.js';

const meta: Meta<typeof ChatApp> = {
  title: 'Screens/Customer care',
  component: ChatApp,
  parameters: { sapaFrame: 'bare', layout: 'fullscreen' },
  // As in ChatApp's stories: the chunks loaded on demand are there before the story draws.
  loaders: [
    async () => {
      await Promise.all(Object.values(lazyScreens).map((screen) => screen.preload()));
      return {};
    },
  ],
  decorators: [
    (Story) => (
      <div style={{ minHeight: '760px' }}>
        <Story />
      </div>
    ),
  ],
};

export default meta;
type Story = StoryObj<typeof ChatApp>;

/** "Tomorrow at 09:00 WIB" in the story's language, as the header and the promise say it. */
const backTomorrow = (locale: 'en' | 'id') =>
  locale === 'id' ? 'besok pukul 09.00 WIB' : 'tomorrow at 09:00 WIB';

/** A first visit at night: the chat, not a form; the header says when the team is back; writing brings the promise. */
export const FirstVisitWhileAway: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={clientState([], { config: widgetConfig({ availability: awayUntilTomorrow }) })}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const locale = storyLocale(globals);
    const canvas = widget(canvasElement);
    await expect(canvas.getByText(new RegExp(backTomorrow(locale)))).toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: t('leave.submit') })).toBeNull();
    await userEvent.type(canvas.getByRole('textbox', { name: t('composer.label') }), 'Halo{Enter}');
    await waitFor(() => expect(canvas.getByRole('log')).toHaveTextContent(t('promise.here')));
  },
};

let awayClient: FakeClient | undefined;

/** Nobody online, the backend emails replies, and the visitor has no address: the promise and one field. */
export const AwayAskingForEmail: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={awayQuestion(storyLocale(globals))}
      onClient={(client) => {
        awayClient = client;
      }}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(canvas.getByRole('log')).toHaveTextContent(t('promise.hereOrEmail'));
    const field = await canvas.findByRole('textbox', { name: t('email.label') });
    await userEvent.type(field, 'sari@');
    await userEvent.click(canvas.getByRole('button', { name: t('email.save') }));
    await expect(canvas.getByText(t('form.invalidEmail'))).toBeInTheDocument();
    await userEvent.type(field, 'example.com');
    await userEvent.click(canvas.getByRole('button', { name: t('email.save') }));
    await waitFor(() =>
      expect(canvas.getByText(t('email.saved', { email: 'sari@example.com' }))).toBeInTheDocument(),
    );
    await expect(awayClient?.calls.find((call) => call.method === 'updateVisitor')?.args).toEqual([
      { email: 'sari@example.com', source: 'chat' },
    ]);
  },
};

/** Nobody online and no emailed replies: the promise names only the conversation, and nothing is asked. */
export const AwayWithoutEmail: Story = {
  render: (_args, { globals }) => (
    <ChatScreen globals={globals} state={awayQuestion(storyLocale(globals), awayUntilTomorrow)} />
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(canvas.getByRole('log')).toHaveTextContent(new RegExp(backTomorrow(storyLocale(globals))));
    await expect(canvas.getByRole('log')).toHaveTextContent(t('promise.here'));
    await expect(canvas.queryByRole('textbox', { name: t('email.label') })).toBeNull();
  },
};

/** The thank-you after a purchase, answered at night by a customer the site knows: a conversation that starts with it. */
export const ThankYouAnswered: Story = {
  render: (_args, { globals }) => (
    <ChatScreen globals={globals} state={thankYouConversation(storyLocale(globals))} />
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(canvas.getByRole('log')).toHaveTextContent(t('promise.hereAndEmail'));
    await expect(canvas.queryByRole('textbox', { name: t('email.label') })).toBeNull();
    await expect(canvas.getByText(t('conversation.reference', { reference: REFERENCE }))).toBeInTheDocument();
  },
};

let npsClient: FakeClient | undefined;

/** Three days after resolution: the NPS question as a 0–10 scale, answered with a comment. */
export const NpsQuestion: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={npsConversation(storyLocale(globals))}
      onClient={(client) => {
        npsClient = client;
      }}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(canvas.getByRole('group', { name: t('nps.label') })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('radio', { name: '9' }));
    await userEvent.type(
      canvas.getByRole('textbox', { name: new RegExp(t('nps.comment').replace('?', '')) }),
      'Ramah',
    );
    await userEvent.click(canvas.getByRole('button', { name: t('nps.submit') }));
    await waitFor(() =>
      expect(
        npsClient?.calls.filter((call) => call.method === 'sendPostback').map((call) => call.args[0]),
      ).toEqual(['nps:9']),
    );
  },
};

/** Every client the story made (a render may make another): the teaser is reported once across them. */
const teaserClients: FakeClient[] = [];

/** The recommendation after two looks at a product: a teaser with its card, price in the visitor's locale. */
export const RecommendationTeaser: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      open={false}
      state={clientState([], {
        campaign: {
          id: 'product-recommendation',
          source: 'backend',
          message: recommendationText(storyLocale(globals)),
          card: recommendationCard(),
        },
      })}
      onClient={(client) => {
        teaserClients.push(client);
      }}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    const teaser = await canvas.findByRole('region', { name: t('teaser.label', { name: 'Toko Sapa' }) });
    await expect(teaser).toHaveTextContent(storyLocale(globals) === 'id' ? /Rp\s85\.000/ : /IDR\s85,000/);
    await expect(canvas.getByRole('img', { name: 'Kopi Arabika Gayo, 250 g' })).toBeInTheDocument();
    // Reported from an effect, after the teaser is drawn.
    const seen = () =>
      teaserClients.flatMap((client) => client.calls.filter((call) => call.method === 'markCampaignSeen'));
    await waitFor(() => expect(seen().map((call) => call.args)).toEqual([['product-recommendation']]));
  },
};

/** A known customer on a site that wants a message left while away: only the message is asked. */
export const KnownCustomerLeavesAMessage: Story = {
  render: (_args, { globals }) => (
    <ChatScreen
      globals={globals}
      state={clientState([], {
        config: widgetConfig({ availability: awayUntilTomorrow, offline: 'form' }),
        visitor: {
          id: 'visitor-1',
          name: 'Budi Santoso',
          email: 'budi@example.com',
          attributes: {},
          verified: true,
        },
      })}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(await canvas.findByRole('button', { name: t('leave.submit') })).toBeInTheDocument();
    await expect(canvas.queryByRole('textbox', { name: t('form.email') })).toBeNull();
    await expect(canvas.queryByRole('textbox', { name: new RegExp(`^${t('form.name')}`) })).toBeNull();
  },
};

/** The conversation's reference, and WhatsApp opening with it in the visitor's language. */
export const ReferenceOnOtherChannels: Story = {
  render: (_args, { globals }) => (
    <ChatScreen globals={globals} state={thankYouConversation(storyLocale(globals))} />
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    const whatsapp = canvas.getByRole('link', { name: 'WhatsApp' });
    const text = new URL(whatsapp.getAttribute('href') ?? '').searchParams.get('text');
    await expect(text).toBe(t('channel.whatsappText', { reference: REFERENCE }));
  },
};
