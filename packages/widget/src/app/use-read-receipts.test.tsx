import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeClient, type FakeClient } from '../stories-support/fake-client.js';
import { CONVERSATION_ID, clientState, conversationMessages } from '../stories-support/fixtures.js';
import { useClientState } from './use-client-state.js';
import { useReadReceipts } from './use-read-receipts.js';

// happy-dom's document is always visible: the tests switch `document.hidden` the way a tab switch does.
let hidden = false;
const setHidden = (value: boolean) =>
  act(() => {
    hidden = value;
    document.dispatchEvent(new Event('visibilitychange'));
  });

function Probe({ client, showing }: { client: FakeClient; showing: boolean }) {
  useReadReceipts(client, useClientState(client), showing);
  return null;
}

const container = document.createElement('div');
const draw = (client: FakeClient, showing: boolean) =>
  act(() => render(<Probe client={client} showing={showing} />, container));
const receipts = (client: FakeClient) =>
  client.calls.filter((call) => call.method === 'markRead').map((call) => call.args[0]);
/** A conversation with two replies the visitor has not read. */
const unread = () => createFakeClient(clientState(conversationMessages('en'), { unreadCount: 2 }));

describe('read receipts', () => {
  beforeEach(() => {
    hidden = false;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  });
  afterEach(() => {
    act(() => render(null, container));
    Reflect.deleteProperty(document, 'hidden');
  });

  it('marks the conversation read while the panel shows it on a visible page', () => {
    const client = unread();
    draw(client, true);
    expect(receipts(client)).toEqual([CONVERSATION_ID]);
  });

  it('sends nothing while the panel is closed (or shows the list), and marks read when it opens', () => {
    const client = unread();
    draw(client, false);
    expect(receipts(client)).toEqual([]);
    draw(client, true);
    expect(receipts(client)).toEqual([CONVERSATION_ID]);
  });

  it('sends nothing while the page is hidden, and marks read when the visitor comes back', () => {
    const client = unread();
    setHidden(true);
    draw(client, true);
    expect(receipts(client)).toEqual([]);
    setHidden(false);
    expect(receipts(client)).toEqual([CONVERSATION_ID]);
  });

  it('marks a reply read as it arrives while the visitor looks, and sends nothing with nothing unread', () => {
    const client = createFakeClient(clientState(conversationMessages('en')));
    draw(client, true);
    expect(receipts(client)).toEqual([]);
    act(() => client.setState({ unreadCount: 1 }));
    expect(receipts(client)).toEqual([CONVERSATION_ID]);
  });

  it('sends nothing without an active conversation', () => {
    const client = createFakeClient(clientState([], { unreadCount: 1 }));
    draw(client, true);
    expect(receipts(client)).toEqual([]);
  });
});
