import {
  type Attachment,
  FILENAME_HEADER,
  MAX_TEXT_LENGTH,
  type Message,
  parseAttachment,
  parseMessage,
  type SendMessageRequest,
} from '@sapa/protocol';
import type { ClientParts } from './client-parts.js';
import type { ClientStorage } from './client-storage.js';
import type { ConnectionLifecycle } from './connection-lifecycle.js';
import type { ConversationActions } from './conversation-actions.js';
import { type ConversationSync, conversationPath } from './conversation-sync.js';
import { AbortedError, isTransientError, SapaError, toErrorInfo, ValidationError } from './errors.js';
import { acceptsMime, describeFile, fileBody } from './file-upload.js';
import type { OutboxItem } from './outbox.js';
import { randomId } from './random-id.js';
import type { SessionManager } from './session-manager.js';
import { createSingleFlight, singleFlight } from './single-flight.js';
import type { TabSync } from './tab-sync.js';
import type { ClientMessage, ErrorInfo, SapaClient } from './types.js';
import { validate } from './validate-event.js';

/** Attempts per send before it is shown as failed (it stays in the outbox and is flushed later). */
const SEND_ATTEMPTS = 4;
/** Attempts per upload. */
const UPLOAD_ATTEMPTS = 3;

/** What the message sender works with. */
export type MessageSenderParts = Pick<ClientParts, 'store' | 'request' | 'report'> & {
  storage: Pick<ClientStorage, 'outbox'>;
  sync: Pick<ConversationSync, 'receive'>;
  conversations: Pick<ConversationActions, 'startConversation'>;
  sessions: Pick<SessionManager, 'current'>;
  tabs: Pick<TabSync, 'isFollower'>;
  lifecycle: Pick<ConnectionLifecycle, 'ready'>;
};

/** The visitor's sends: outbox first, then delivered (idempotently, by `clientMessageId`) until acknowledged. */
export type MessageSender = Pick<
  SapaClient,
  'sendText' | 'sendPostback' | 'sendFile' | 'retry' | 'cancelUpload'
> & {
  /** Sends everything waiting in the (shared) outbox; run by the leader on open, online and start. */
  flush(): void;
  /** Shows what waits in the outbox as pending messages (after a reload). */
  showWaiting(): Promise<void>;
};

