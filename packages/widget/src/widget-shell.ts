import { forgetStoredVisitor } from '@sapa/sdk';
import { adoptStyles } from './adopt-styles.js';
import type { AppHandle, StartApp } from './app/app-context.js';
import { drawLauncherPlaceholder, LAUNCHER_LABELS } from './launcher-placeholder.js';
import type { WidgetEventMap, WidgetEventName, WidgetOptions } from './options.js';
import { resolveLocale } from './resolve-locale.js';
import { openFlag, readFlag, resumeFlag, writeFlag } from './shell-storage.js';
import { shellStyles } from './shell-styles.js';

/** How the shell gets the chat app: a dynamic import of the lazy chunk. */
export type LoadApp = () => Promise<{ startApp: StartApp }>;

/** Set-up of {@link createShell}. */
export interface ShellSetup {
  loadApp: LoadApp;
  /** Nonce for the `<style>` fallback (the loader passes its own script tag's nonce). */
  nonce?: string;
  /** Where the host element goes; default `document.body`. */
  target?: Element;
  /** Options `init` starts from (the loader's `data-*` attributes); `init`'s own options win. */
  defaults?: Partial<WidgetOptions>;
}

/** The untyped command entry point; `Sapa` is its typed face. */
export type RunCommand = (command: unknown, ...args: unknown[]) => void;

type Listener = (payload: unknown) => void;

const EVENTS: readonly WidgetEventName[] = ['ready', 'open', 'close', 'message', 'unread'];
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const noArguments = (args: unknown[]) => args.length === 0;

/** Argument checks per command; a command missing here is unknown. */
const CHECKS: Record<string, (args: unknown[]) => boolean> = {
  init: ([options]) => isObject(options) && isText(options.apiUrl) && isText(options.siteKey),
  identify: ([identity]) => isObject(identity) && isText(identity.userId),
  update: ([update]) => isObject(update),
  track: ([name, properties]) => isText(name) && (properties === undefined || isObject(properties)),
  send: ([text]) => isText(text),
  setLocale: ([locale]) => isText(locale),
  on: ([event, handler]) => EVENTS.includes(event as WidgetEventName) && typeof handler === 'function',
};
for (const command of ['open', 'close', 'toggle', 'show', 'hide', 'reset', 'shutdown'])
  CHECKS[command] = noArguments;

/**
 * The widget shell shared by the `sapa.js` loader and `mount()`: checks commands, owns the host element
 * and its shadow root, draws the launcher, and starts the chat app only when it is needed (the visitor
 * interacts, a command needs the backend, or a returning visitor has a conversation). Until then it makes
 * no API call. Commands that need the app are queued and replayed once it runs.
 */
