/**
 * `sapa.js`: the script-tag loader, built as a tiny IIFE. It replaces the `window.Sapa` queue stub with the
 * real command function, replays what the page queued, and fetches the chat app (a hashed ES module chunk
 * next to this file) only when it is needed.
 *
 * ```html
 * <script>window.Sapa=window.Sapa||function(){(Sapa.q=Sapa.q||[]).push(arguments)};
 * Sapa('init',{apiUrl:'https://support.example.com',siteKey:'demo'});</script>
 * <script async src="https://support.example.com/widget/sapa.js"></script>
 * ```
 */
import type { WidgetOptions } from '../options.js';
import { createShell, type RunCommand } from '../widget-shell.js';
import { readScriptOptions } from './read-script-options.js';

/** File name of the app chunk, relative to this script; injected by the build (vite.config.ts). */
declare const __SAPA_APP_CHUNK__: string;

type QueueStub = RunCommand & { q?: ArrayLike<unknown>[]; loaded?: boolean };
type TrustedTypesWindow = Window & {
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): unknown };
};

(() => {
  // Captured now: `document.currentScript` is null once this first synchronous run is over.
  const script = document.currentScript as HTMLScriptElement | null;
  const existing = (window as { Sapa?: QueueStub }).Sapa;
  if (existing?.loaded) return; // sapa.js included twice: the first copy owns the page
  const base = script?.src || location.href;
  const appUrl = new URL(__SAPA_APP_CHUNK__, base).href;
  // Under `require-trusted-types-for 'script'` script URLs go through a named policy; it only ever
  // passes the one URL computed above.
  const policy = (window as TrustedTypesWindow).trustedTypes?.createPolicy('sapa', {
    createScriptURL: (url) => {
      if (url !== appUrl) throw new TypeError(`Sapa loads only its own chunk, not ${url}.`);
      return url;
    },
  }) as { createScriptURL(url: string): string } | undefined;
  const defaults = readScriptOptions(script);
  const shell = createShell({
    loadApp: () => import(/* @vite-ignore */ policy ? policy.createScriptURL(appUrl) : appUrl),
    ...(script?.nonce ? { nonce: script.nonce } : {}),
  });
  let initialised = false;
  const command: QueueStub = (name, ...args) => {
    const given = args[0] as Partial<WidgetOptions> | undefined;
    if (name === 'init' && !initialised && typeof given === 'object' && given !== null) {
      initialised = true;
      args[0] = { ...defaults, ...given, theme: { ...defaults.theme, ...given.theme } };
    }
    if (name === 'shutdown') initialised = false;
    shell(name, ...args);
  };
  command.loaded = true;
  (window as { Sapa?: QueueStub }).Sapa = command;
  for (const queued of Array.from(existing?.q ?? [])) command(...(Array.from(queued) as [unknown]));
  if (!initialised && defaults.siteKey) command('init', defaults);
})();
