import { waitFor, within } from '@testing-library/dom';
import { userEvent } from '@testing-library/user-event';
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/create-i18n.js';
import { createFakeClient, type FakeClient } from '../stories-support/fake-client.js';
import {
  bot,
  clientState,
  conversation,
  conversationMessages,
  message,
  numbered,
  widgetConfig,
} from '../stories-support/fixtures.js';
import { ChatApp } from './ChatApp.js';

// Customer care at every hour (issue 12), through the whole widget over a fake client.
const containers: HTMLElement[] = [];
afterEach(() => {
  for (const container of containers.splice(0)) {
    act(() => render(null, container));
    container.remove();
  }
});

function mount(client: FakeClient, { open = true, locale = 'en' as 'en' | 'id' } = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  const ui: ComponentChild = (
    <ChatApp
      client={client}
      i18n={createI18n({ locale })}
      {...(open ? { open: true } : {})}
      now={new Date('2026-03-01T17:40:00Z')}
    />
  );
  act(() => render(ui, container));
  return within(container);
}

/** Lets the on-demand chunks arrive and the fake client's promises settle. */
const settle = async () => {
  for (let round = 0; round < 10; round++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
};
const callsOf = (client: FakeClient, method: string) =>
  client.calls.filter((call) => call.method === method).map((call) => call.args);

const nightAway = {
  online: false,
  replyTime: 'day' as const,
  nextOpenAt: '2026-03-02T01:00:00Z',
  timezone: 'Asia/Jakarta',
};
const anonymous = { id: 'visitor-1', attributes: {}, verified: false };

describe('the chat while nobody is online', () => {
  it('lets a fresh visitor write, then promises when the team answers and asks for an email in the conversation', async () => {
    const client = createFakeClient(
      clientState([], {
        config: widgetConfig({ availability: { ...nightAway, emailReplies: true } }),
        visitor: anonymous,
      }),
    );
    const screen = mount(client);
    expect(screen.getByText("We're away. We'll be back today at 08:00 WIB")).toBeTruthy();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Message' }),
      'Pesanan saya belum sampai{Enter}',
    );
    await settle();
    const log = screen.getByRole('log');
    await waitFor(() =>
      expect(log.textContent).toContain(
        "We're back today at 08:00 WIB. We'll answer here, and by email if you leave it.",
      ),
    );
    await userEvent.type(await screen.findByRole('textbox', { name: 'Your email' }), 'sari@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Save email' }));
    expect(callsOf(client, 'updateVisitor')).toEqual([[{ email: 'sari@example.com', source: 'chat' }]]);
    expect((await screen.findByText("We'll email you at sari@example.com.")).getAttribute('role')).toBe(
      'status',
    );
    expect(log.textContent).toContain("We'll answer here and by email.");
  });

  it('never promises email when the backend does not send it, nor asks for an address', async () => {
    const client = createFakeClient(clientState([], { config: widgetConfig({ availability: nightAway }) }));
    const screen = mount(client, { locale: 'id' });
    await userEvent.type(screen.getByRole('textbox', { name: 'Pesan' }), 'Halo{Enter}');
    await settle();
    await waitFor(() =>
      expect(screen.getByRole('log').textContent).toContain(
        'Tim kami kembali hari ini pukul 08.00 WIB. Kami akan membalas di sini.',
      ),
    );
    expect(screen.queryByRole('textbox', { name: 'Email Kakak' })).toBeNull();
  });

  it('does not ask a visitor with an email for it again', async () => {
    const client = createFakeClient(
      clientState([], {
        config: widgetConfig({ availability: { ...nightAway, emailReplies: true } }),
        visitor: { ...anonymous, email: 'sari@example.com' },
      }),
    );
    const screen = mount(client);
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'Halo{Enter}');
    await settle();
    await waitFor(() =>
      expect(screen.getByRole('log').textContent).toContain("We'll answer here and by email."),
    );
    expect(screen.queryByRole('textbox', { name: 'Your email' })).toBeNull();
  });
});

