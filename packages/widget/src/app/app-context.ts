import type { WidgetEventMap, WidgetEventName, WidgetOptions } from '../options.js';

/** What the shell (the `sapa.js` loader or `mount()`) hands to the chat app when it starts it. */
export interface AppContext {
  /** The widget's shadow root; the app renders into it and adopts its styles there. */
  root: ShadowRoot;
  /** The page's options; the app resolves `locale` itself, among the languages it has (a site may add some). */
  options: WidgetOptions;
  /** Nonce of the loader's script tag, for the `<style>` fallback where constructable stylesheets are missing. */
  nonce?: string;
  /** Open the panel as soon as the app is up (the visitor clicked the launcher, or it was open before a reload). */
  open: boolean;
  /** Tells `Sapa('on', …)` listeners what happened. */
  emit<E extends WidgetEventName>(event: E, payload: WidgetEventMap[E]): void;
}

/** The running chat app, as the shell drives it. */
export interface AppHandle {
  /** Runs a command whose arguments the shell already checked. */
  run(command: string, args: readonly unknown[]): void;
  /** Unmounts, disconnects and stops every timer and listener the app added. */
  destroy(): void;
}

/** The lazy chunk's entry point. */
export type StartApp = (context: AppContext) => AppHandle;
