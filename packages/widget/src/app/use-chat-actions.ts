import type { Action, Locale } from '@sapa/protocol';
import type { ClientMessage, ClientState, SapaClient } from '@sapa/sdk';
import { useState } from 'preact/hooks';
import type { LeftMessage } from '../components/LeaveMessageForm/LeaveMessageForm.js';
import type { SapaI18n } from '../i18n/create-i18n.js';
import { UploadProgress } from './lazy-screens.js';
import type { ViewState } from './select-screen.js';

type ReplyAction = Extract<Action, { type: 'reply' }>;

/** A file the visitor tried to send that the SDK refused before it became a message, and why. */
export interface RefusedFile {
  /** The string key of the sentence that says why. */
  key: string;
  name: string;
  /** The size limit in bytes, for "at most 10 MB". */
  limit?: number;
}

/** What the visitor's actions changed in the panel, beside what the client holds. */
export interface ChatView extends ViewState {
  ratingSubmitting: boolean;
  refusedFile?: RefusedFile;
}

/** Everything the visitor can do in the widget, each one a call on the client. */
export interface ChatActions {
  send(text: string): void;
  sendFiles(files: File[]): void;
  /** Stops the upload of a file message (the key of `state.uploads`). */
  cancelUpload(clientMessageId: string): void;
  retry(message: ClientMessage): void;
  loadOlder(): void;
  reply(action: ReplyAction): void;
  setTyping(typing: boolean): void;
  showList(): void;
  selectConversation(conversationId: string): void;
  startNew(): void;
  answerCampaign(campaignId: string, action?: ReplyAction): void;
  dismissCampaign(campaignId: string): void;
  submitPrechat(values: Record<string, string>): void;
  leaveMessage(value: LeftMessage): void;
  rate(score: number, comment?: string): void;
  changeLocale(locale: Locale): void;
  reconnect(): void;
}

/** The sentence for a file the SDK refused, by error code. */
const FILE_REFUSALS: Record<string, string> = {
  payload_too_large: 'composer.fileTooLarge',
  unsupported_media_type: 'composer.fileType',
  not_connected: 'composer.fileFailed',
};

// Sending is fire-and-forget from the UI: failures land in the snapshot (delivery 'failed', lastError).
const settle = (promise: Promise<unknown>) => {
  promise.catch(() => undefined);
};

/**
 * The visitor's actions on the client, and the little they change in the panel itself (the list shown,
 * the pre-chat answered, a message left, a rating or a file on its way). Each action is a call on the
 * client; what it does to the conversation comes back through the client's snapshot.
 */
export function useChatActions(
  client: SapaClient,
  state: ClientState,
  i18n: SapaI18n,
  setOpen: (open: boolean) => void,
): [ChatView, ChatActions] {
  const [listShown, setListShown] = useState(false);
  const [prechatDone, setPrechatDone] = useState(false);
  const [leftMessage, setLeftMessage] = useState<ViewState['leftMessage']>('idle');
  const [ratingSubmitting, setRatingSubmitting] = useState(false);
  const [refusedFile, setRefusedFile] = useState<RefusedFile>();

  const activeId = state.activeConversationId;
  const inActive = activeId ? { conversationId: activeId } : {};

  const startNew = () => {
    client.selectConversation(null);
    setListShown(false);
  };

  const actions: ChatActions = {
    send(text) {
      setRefusedFile(undefined);
      settle(client.sendText(text, inActive));
    },
    sendFiles(files) {
      void UploadProgress.preload();
      setRefusedFile(undefined);
      for (const file of files) {
        client.sendFile(file, inActive).catch((error: unknown) => {
          const { code, limit } = Object(error) as { code?: string; limit?: number };
          // Refused before it became a message, so no bubble shows it: say why under the composer. A failed
          // upload of a message shows on its bubble, with retry; a cancel needs no word.
          if (code && Object.hasOwn(FILE_REFUSALS, code))
            setRefusedFile({ key: FILE_REFUSALS[code] as string, name: file.name, limit });
        });
      }
    },
    // The SDK stops the upload of the pending message with this id; two files of one name stay apart.
    cancelUpload(clientMessageId) {
      client.cancelUpload(clientMessageId);
    },
    retry(message) {
      if (message.clientMessageId) settle(client.retry(message.clientMessageId));
    },
    loadOlder() {
      if (activeId) settle(client.loadOlder(activeId));
    },
    reply(action) {
      settle(client.sendPostback(action.payload, action.label));
    },
    setTyping(typing) {
      client.setTyping(typing);
    },
    showList() {
      setListShown(true);
    },
    selectConversation(conversationId) {
      client.selectConversation(conversationId);
      setListShown(false);
    },
    startNew,
    answerCampaign(campaignId, action) {
      setOpen(true);
      settle(
        client.startConversation({ campaignId }).then((started) => {
          client.selectConversation(started.id);
          if (action)
            return client.sendPostback(action.payload, action.label, { conversationId: started.id });
        }),
      );
    },
    dismissCampaign(campaignId) {
      client.dismissCampaign(campaignId);
    },
    submitPrechat(values) {
      const { name, email, phone, ...attributes } = values;
      setPrechatDone(true);
      settle(
        client.updateVisitor({
          ...(name ? { name } : {}),
          ...(email ? { email } : {}),
          ...(phone ? { phone } : {}),
          attributes,
        }),
      );
    },
    leaveMessage(value) {
      setLeftMessage('sending');
      settle(
        client
          .updateVisitor({ name: value.name, email: value.email })
          .then(() => client.sendText(value.message))
          .then(
            () => setLeftMessage('sent'),
            () => setLeftMessage('idle'),
          ),
      );
    },
    rate(score, comment) {
      const conversation = state.conversations.find((candidate) => candidate.id === activeId);
      if (!conversation) return;
      setRatingSubmitting(true);
      settle(client.rate(conversation.id, score, comment).finally(() => setRatingSubmitting(false)));
    },
    changeLocale(locale) {
      void i18n.changeLanguage(locale);
      client.setLocale(locale);
    },
    reconnect() {
      settle(client.connect());
    },
  };

  return [{ listShown, prechatDone, leftMessage, ratingSubmitting, refusedFile }, actions];
}
