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
const anonymous = { id: 'visitor-1', attributes: {}, verified: false };
const offline = widgetConfig({ availability: { online: false } });
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
    'no pre-chat questions for a visitor the site knows by name',
    clientState([], { config: widgetConfig({ prechat }), visitor: visitorProfile }),
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
    'no pre-chat questions for a visitor the site knows by phone',
    clientState([], {
      config: widgetConfig({ prechat }),
      visitor: { ...anonymous, phone: '+6281234567890' },
    }),
    idle,
    'chat',
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
