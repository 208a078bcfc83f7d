import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/create-i18n.js';
import { createFakeClient } from '../stories-support/fake-client.js';
import { clientState, conversationMessages, widgetConfig } from '../stories-support/fixtures.js';
import { ChatApp } from './ChatApp.js';

const containers: HTMLElement[] = [];
afterEach(() => {
  for (const container of containers.splice(0)) {
    act(() => render(null, container));
    container.remove();
  }
});

function mount(ui: ComponentChild) {
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  act(() => render(ui, container));
  return container;
}

const composerOf = (container: HTMLElement) =>
  container.querySelector<HTMLTextAreaElement>('textarea[aria-label="Message"]');

describe('ChatApp before the configuration arrives', () => {
  it('opens with the composer focused in the render that shows it (no wait for the network)', () => {
    // A first start: storage opened, the session and config requests still on their way.
    const client = createFakeClient(clientState([], { config: undefined, connection: 'connecting' }));
    const container = mount(<ChatApp client={client} i18n={createI18n({ locale: 'en' })} open />);
    const composer = composerOf(container);
    expect(composer).not.toBeNull();
    expect(document.activeElement).toBe(composer);
  });

  it('shows stored history before the network answers', () => {
    const messages = conversationMessages('en');
    const client = createFakeClient(clientState(messages, { config: undefined, connection: 'connecting' }));
    const container = mount(<ChatApp client={client} i18n={createI18n({ locale: 'en' })} open />);
    const log = container.querySelector('[role="log"]');
    expect(log?.textContent).toContain(messages.at(-1)?.text ?? '');
    expect(composerOf(container)).not.toBeNull();
  });

  it('keeps the composer when the configuration arrives', () => {
    const client = createFakeClient(clientState([], { config: undefined, connection: 'connecting' }));
    const container = mount(<ChatApp client={client} i18n={createI18n({ locale: 'en' })} open />);
    const composer = composerOf(container);
    act(() => client.setState({ config: widgetConfig(), connection: 'open' }));
    expect(composerOf(container)).toBe(composer);
    expect(document.activeElement).toBe(composer);
  });

  it('shows the error only when a first start failed with nothing stored', () => {
    const client = createFakeClient(
      clientState([], {
        config: undefined,
        connection: 'offline',
        lastError: { code: 'network_error', message: 'The chat server did not answer POST /sessions.' },
      }),
    );
    const container = mount(<ChatApp client={client} i18n={createI18n({ locale: 'id' })} open />);
    expect(composerOf(container)).toBeNull();
    // What to do, in the visitor's language: the SDK's message (a request and a path) is for developers.
    expect(container.textContent).toContain('Periksa koneksi internet Anda, kami akan terus mencoba.');
    expect(container.textContent).not.toContain('POST /sessions');
  });

  it('says the chat is unavailable when the backend refused the start', () => {
    const client = createFakeClient(
      clientState([], {
        config: undefined,
        lastError: { code: 'site_not_found', message: 'Unknown site key.' },
      }),
    );
    const container = mount(<ChatApp client={client} i18n={createI18n({ locale: 'en' })} open />);
    expect(container.textContent).toContain('The chat is not available right now.');
    expect(container.textContent).not.toContain('Unknown site key.');
  });

  it('moves a started message and the focus into the leave-a-message form when nobody turns out to be online', async () => {
    const client = createFakeClient(clientState([], { config: undefined, connection: 'connecting' }));
    const container = mount(<ChatApp client={client} i18n={createI18n({ locale: 'en' })} open />);
    const composer = composerOf(container);
    if (!composer) throw new Error('no composer');
    act(() => {
      composer.value = 'Halo, saya mau retur sepatu.';
      composer.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const offline = widgetConfig();
    act(() =>
      client.setState({
        config: { ...offline, availability: { ...offline.availability, online: false } },
        connection: 'open',
      }),
    );
    // The form is a chunk of its own: wait for it.
    let message: HTMLTextAreaElement | null = null;
    for (let attempt = 0; attempt < 50 && !message; attempt++) {
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
      message = container.querySelector<HTMLTextAreaElement>('form textarea');
    }
    expect(message?.value).toBe('Halo, saya mau retur sepatu.');
    expect(document.activeElement).toBe(container.querySelector('form input'));
  });
});

// The chime's rules (closed panel or hidden page, off by default) are tested with useChime, in use-chime.test.tsx.

describe('ChatApp files', () => {
  it('says which file was refused and why, in the visitor language, until the next send', async () => {
    const client = createFakeClient(clientState(conversationMessages('id')));
    client.sendFile = () =>
      Promise.reject(Object.assign(new Error('too large'), { code: 'payload_too_large', limit: 10_000_000 }));
    const container = mount(<ChatApp client={client} i18n={createI18n({ locale: 'id' })} open />);
    const attach = container.querySelector<HTMLInputElement>('input[type="file"]');
    if (!attach) throw new Error('no file input');
    const video = new File(['x'], 'video-unboxing.mp4', { type: 'video/mp4' });
    await act(async () => {
      Object.defineProperty(attach, 'files', { value: [video], configurable: true });
      attach.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(
      '“video-unboxing.mp4” terlalu besar untuk dikirim. Ukuran berkas maksimal 10 MB.',
    );
    const composer = container.querySelector<HTMLTextAreaElement>('textarea[aria-label="Pesan"]');
    if (!composer) throw new Error('no composer');
    await act(async () => {
      composer.value = 'Saya kirim tautannya saja.';
      composer.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(client.calls.some((call) => call.method === 'sendText')).toBe(true);
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});