export function createMessageSender(parts: MessageSenderParts): MessageSender {
  const { store, storage, request, report } = parts;
  const { getState, dispatch } = store;
  const deliveries = createSingleFlight<string, Message>();
  /** Uploads in flight, by the `clientMessageId` of their message. */
  const uploads = new Map<string, AbortController>();

  const target = async (given: string | undefined): Promise<string> => {
    await parts.lifecycle.ready();
    return given || getState().activeConversationId || (await parts.conversations.startConversation()).id;
  };

  const newItem = (conversationId: string, body: SendMessageRequest): OutboxItem => ({
    clientMessageId: randomId(),
    conversationId,
    body,
    createdAt: new Date().toISOString(),
  });

  const showPending = (
    { clientMessageId, conversationId, body, createdAt }: OutboxItem,
    attachments = body.type === 'file'
      ? body.attachmentIds.map((id): Attachment => ({ id, name: '', size: 0, mime: '', url: '' }))
      : undefined,
  ): void => {
    const { visitor } = getState();
    dispatch({
      type: 'pending',
      message: {
        id: clientMessageId,
        conversationId,
        seq: 0,
        clientMessageId,
        author: {
          role: 'visitor',
          id: visitor?.id ?? parts.sessions.current()?.visitorId ?? '',
          name: visitor?.name,
        },
        type: body.type === 'file' ? 'file' : 'text',
        text: body.text,
        attachments,
        createdAt,
        delivery: 'sending',
      },
    });
  };

  /** Marks a pending message; without `delivery` it is discarded. */
  const setDelivery = (
    { conversationId, clientMessageId }: OutboxItem,
    delivery?: 'sending' | 'failed',
    error?: ErrorInfo,
  ) => dispatch({ type: 'delivery', conversationId, clientMessageId, delivery, error });

  /** PUTs an outbox item (idempotent by clientMessageId); one delivery per id at a time. */
  const deliver = (item: OutboxItem): Promise<Message> => {
    const { clientMessageId, conversationId } = item;
    return deliveries.run(clientMessageId, async () => {
      setDelivery(item, 'sending');
      try {
        const answer = await request({
          method: 'PUT',
          path: `${conversationPath(conversationId)}/messages/${encodeURIComponent(clientMessageId)}`,
          json: item.body,
          maxAttempts: SEND_ATTEMPTS,
        });
        const message = validate(parseMessage, answer, 'The sent message');
        parts.sync.receive(conversationId, [message]);
        await storage.outbox?.remove(clientMessageId);
        return message;
      } catch (error) {
        setDelivery(item, 'failed', toErrorInfo(error));
        // A transient failure stays in the outbox and goes out on the next flush; any other is final.
        if (!isTransientError(error)) await storage.outbox?.remove(clientMessageId);
        throw error;
      }
    });
  };

  /** Stores the item in the outbox before the first try (a reload or crash from here on still delivers it). */
  const send = async (item: OutboxItem): Promise<Message> => {
    await storage.outbox?.put(item).catch(report);
    showPending(item);
    return deliver(item);
  };

  const flushing = singleFlight(async (waiting: NonNullable<ClientStorage['outbox']>) => {
    for (const item of await waiting.list()) {
      if (deliveries.running(item.clientMessageId)) continue;
      showPending(item);
      await deliver(item).catch(() => {});
    }
  });

  return {
    async sendText(text, { conversationId } = {}) {
      if (text.trim() === '') throw new ValidationError('invalid_request', 'The message is empty.');
      if (text.length > MAX_TEXT_LENGTH)
        throw new ValidationError(
          'payload_too_large',
          `A message has at most ${MAX_TEXT_LENGTH} characters.`,
          {
            limit: MAX_TEXT_LENGTH,
          },
        );
      return send(newItem(await target(conversationId), { type: 'text', text }));
    },

    async sendPostback(payload, text, { conversationId } = {}) {
      return send(newItem(await target(conversationId), { type: 'postback', payload, text }));
    },

    async sendFile(file, { conversationId, text, onProgress, signal } = {}) {
      await parts.lifecycle.ready();
      const { name, type, size } = describeFile(file);
      const limits = getState().config?.upload;
      if (limits && size > limits.maxBytes)
        throw new ValidationError(
          'payload_too_large',
          `The file "${name}" is larger than ${Math.round(limits.maxBytes / 104_857.6) / 10} MB.`,
          { limit: limits.maxBytes },
        );
      if (limits && !acceptsMime(limits.accept, type))
        throw new ValidationError('unsupported_media_type', `Files of type ${type} cannot be sent.`, {
          accept: limits.accept,
        });
      const body = { type: 'file' as const, attachmentIds: [] as string[], text: text || undefined };
      const item = newItem(await target(conversationId), body);
      const { clientMessageId } = item;
      // The caller's signal and cancelUpload() both stop the upload. The listener stays on the caller's signal
      // after the upload: aborting then changes nothing.
      const cancel = new AbortController();
      const abort = () => cancel.abort();
      if (signal?.aborted) abort();
      signal?.addEventListener('abort', abort);
      uploads.set(clientMessageId, cancel);
      showPending(item, [{ id: clientMessageId, name, size, mime: type, url: '' }]);
      try {
        const answer = await request({
          method: 'POST',
          path: '/uploads',
          body: fileBody(file),
          headers: { 'Content-Type': type, [FILENAME_HEADER]: encodeURIComponent(name) },
          signal: cancel.signal,
          maxAttempts: UPLOAD_ATTEMPTS,
          onProgress: (fraction) => {
            dispatch({ type: 'upload', clientMessageId, progress: { name, size, fraction } });
            onProgress?.(fraction);
          },
        });
        body.attachmentIds.push(validate(parseAttachment, answer, 'The upload answer').id);
      } catch (error) {
        // A cancelled upload leaves nothing behind; a failed one stays visible as failed.
        setDelivery(item, error instanceof AbortedError ? undefined : 'failed', toErrorInfo(error));
        throw error;
      } finally {
        uploads.delete(clientMessageId);
        dispatch({ type: 'upload', clientMessageId });
      }
      return send(item);
    },

    cancelUpload(clientMessageId) {
      const upload = uploads.get(clientMessageId);
      upload?.abort();
      return !!upload;
    },

    async retry(clientMessageId) {
      const running = deliveries.running(clientMessageId);
      if (running) return running;
      let item = await storage.outbox?.get(clientMessageId);
      if (!item) {
        const message = Object.values(getState().messages)
          .flat()
          .find(
            (candidate: ClientMessage) =>
              candidate.clientMessageId === clientMessageId && candidate.seq === 0,
          );
        if (!message) throw new SapaError('not_found', 'No unsent message has that id.');
        const { conversationId, text, createdAt } = message;
        item = {
          clientMessageId,
          conversationId,
          createdAt,
          body:
            message.type === 'file'
              ? {
                  type: 'file',
                  attachmentIds: (message.attachments ?? []).map(({ id }) => id),
                  text: text || undefined,
                }
              : { type: 'text', text: text ?? '' },
        };
        await storage.outbox?.put(item).catch(() => {});
      }
      return deliver(item);
    },

    flush() {
      const waiting = storage.outbox;
      if (parts.sessions.current() && waiting && !parts.tabs.isFollower()) flushing(waiting).catch(() => {});
    },

    async showWaiting() {
      for (const item of (await storage.outbox?.list()) ?? []) showPending(item);
    },
  };
}
