import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/create-i18n.js';
import { createFakeClient, type FakeClient, type FakeClientOptions } from '../stories-support/fake-client.js';
import { CONVERSATION_ID, clientState, conversationMessages } from '../stories-support/fixtures.js';
import { type ChatActions, type ChatView, useChatActions } from './use-chat-actions.js';
import { useClientState } from './use-client-state.js';

const i18n = createI18n({ locale: 'en' });
const container = document.createElement('div');
let latest: [ChatView, ChatActions] | undefined;
const opened: boolean[] = [];

function Probe({ client }: { client: FakeClient }) {
  latest = useChatActions(client, useClientState(client), i18n, (open) => opened.push(open));
  return null;
}

function setUp(state = clientState(conversationMessages('en')), options: FakeClientOptions = {}) {
  const client = createFakeClient(state, options);
  act(() => render(<Probe client={client} />, container));
  const current = () => {
    if (!latest) throw new Error('the hook did not render');
    return latest;
  };
  return { client, view: () => current()[0], actions: () => current()[1] };
}
const callsOf = (client: FakeClient, method: string) =>
  client.calls.filter((call) => call.method === method).map((call) => call.args);
const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('the visitor actions', () => {
  afterEach(() => {
    act(() => render(null, container));
    latest = undefined;
    opened.length = 0;
  });

  it('sends text into the active conversation', () => {
    const { client, actions } = setUp();
    act(() => actions().send('Apakah bisa COD?'));
    expect(callsOf(client, 'sendText')).toEqual([['Apakah bisa COD?', { conversationId: CONVERSATION_ID }]]);
  });

  it('puts the pre-chat answers into the profile, the rest into attributes', () => {
    const { client, view, actions } = setUp(clientState([]));
    act(() => actions().submitPrechat({ name: 'Sari', email: '', phone: '0812', order: 'INV-7' }));
    expect(view().prechatDone).toBe(true);
    expect(callsOf(client, 'updateVisitor')).toEqual([
      [{ name: 'Sari', phone: '0812', attributes: { order: 'INV-7' } }],
    ]);
  });

  it('says a left message is on its way, then sent', async () => {
    const { client, view, actions } = setUp(clientState([]));
    act(() => actions().leaveMessage({ name: 'Sari', email: 'sari@example.com', message: 'Retur sepatu' }));
    expect(view().leftMessage).toBe('sending');
    await flush();
    expect(view().leftMessage).toBe('sent');
    expect(callsOf(client, 'sendText')).toEqual([['Retur sepatu', undefined]]);
  });

  it('gives the form back when a left message could not be sent', async () => {
    const { view, actions } = setUp(clientState([]), { sends: 'fail' });
    act(() => actions().leaveMessage({ name: 'Sari', email: 'sari@example.com', message: 'Retur sepatu' }));
    await flush();
    expect(view().leftMessage).toBe('idle');
  });

  it('cancels an upload through the SDK, by the pending message it belongs to', () => {
    const { client, actions } = setUp();
    act(() => actions().sendFiles([new File(['a'], 'nota.pdf'), new File(['b'], 'nota.pdf')]));
    act(() => actions().cancelUpload('client-2'));
    expect(callsOf(client, 'sendFile')).toHaveLength(2);
    expect(callsOf(client, 'cancelUpload')).toEqual([['client-2']]);
  });

  it('answers a campaign: opens the panel, starts its conversation and sends the chosen reply there', async () => {
    const { client, actions } = setUp(clientState([]));
    act(() => actions().answerCampaign('campaign-restock', { type: 'reply', label: 'Ya', payload: 'save' }));
    await flush();
    expect(opened).toEqual([true]);
    expect(callsOf(client, 'startConversation')).toEqual([[{ campaignId: 'campaign-restock' }]]);
    const [[started]] = callsOf(client, 'selectConversation') as [[string]];
    expect(callsOf(client, 'sendPostback')).toEqual([['save', 'Ya', { conversationId: started }]]);
  });

  it('rates the active conversation and says so while the rating is on its way', async () => {
    const { client, view, actions } = setUp();
    act(() => actions().rate(5, 'Cepat sekali'));
    expect(view().ratingSubmitting).toBe(true);
    await flush();
    expect(view().ratingSubmitting).toBe(false);
    expect(callsOf(client, 'rate')).toEqual([[CONVERSATION_ID, 5, 'Cepat sekali']]);
  });

  it('goes to the list and back into a conversation', () => {
    const { client, view, actions } = setUp();
    act(() => actions().showList());
    expect(view().listShown).toBe(true);
    act(() => actions().selectConversation('conversation-0'));
    expect(view().listShown).toBe(false);
    expect(callsOf(client, 'selectConversation')).toEqual([['conversation-0']]);
  });
});
