import type { ClientState } from '@sapa/sdk';
import { useMemo } from 'preact/hooks';
import { ChatApp } from '../app/ChatApp.js';
import { createI18n } from '../i18n/create-i18n.js';
import { PINNED_NOW } from './clock.js';
import { createFakeClient, type FakeClient, type FakeClientOptions } from './fake-client.js';
import { accentColor, storyLocale, storyTheme } from './story-helpers.js';

/** Props of {@link ChatScreen}. */
export interface ChatScreenProps {
  /** The client state the screen shows. */
  state: ClientState;
  /** Whether the panel is open (the launcher is always there). Default true. */
  open?: boolean;
  /** How the fake backend answers sends. */
  sends?: FakeClientOptions['sends'];
  /** The story's toolbar globals: language, theme, accent. */
  globals: Record<string, unknown>;
  /** Receives the fake client, for play functions that check what the UI asked of it. */
  onClient?: (client: FakeClient) => void;
}

/**
 * The whole widget (ChatApp) over a fake client, in the story's language, theme and accent, at the
 * pinned "now". Use with `parameters.sapaFrame = 'bare'`: ChatApp draws its own root.
 */
export function ChatScreen({ state, open = true, sends, globals, onClient }: ChatScreenProps) {
  const locale = storyLocale(globals);
  const client = useMemo(() => {
    const created = createFakeClient(state, sends ? { sends } : {});
    onClient?.(created);
    return created;
    // A story's state is fixed; a new client only when the story itself changes.
  }, [state, sends, onClient]);
  const i18n = useMemo(() => createI18n({ locale }), [locale]);
  const accent = accentColor(globals.accent);
  return (
    <ChatApp
      client={client}
      i18n={i18n}
      options={{ locale, theme: { mode: storyTheme(globals), ...(accent ? { accentColor: accent } : {}) } }}
      {...(open ? { open: true } : {})}
      now={PINNED_NOW}
    />
  );
}
