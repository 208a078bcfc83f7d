import type { ClientState } from '@sapa/sdk';
import type { Ref } from 'preact';
import type { Screen } from '../select-screen.js';
import type { ChatActions, ChatView } from '../use-chat-actions.js';
import type { CarriedOver } from '../use-composer-carry-over.js';

/** What every screen container gets from {@link ChatApp}: the client's state and the visitor's actions. */
export interface ScreenProps {
  /** The screen `selectScreen` chose. */
  screen: Screen;
  state: ClientState;
  view: ChatView;
  actions: ChatActions;
  composerRef: Ref<HTMLTextAreaElement>;
  /** What the composer held when the leave-a-message form took its place. */
  carried: CarriedOver;
  now?: Date;
}