describe('known customers', () => {
  it('asks only what the site lacks before the chat: never the name and email it has', async () => {
    const prechat = {
      enabled: true,
      fields: [
        { name: 'name', type: 'text' as const, required: true },
        { name: 'email', type: 'email' as const, required: true },
        { name: 'phone', type: 'tel' as const, required: true },
      ],
    };
    const client = createFakeClient(
      clientState([], {
        config: widgetConfig({ prechat }),
        visitor: { ...anonymous, name: 'Budi Santoso', email: 'budi@example.com' },
      }),
    );
    const screen = mount(client);
    await settle();
    expect(screen.queryByRole('textbox', { name: 'Name' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Email' })).toBeNull();
    await userEvent.type(screen.getByRole('textbox', { name: 'Phone number' }), '+6281234567890');
    await userEvent.click(screen.getByRole('button', { name: 'Start chat' }));
    expect(callsOf(client, 'updateVisitor')).toEqual([
      [{ phone: '+6281234567890', attributes: {}, source: 'form' }],
    ]);
  });
});

describe('proactive messages', () => {
  it('tells the backend a teaser was seen, once per campaign, and shows its card', async () => {
    const client = createFakeClient(
      clientState([], {
        campaign: {
          id: 'product-recommendation',
          source: 'backend',
          message: 'Hi, Kopi Arabika Gayo seems to have caught your eye.',
          card: { title: 'Kopi Arabika Gayo, 250 g', price: { amount: 85_000, currency: 'IDR' } },
        },
      }),
    );
    const screen = mount(client, { open: false, locale: 'id' });
    await settle();
    const teaser = screen.getByRole('region', { name: 'Pesan dari Toko Sapa' });
    expect(teaser.textContent).toMatch(/Rp\s85\.000/);
    expect(callsOf(client, 'markCampaignSeen')).toEqual([['product-recommendation']]);
    act(() => client.setState({ unreadCount: 1 }));
    await settle();
    expect(callsOf(client, 'markCampaignSeen')).toHaveLength(1);
  });

  it('answering a teaser on a site that wants a form at night opens the conversation, not the form', async () => {
    const client = createFakeClient(
      clientState([], {
        config: widgetConfig({ availability: nightAway, offline: 'form' }),
        campaign: { id: 'purchase-thank-you', source: 'backend', message: 'Terima kasih, Budi!' },
      }),
    );
    const screen = mount(client, { open: false, locale: 'id' });
    await settle();
    await userEvent.click(screen.getByRole('button', { name: 'Balas' }));
    await settle();
    expect(callsOf(client, 'startConversation')).toEqual([[{ campaignId: 'purchase-thank-you' }]]);
    expect(screen.queryByRole('button', { name: 'Kirim pesan' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Pesan' })).toBeTruthy();
  });
});

describe('feedback and other channels', () => {
  it('draws an NPS question as a 0–10 scale and answers with its postback, in a resolved conversation', async () => {
    const replies = Array.from({ length: 11 }, (_, score) => ({
      type: 'reply' as const,
      label: String(score),
      payload: `nps:${score}`,
    }));
    const messages = numbered([
      ...conversationMessages('en'),
      message(bot, 'How likely are you to recommend us?', 1, { actions: replies, survey: { type: 'nps' } }),
    ]);
    const state = clientState(messages);
    const client = createFakeClient({
      ...state,
      conversations: [conversation({ status: 'resolved', rating: { score: 5 } })],
    });
    const screen = mount(client);
    await settle();
    await userEvent.click(await screen.findByRole('radio', { name: '10, very likely' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send answer' }));
    await settle();
    expect(callsOf(client, 'sendPostback')).toEqual([['nps:10', '10', { conversationId: 'conversation-1' }]]);
  });

  it('shows the conversation’s reference, and the WhatsApp link carries it', async () => {
    const state = clientState(conversationMessages('id'));
    const client = createFakeClient({ ...state, conversations: [conversation({ reference: 'SP-7KQ2' })] });
    const screen = mount(client, { locale: 'id' });
    expect(await screen.findByText('Nomor referensi obrolan: SP-7KQ2')).toBeTruthy();
    const whatsapp = screen.getByRole('link', { name: 'WhatsApp' });
    expect(new URL(whatsapp.getAttribute('href') ?? '').searchParams.get('text')).toBe(
      'Halo, saya lanjut dari chat di situs. Ref SP-7KQ2',
    );
  });
});
