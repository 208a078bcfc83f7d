import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeClient, type FakeClient } from '../stories-support/fake-client.js';
import { clientState, conversationMessages } from '../stories-support/fixtures.js';
import { useChime } from './use-chime.js';

/** Records the chimes: the test environment has no Web Audio. */
function recordChimes() {
  const started: number[] = [];
  const node = () => ({
    connect() {},
    gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} },
    frequency: { value: 0 },
    start(at: number) {
      started.push(at);
    },
    stop() {},
  });
  class RecordingAudioContext {
    currentTime = 0;
    destination = {};
    createGain = node;
    createOscillator = node;
    close = async () => {};
  }
  vi.stubGlobal('AudioContext', RecordingAudioContext);
  return started;
}

function Probe({ client, enabled, open }: { client: FakeClient; enabled: boolean; open: boolean }) {
  useChime(client, enabled, open);
  return null;
}

const container = document.createElement('div');
const draw = (client: FakeClient, enabled: boolean, open = false) =>
  act(() => render(<Probe client={client} enabled={enabled} open={open} />, container));

const arrive = async (client: FakeClient) => {
  const [message] = conversationMessages('en');
  if (!message) throw new Error('no fixture message');
  act(() => client.emit('message', message));
  // The chime's code is a chunk of its own.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
};

describe('chime', () => {
  afterEach(() => {
    act(() => render(null, container));
    vi.unstubAllGlobals();
  });

  it('chimes for a message that arrives while the panel is closed, when the site turns sound on', async () => {
    const started = recordChimes();
    const client = createFakeClient(clientState(conversationMessages('en')));
    draw(client, true);
    await arrive(client);
    // The chime's code is a chunk of its own: it may take longer than the first wait on a busy machine.
    await vi.waitFor(() => expect(started.length).toBe(2));
  });

  it('stays silent by default', async () => {
    const started = recordChimes();
    const client = createFakeClient(clientState(conversationMessages('en')));
    draw(client, false);
    await arrive(client);
    expect(started).toEqual([]);
  });

  it('stays silent while the visitor has the panel open on a visible page', async () => {
    const started = recordChimes();
    const client = createFakeClient(clientState(conversationMessages('en')));
    draw(client, true, true);
    await arrive(client);
    // Loaded, then closed: the next message chimes, so the silence above was not a chunk still on its way.
    draw(client, true, false);
    await arrive(client);
    await vi.waitFor(() => expect(started.length).toBe(2));
  });
});
