import type { ClientState } from '@sapa/sdk';
import { describe, expect, it } from 'vitest';
import {
  clientState,
  conversation,
  conversationMessages,
  visitorProfile,
  widgetConfig,
} from '../stories-support/fixtures.js';
import { type Screen, selectScreen, type ViewState } from './select-screen.js';

const history = conversationMessages('en');
const idle: ViewState = { listShown: false, prechatDone: false, leftMessage: 'idle' };
const failedStart = { code: 'network_error', message: 'The chat server did not answer POST /sessions.' };
const prechat = { enabled: true, fields: [{ name: 'email', type: 'email' as const, required: true }] };
const askName = { enabled: true, fields: [{ name: 'name', type: 'text' as const, required: true }] };
const nameAndOptionalPhone = {
  enabled: true,
  fields: [
    { name: 'name', type: 'text' as const, required: true },
    { name: 'phone', type: 'tel' as const, required: false },
  ],
};
const askOrder = { enabled: true, fields: [{ name: 'orderNumber', type: 'text' as const, required: true }] };
const anonymous = { id: 'visitor-1', attributes: {}, verified: false };
/** Nobody online, on a site that chats at any hour (`offline` absent means `chat`). */
const away = widgetConfig({ availability: { online: false } });
/** Nobody online, on a site that wants a message left instead (`offline: 'form'`). */
const offline = widgetConfig({ availability: { online: false }, offline: 'form' });
/** Two conversations, the active one with history: the list has something to show. */
const twoConversations = (state: ClientState): ClientState => ({
  ...state,
  conversations: [...state.conversations, conversation({ id: 'conversation-0', status: 'resolved' })],
});

