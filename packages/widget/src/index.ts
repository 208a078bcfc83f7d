/**
 * `@sapa/widget`: the Sapa chat widget for npm users. `mount()` puts it on the page; `ChatApp` is the
 * container for those who render it themselves (it takes an `@sapa/sdk` client).
 *
 * @example
 * ```ts
 * import { mount } from '@sapa/widget';
 * const sapa = mount({ apiUrl: 'https://support.example.com', siteKey: 'demo' });
 * sapa('open');
 * ```
 */
export type { AppContext, AppHandle, StartApp } from './app/app-context.js';
export { ChatApp, type ChatAppOptions, type ChatAppProps } from './app/ChatApp.js';
export { type MountOptions, mount } from './mount.js';
export type {
  Sapa,
  StringOverrides,
  WidgetCommand,
  WidgetCommandMap,
  WidgetEventMap,
  WidgetEventName,
  WidgetOptions,
  WidgetTheme,
} from './options.js';
