import type { Message, Participant } from '@sapa/protocol';
import type { AgentConversation, AgentVisitor } from './agent-types.js';

/** The visitor's name, or "Visitor 1a2b" from the end of their id. */
export function visitorLabel(visitor: Pick<AgentVisitor, 'id' | 'name'>): string {
  const name = visitor.name?.trim();
  if (name) return name;
  const tail = visitor.id
    .replace(/[^a-z0-9]/gi, '')
    .slice(-4)
    .toLowerCase();
  return `Visitor ${tail}`;
}

/** Who wrote a message, as the agent reads it. */
export function authorLabel(author: Participant, visitor: Pick<AgentVisitor, 'id' | 'name'>): string {
  switch (author.role) {
    case 'visitor':
      return visitorLabel(visitor);
    case 'bot':
      return author.name ? `${author.name} (bot)` : 'Bot';
    case 'agent':
      return author.name ?? 'Agent';
    default:
      return 'System';
  }
}

/**
 * The visitor asked for a person and nobody has taken the conversation yet: the bot's hand-over leaves
 * it pending until an agent answers.
 */
export function wantsHuman(conversation: Pick<AgentConversation, 'handedOver' | 'status'>): boolean {
  return conversation.handedOver && conversation.status === 'pending';
}

/** One line that stands for a message in the conversation list. */
export function messagePreview(message: Message): string {
  if (message.text?.trim()) return message.text.trim().replace(/\s+/g, ' ');
  if (message.type === 'card' && message.card) return `Card: ${message.card.title}`;
  if (message.type === 'file') {
    const names = message.attachments?.map((attachment) => attachment.name).join(', ');
    return names ? `File: ${names}` : 'File';
  }
  return '';
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Short time for today, date and time otherwise. */
export function formatTime(timestamp: string, now = new Date()): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return '';
  return date.toDateString() === now.toDateString() ? timeFormat.format(date) : dateTimeFormat.format(date);
}

/** Full date and time, for a tooltip or a `<time>` title. */
export function formatDateTime(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? '' : dateTimeFormat.format(date);
}

/** File size in B, KB or MB. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
