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
import { createShell, type RunCommand } from '../widget-shell.js';
import { readScriptOptions } from './read-script-options.js';

/** File name of the app chunk, relative to this script; injected by the build (vite.config.ts). */
declare const __SAPA_APP_CHUNK__: string;

type QueueStub = RunCommand & { q?: Iterable<unknown>[]; loaded?: boolean };
type TrustedTypesWindow = Window & {
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): unknown };
};

{
  // Captured now: `document.currentScript` is null once this first synchronous run is over.
  const script = document.currentScript as HTMLScriptElement | null;
  const existing = (window as { Sapa?: QueueStub }).Sapa;
  // sapa.js included twice: the first copy owns the page.
  if (!existing?.loaded) start(script, existing);
}

function start(script: HTMLScriptElement | null, existing: QueueStub | undefined) {
  const base = script?.src || location.href;
  const appUrl = new URL(__SAPA_APP_CHUNK__, base).href;
  // Under `require-trusted-types-for 'script'` script URLs go through a named policy. The policy object
  // never leaves this closure, so the only URL it ever blesses is the app chunk's, computed above.
  const policy = (window as TrustedTypesWindow).trustedTypes?.createPolicy('sapa', {
    createScriptURL: (url) => url,
  }) as { createScriptURL(url: string): string } | undefined;
  const defaults = readScriptOptions(script);
  const command: QueueStub = createShell({
    loadApp: () => import(/* @vite-ignore */ policy ? policy.createScriptURL(appUrl) : appUrl),
    nonce: script?.nonce,
    defaults,
  });
  command.loaded = true;
  (window as { Sapa?: QueueStub }).Sapa = command;
  for (const queued of existing?.q ?? []) command(...(queued as [unknown]));
  // Configured by attributes alone; after a queued `init` this second one changes nothing.
  if (defaults.siteKey) command('init', {});
}