// Each row: what the visitor has and did, and the screen that shows. Rows are in the order selectScreen
// checks its rules, so each rule has a row where it holds and one where the next rule takes over.
const rows: [description: string, state: ClientState, view: ViewState, screen: Screen][] = [
  ['a conversation, configured', clientState(history), idle, 'chat'],
  ['a first visit, configured', clientState([]), idle, 'chat'],
  [
    'a first start still on its way (no config, no error)',
    clientState([], { config: undefined, connection: 'connecting' }),
    idle,
    'chat',
  ],
  [
    'a first start that failed with nothing stored',
    clientState([], { config: undefined, lastError: failedStart }),
    idle,
    'error',
  ],
  [
    'a failed start with stored history shows the history',
    clientState(history, { config: undefined, lastError: failedStart }),
    idle,
    'chat',
  ],
  [
    'an error after the config arrived is not a failed start',
    clientState([], { lastError: failedStart }),
    idle,
    'chat',
  ],
  [
    'the error wins over the list',
    twoConversations(clientState([], { config: undefined, lastError: failedStart })),
    { ...idle, listShown: true },
    'error',
  ],
  ['the list, asked for', twoConversations(clientState(history)), { ...idle, listShown: true }, 'list'],
  ['the list, asked for with no conversation to list', clientState([]), { ...idle, listShown: true }, 'chat'],
  [
    'the list wins over the pre-chat questions',
    twoConversations(clientState([], { config: widgetConfig({ prechat }), visitor: anonymous })),
    { ...idle, listShown: true },
    'list',
  ],
  [
    'pre-chat questions for an anonymous first visit',
    clientState([], { config: widgetConfig({ prechat }), visitor: anonymous }),
    idle,
    'prechat',
  ],
  [
    'pre-chat questions for a first visit before the session says who it is',
    clientState([], { config: widgetConfig({ prechat }), visitor: undefined }),
    idle,
    'prechat',
  ],
  [
    'no pre-chat questions once answered',
    clientState([], { config: widgetConfig({ prechat }), visitor: anonymous }),
    { ...idle, prechatDone: true },
    'chat',
  ],
  [
    'a visitor the site knows by name is still asked for the email it requires',
    clientState([], { config: widgetConfig({ prechat }), visitor: visitorProfile }),
    idle,
    'prechat',
  ],
  [
    'no pre-chat questions for a visitor the site knows by name when it asks only the name',
    clientState([], { config: widgetConfig({ prechat: askName }), visitor: visitorProfile }),
    idle,
    'chat',
  ],
  [
    'no pre-chat questions for a known customer when all that is left is optional',
    clientState([], { config: widgetConfig({ prechat: nameAndOptionalPhone }), visitor: visitorProfile }),
    idle,
    'chat',
  ],
  [
    'optional pre-chat questions for a visitor the site does not know',
    clientState([], { config: widgetConfig({ prechat: nameAndOptionalPhone }), visitor: anonymous }),
    idle,
    'prechat',
  ],
  [
    'no pre-chat question the visitor answered before as an attribute',
    clientState([], {
      config: widgetConfig({ prechat: askOrder }),
      visitor: { ...anonymous, attributes: { orderNumber: 'INV-20261118-0042' } },
    }),
    idle,
    'chat',
  ],
  [
    'no pre-chat questions for a visitor the site knows by email',
    clientState([], {
      config: widgetConfig({ prechat }),
      visitor: { ...anonymous, email: 'sari@example.com' },
    }),
    idle,
    'chat',
  ],
  [
    'a visitor the site knows by phone is still asked for the email it requires',
    clientState([], {
      config: widgetConfig({ prechat }),
      visitor: { ...anonymous, phone: '+6281234567890' },
    }),
    idle,
    'prechat',
  ],
  [
    'no pre-chat questions in a conversation under way',
    clientState(history, { config: widgetConfig({ prechat }), visitor: anonymous }),
    idle,
    'chat',
  ],
  ['no pre-chat questions when the site asks none', clientState([], { visitor: anonymous }), idle, 'chat'],
  [
    'the pre-chat questions win over leaving a message',
    clientState([], { config: { ...offline, prechat }, visitor: anonymous }),
    idle,
    'prechat',
  ],
  [
    'leave a message: a first visit while nobody is online',
    clientState([], { config: offline }),
    idle,
    'leave-message',
  ],
  [
    'leave a message: answered the pre-chat questions while nobody is online',
    clientState([], { config: { ...offline, prechat }, visitor: anonymous }),
    { ...idle, prechatDone: true },
    'leave-message',
  ],
  [
    'a conversation under way while nobody is online',
    clientState(history, { config: offline }),
    idle,
    'chat',
  ],
  [
    'the chat while nobody is online: a first visit on a site that chats at any hour',
    clientState([], { config: away }),
    idle,
    'chat',
  ],
  [
    'the chat while nobody is online: a site that says offline "chat"',
    clientState([], { config: { ...away, offline: 'chat' } }),
    idle,
    'chat',
  ],
  [
    'the chat while nobody is online: an offline mode this widget does not know',
    clientState([], { config: { ...away, offline: 'ticket' as 'chat' } }),
    idle,
    'chat',
  ],
  [
    'no form while someone is online, on a site that wants one otherwise',
    clientState([], { config: { ...offline, availability: { online: true } } }),
    idle,
    'chat',
  ],
  [
    'no form for a visitor who has conversations and starts a new one',
    { ...clientState(history, { config: offline }), activeConversationId: null },
    idle,
    'chat',
  ],
  [
    'a proactive message answered while nobody is online opens as a conversation, on a form site too',
    clientState([], { config: offline }),
    { ...idle, campaignAnswered: true },
    'chat',
  ],
  [
    'no pre-chat questions while the page is telling who the visitor is (identify on its way)',
    clientState([], { config: widgetConfig({ prechat }), visitor: anonymous }),
    { ...idle, profilePending: true },
    'chat',
  ],
  [
    'no leave-a-message form while the page is telling who the visitor is',
    clientState([], { config: offline }),
    { ...idle, profilePending: true },
    'chat',
  ],
  [
    'a proactive message answered opens as a conversation before any pre-chat question',
    clientState([], { config: widgetConfig({ prechat }), visitor: anonymous }),
    { ...idle, campaignAnswered: true },
    'chat',
  ],
  [
    'leave a message: the message is on its way, though someone came online',
    clientState([], { config: widgetConfig() }),
    { ...idle, leftMessage: 'sending' },
    'leave-message',
  ],
  [
    'leave a message: sent, and it is now in a conversation',
    clientState(history),
    { ...idle, leftMessage: 'sent' },
    'leave-message',
  ],
  [
    'a message left without a config has no form to show it in',
    clientState([], { config: undefined }),
    { ...idle, leftMessage: 'sending' },
    'chat',
  ],
  [
    'a resolved conversation asks for a rating',
    {
      ...clientState(history),
      conversations: [conversation({ status: 'resolved' })],
    },
    idle,
    'resolved',
  ],
  [
    'a resolved conversation without a config still asks for a rating',
    {
      ...clientState(history, { config: undefined }),
      conversations: [conversation({ status: 'resolved' })],
    },
    idle,
    'resolved',
  ],
  ['another conversation resolved is not this one', twoConversations(clientState(history)), idle, 'chat'],
];

describe('selectScreen', () => {
  it.each(rows)('%s', (_description, state, view, screen) => {
    expect(selectScreen(state, view)).toBe(screen);
  });
});
