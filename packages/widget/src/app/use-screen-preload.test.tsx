import type { ClientState } from '@sapa/sdk';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clientState,
  conversation,
  conversationMessages,
  widgetConfig,
} from '../stories-support/fixtures.js';
import * as lazyScreens from './lazy-screens.js';
import type { ViewState } from './select-screen.js';
import { useScreenPreload } from './use-screen-preload.js';

function Probe({ state, view }: { state: ClientState; view: ViewState }) {
  useScreenPreload(state, view);
  return null;
}

const container = document.createElement('div');
const idle: ViewState = { listShown: false, prechatDone: false, leftMessage: 'idle' };

/** Which lazy screens `state` and `view` fetch ahead, by name, sorted. */
function preloaded(state: ClientState, view: ViewState = idle): string[] {
  const spies = Object.entries(lazyScreens).map(
    ([name, screen]) => [name, vi.spyOn(screen, 'preload').mockResolvedValue()] as const,
  );
  act(() => render(<Probe state={state} view={view} />, container));
  return spies
    .filter(([, spy]) => spy.mock.calls.length > 0)
    .map(([name]) => name)
    .sort();
}

describe('screens fetched ahead', () => {
  afterEach(() => {
    act(() => render(null, container));
    vi.restoreAllMocks();
  });

  it('fetches nothing for a conversation under way', () => {
    expect(preloaded(clientState(conversationMessages('en')))).toEqual([]);
  });

  it('fetches the pre-chat questions and, when nobody is online, the form that follows them', () => {
    const prechat = { enabled: true, fields: [{ name: 'email', type: 'email' as const, required: true }] };
    const anonymous = { id: 'visitor-1', attributes: {}, verified: false };
    const online = clientState([], { config: widgetConfig({ prechat }), visitor: anonymous });
    expect(preloaded(online)).toEqual(['PrechatForm']);
    vi.restoreAllMocks();
    const offline = widgetConfig({ prechat, availability: { online: false } });
    expect(preloaded({ ...online, config: offline })).toEqual(['LeaveMessageForm', 'PrechatForm']);
  });

  it('fetches the list once there is a second conversation, and the rating behind the list', () => {
    const state = clientState(conversationMessages('en'));
    const resolved = {
      ...state,
      conversations: [conversation({ status: 'resolved' }), conversation({ id: 'conversation-0' })],
    };
    expect(preloaded(resolved, { ...idle, listShown: true })).toEqual(['ConversationList', 'ResolvedState']);
  });
});
