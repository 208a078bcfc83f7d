/**
 * Helpers for play functions: query inside the widget's shadow root, and expect strings in the language
 * the story runs in (the `locale` toolbar global), so one play function checks English and Indonesian.
 */
import type { Locale } from '@sapa/protocol';
import { within } from 'storybook/test';
import { createI18n, type Translate } from '../i18n/create-i18n.js';
import { storyRoot } from './StoryFrame.js';

/** The language a story runs in, from its globals. */
export function storyLocale(globals: Record<string, unknown>): Locale {
  return globals.locale === 'id' ? 'id' : 'en';
}

/** The widget's translate function in the story's language, for expected accessible names. */
export function storyT(globals: Record<string, unknown>): Translate {
  return createI18n({ locale: storyLocale(globals) }).t;
}

/** Testing Library queries bound to the widget inside the story's shadow root. */
export function widget(canvasElement: HTMLElement) {
  return within(storyRoot(canvasElement));
}

/** Accent colours of the toolbar; `default` keeps the widget's own. */
export const ACCENTS: Record<string, string | undefined> = {
  default: undefined,
  teal: '#0f766e',
  indigo: '#4338ca',
  crimson: '#b91c1c',
};

/** The accent colour of the toolbar choice in `globals`, if any. */
export function accentColor(choice: unknown): string | undefined {
  return typeof choice === 'string' ? ACCENTS[choice] : undefined;
}

/** The theme a story runs in, from its globals (light unless set). */
export function storyTheme(globals: Record<string, unknown>): 'light' | 'dark' | 'auto' {
  return globals.theme === 'dark' || globals.theme === 'auto' ? globals.theme : 'light';
}

/**
 * The focused element inside the widget's shadow root (the document only sees the host element as
 * focused), or null.
 */
export function focusedElement(canvasElement: HTMLElement): Element | null {
  const root = storyRoot(canvasElement).getRootNode();
  return root instanceof ShadowRoot ? root.activeElement : null;
}
