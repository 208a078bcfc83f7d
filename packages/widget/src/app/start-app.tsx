/**
 * The lazy chunk's entry: the chat app the shell starts when it is needed. Importing it does nothing;
 * {@link startApp} creates the SDK client, renders {@link ChatApp} into the shadow root and returns the
 * handle the shell drives with commands.
 */
import type { IdentifyRequest, Locale, VisitorUpdate } from '@sapa/protocol';
import { createClient } from '@sapa/sdk';
import { render } from 'preact';
import { adoptStyles } from '../adopt-styles.js';
import { createI18n } from '../i18n/create-i18n.js';
import { resolveLocale } from '../resolve-locale.js';
import { openFlag, resumeFlag, writeFlag } from '../shell-storage.js';
import { widgetStylesheet } from '../styles/widget-stylesheet.js';
import type { AppContext, AppHandle } from './app-context.js';
import { ChatApp } from './ChatApp.js';

// Commands from the page are fire-and-forget; a failure is reported once, never thrown into the page.
const report = (command: string) => (error: unknown) => console.error(`Sapa('${command}') failed.`, error);

/** Starts the chat app in the shell's shadow root. */
export function startApp({ root, options, locale, nonce, open: openAtStart, emit }: AppContext): AppHandle {
  const client = createClient({ apiUrl: options.apiUrl, siteKey: options.siteKey, locale });
  const i18n = createI18n({ locale, strings: options.strings ?? {} });
  adoptStyles(root, widgetStylesheet(), nonce);
  const container = document.createElement('div');
  root.append(container);
  let open = false;

  const draw = () =>
    render(
      <ChatApp
        client={client}
        i18n={i18n}
        options={{ ...(options.theme ? { theme: options.theme } : {}), sound: options.sound === true }}
        open={open}
        onOpenChange={setOpen}
      />,
      container,
    );

  function setOpen(next: boolean) {
    if (next === open) return;
    open = next;
    writeFlag('sessionStorage', openFlag(options.siteKey), open);
    draw();
    emit(open ? 'open' : 'close', undefined);
  }

  // Drawn open at once when the visitor clicked: one render, before any storage or network work (the
  // ChatApp subscribes in an effect, after it).
  if (openAtStart) {
    open = true;
    writeFlag('sessionStorage', openFlag(options.siteKey), true);
  }
  draw();
  if (openAtStart) emit('open', undefined);

  // Subscribing starts the client (storage, then network): only after the first render. A visitor with a
  // conversation gets the app at once on the next page (their replies show as unread).
  let resumable = false;
  const unsubscribe = client.subscribe(() => {
    const has = client.getSnapshot().conversations.length > 0;
    if (has === resumable) return;
    resumable = has;
    writeFlag('localStorage', resumeFlag(options.siteKey), has);
  });
  const offMessage = client.on('message', (message) => emit('message', message));
  const offUnread = client.on('unread', (count) => emit('unread', count));
  // Commands that talk to the backend wait for the session (a call before it would be refused). Profile
  // and event commands also run one after another, in the page's order: `identify` rotates the session
  // token, and a `track` racing it would be sent with the old one.
  const connected = client.connect();
  connected.then(() => emit('ready', undefined), report('init'));
  let inOrder: Promise<unknown> = connected;
  const whenConnected = (command: string, call: () => Promise<unknown>) => {
    inOrder = inOrder.then(call).catch(report(command));
  };

  const commands: Record<string, (...args: never[]) => void> = {
    open: () => setOpen(true),
    close: () => setOpen(false),
    toggle: () => setOpen(!open),
    identify: (identity: IdentifyRequest) => whenConnected('identify', () => client.identify(identity)),
    update: (update: VisitorUpdate) => whenConnected('update', () => client.updateVisitor(update)),
    track: (name: string, properties?: Record<string, unknown>) =>
      whenConnected('track', () => client.track(name, properties)),
    // Not in the ordered chain: a send waits for its acknowledgement, which may take until the visitor is back online.
    send: (text: string) => void connected.then(() => client.sendText(text)).catch(report('send')),
    setLocale: (tag: string) => {
      const next: Locale = resolveLocale(tag);
      void i18n.changeLanguage(next);
      client.setLocale(next);
    },
    reset: () => {
      resumable = false;
      writeFlag('localStorage', resumeFlag(options.siteKey), false);
      setOpen(false);
      void client
        .reset()
        .then(() => client.connect())
        .catch(report('reset'));
    },
  };

  return {
    run(command, args) {
      commands[command]?.(...(args as never[]));
    },
    destroy() {
      unsubscribe();
      offMessage();
      offUnread();
      client.disconnect();
      render(null, container);
      container.remove();
    },
  };
}
