import type { Message } from '@sapa/protocol';
import type { Repositories } from '../store/chat-store.js';
import type { ConversationRecord, NewMessage } from '../store/records.js';

/**
 * Adds a message to a conversation: takes the next seq and stores the message at it. Run it inside a
 * transaction, so the seq and the message land together. Returns the message and the conversation after it.
 */
export async function appendMessage(
  repositories: Repositories,
  conversationId: string,
  input: NewMessage,
): Promise<{ message: Message; conversation: ConversationRecord }> {
  const conversation = await repositories.conversations.advanceSeq(conversationId);
  const message = await repositories.messages.insert(
    conversationId,
    conversation.conversation.lastSeq,
    conversation.conversation.updatedAt,
    input,
  );
  return { message, conversation };
}