export function createShell({ loadApp, nonce, target, defaults }: ShellSetup): RunCommand {
  let listeners: Record<string, Listener[]> = {};
  let waitingForInit: unknown[][] = [];
  let waitingForApp: unknown[][] = [];
  let options: WidgetOptions | undefined;
  let host: HTMLElement | undefined;
  let root: ShadowRoot | undefined;
  let launcher: HTMLButtonElement | undefined;
  let app: AppHandle | undefined;
  let appModule: ReturnType<LoadApp> | undefined;
  let starting = false;
  let openAtStart = false;
  let locale: 'en' | 'id' = 'en';

  const emit = <E extends WidgetEventName>(event: E, payload: WidgetEventMap[E]) => {
    for (const listener of listeners[event] ?? []) {
      try {
        listener(payload);
      } catch (error) {
        // A listener belongs to the host page: its failure is reported, never passed into the widget.
        console.error(error);
      }
    }
  };

  const fetchApp = () => {
    appModule ??= loadApp();
    return appModule;
  };

  const start = () => {
    if (app || starting || !root || !options) return;
    starting = true;
    // A shutdown (or shutdown and init) while the chunk loads replaces the root: then the app does not start.
    const startedIn = root;
    fetchApp().then(
      ({ startApp }) => {
        if (startedIn !== root || !options) return;
        app = startApp({ root, options, locale, nonce, open: openAtStart, emit });
        launcher?.remove();
        launcher = undefined;
        for (const [name, ...args] of waitingForApp.splice(0)) app.run(name as string, args);
      },
      (error: unknown) => {
        starting = false;
        appModule = undefined;
        console.error(error);
      },
    );
  };

  const init = (given: WidgetOptions) => {
    options = given;
    locale = resolveLocale(given.locale);
    const theme = given.theme ?? {};
    host = document.createElement('sapa-widget');
    root = host.attachShadow({ mode: 'open' });
    const zIndex = Number.isInteger(theme.zIndex) ? (theme.zIndex as number) : 2147483000;
    adoptStyles(root, shellStyles(zIndex, theme.position === 'left' ? 'left' : 'right'), nonce);
    // Through the CSSOM, never into style text: a colour from the page cannot inject CSS rules.
    if (theme.accentColor) host.style.setProperty('--sapa-accent', theme.accentColor);
    launcher = drawLauncherPlaceholder(root, LAUNCHER_LABELS[locale], fetchApp, () => {
      openAtStart = true;
      start();
    });
    // An async script in <head> may run before <body> exists; <html> holds the host just as well.
    (target ?? document.body ?? document.documentElement).append(host);
    openAtStart = readFlag('sessionStorage', openFlag(given.siteKey));
    if (openAtStart || readFlag('localStorage', resumeFlag(given.siteKey))) start();
  };

  const shutdown = () => {
    app?.destroy();
    host?.remove();
    listeners = {};
    waitingForInit = [];
    waitingForApp = [];
    options = host = root = launcher = app = appModule = undefined;
    starting = openAtStart = false;
  };

  const forget = (siteKey: string) => {
    writeFlag('localStorage', resumeFlag(siteKey), false);
    writeFlag('sessionStorage', openFlag(siteKey), false);
    // Forgets the visitor the SDK stored without loading the app or calling the backend.
    forgetStoredVisitor();
  };

  const run = (name: string, args: unknown[]) => {
    if (name === 'on') {
      const [event, handler] = args as [string, Listener];
      listeners[event] = [...(listeners[event] ?? []), handler];
      return;
    }
    if (name === 'shutdown') return shutdown();
    if (!options || !host) {
      if (name === 'init') init(args[0] as WidgetOptions);
      else waitingForInit.push([name, ...args]);
      return;
    }
    if (name === 'init') return; // one widget per page: a second init is a no-op
    if (name === 'show' || name === 'hide') {
      host.hidden = name === 'hide';
      return;
    }
    if (name === 'setLocale') {
      locale = resolveLocale(args[0] as string);
      launcher?.setAttribute('aria-label', LAUNCHER_LABELS[locale]);
    }
    if (app) return app.run(name, args);
    if (name === 'setLocale') return; // the app starts in the new locale
    if (name === 'open' || name === 'close' || name === 'toggle') {
      openAtStart = name === 'open' || (name === 'toggle' && !openAtStart);
      if (openAtStart) start();
      return;
    }
    if (name === 'reset' && !starting) return forget(options.siteKey);
    waitingForApp.push([name, ...args]);
    start();
  };

  return (command, ...args) => {
    try {
      const given = args[0] as Partial<WidgetOptions>;
      if (command === 'init' && isObject(given)) {
        args[0] = { ...defaults, ...given, theme: { ...defaults?.theme, ...given.theme } };
      }
      const check =
        typeof command === 'string' && Object.hasOwn(CHECKS, command) ? CHECKS[command] : undefined;
      // Not String(command): 14 B of the loader's budget. A symbol, the one value a template cannot print, ends up
      // as the TypeError below, still one console error and nothing thrown.
      if (!check) return console.error(`Sapa: unknown command '${command}'.`);
      if (!check(args)) return console.error(`Sapa('${command}'): invalid arguments.`);
      run(command as string, args);
      if (host) for (const [name, ...queued] of waitingForInit.splice(0)) run(name as string, queued);
    } catch (error) {
      // Never throw into the host page.
      console.error(error);
    }
  };
}
