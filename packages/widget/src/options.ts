import type { IdentifyRequest, Message, VisitorUpdate } from '@sapa/protocol';
import type { StringOverrides } from './i18n/create-i18n.js';

export type { StringOverrides };

/** Look of the widget; every field is optional and falls back to the site's configuration. */
export interface WidgetTheme {
  /** Any CSS colour; sets `--sapa-accent`. */
  accentColor?: string;
  /** Corner of the launcher and panel. Default `'right'`. */
  position?: 'left' | 'right';
  /** `'auto'` follows `prefers-color-scheme`. Default `'auto'`. */
  mode?: 'light' | 'dark' | 'auto';
  /** Stacking order of the widget above the page. Default 2147483000. */
  zIndex?: number;
}

/** Options of `Sapa('init', …)` and {@link mount}. */
export interface WidgetOptions {
  /** Backend base URL; the protocol lives under `${apiUrl}/v1`. */
  apiUrl: string;
  siteKey: string;
  /** `'en'` or `'id'`; default: `<html lang>`, then the browser's languages, then English. */
  locale?: string;
  strings?: StringOverrides;
  theme?: WidgetTheme;
  /** Play a short sound when a message arrives while the panel is closed. Default `false`. */
  sound?: boolean;
}

/** Events of `Sapa('on', event, handler)` and what the handler receives. */
export interface WidgetEventMap {
  /** The chat app has loaded and connected. */
  ready: undefined;
  open: undefined;
  close: undefined;
  /** A message from an agent, a bot or the system arrived. */
  message: Message;
  /** The number of unread messages changed. */
  unread: number;
}

export type WidgetEventName = keyof WidgetEventMap;

/** Arguments of every command, by command name. */
export interface WidgetCommandMap {
  init: [options: WidgetOptions];
  open: [];
  close: [];
  toggle: [];
  show: [];
  hide: [];
  identify: [identity: IdentifyRequest];
  update: [update: VisitorUpdate];
  track: [name: string, properties?: Record<string, unknown>];
  send: [text: string];
  setLocale: [locale: string];
  on: [event: WidgetEventName, handler: (payload: WidgetEventMap[WidgetEventName]) => void];
  reset: [];
  shutdown: [];
}

export type WidgetCommand = keyof WidgetCommandMap;

/**
 * The command function: `window.Sapa` once `sapa.js` has loaded, and what {@link mount} returns.
 * It never throws; unknown commands and bad arguments are reported with one `console.error`.
 *
 * @example
 * ```ts
 * Sapa('on', 'unread', (count) => console.log(count));
 * Sapa('open');
 * ```
 */
export interface Sapa {
  <E extends WidgetEventName>(command: 'on', event: E, handler: (payload: WidgetEventMap[E]) => void): void;
  <C extends Exclude<WidgetCommand, 'on'>>(command: C, ...args: WidgetCommandMap[C]): void;
}
