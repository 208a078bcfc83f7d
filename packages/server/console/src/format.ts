import type { Message, Participant } from '@sapa/protocol';
import type { AgentConversation, AgentVisitorSummary } from './agent-types.js';
import { revealBidi } from './reveal-bidi.js';

/**
 * The visitor's name, or "Visitor 1a2b" from the end of their id. Bidirectional formatting characters are shown
 * as markers: `\u202Eitsnah\u202C Admin` reads "⟨U+202E⟩itsnah⟨U+202C⟩ Admin", never "hansti Admin".
 */
export function visitorLabel(visitor: Pick<AgentVisitorSummary, 'id' | 'name'>): string {
  const name = visitor.name?.trim();
  if (name) return revealBidi(name);
  const tail = visitor.id
    .replace(/[^a-z0-9]/gi, '')
    .slice(-4)
    .toLowerCase();
  return `Visitor ${tail}`;
}

/** Who wrote a message, as the agent reads it. */
export function authorLabel(author: Participant, visitor: Pick<AgentVisitorSummary, 'id' | 'name'>): string {
  switch (author.role) {
    case 'visitor':
      return visitorLabel(visitor);
    case 'bot':
      return author.name ? `${revealBidi(author.name)} (bot)` : 'Bot';
    case 'agent':
      return author.name ? revealBidi(author.name) : 'Agent';
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

/** One line that stands for a message in the conversation list, bidirectional controls shown as markers. */
export function messagePreview(message: Message): string {
  return revealBidi(previewText(message));
}

function previewText(message: Message): string {
  if (message.text?.trim()) return message.text.trim().replace(/\s+/g, ' ');
  if (message.type === 'card' && message.card) return `Card: ${message.card.title}`;
  if (message.type === 'file') {
    const names = message.attachments?.map((attachment) => attachment.name).join(', ');
    return names ? `File: ${names}` : 'File';
  }
  return '';
}

/**
 * What a link to a page the visitor controls says: the host itself (then the path), never a title the visitor
 * chose, which could name another site than the one the link opens (issue 13). The host is as the URL parser
 * reads it, so an internationalised look-alike shows in its `xn--` form.
 *
 * @example
 * pageLinkLabel('https://evil.example/login-phish'); // 'evil.example/login-phish'
 */
export function pageLinkLabel(url: URL): string {
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.host}${path}`;
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
