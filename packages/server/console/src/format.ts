import type { Message, Participant } from '@sapa/protocol';
import type { AgentConversation, AgentVisitorSummary } from './agent-types.js';
import type { Translate } from './i18n/console-i18n.js';
import { revealBidi } from './reveal-bidi.js';

/**
 * The visitor's name, or "Visitor 1a2b" ("Pengunjung 1a2b") from the end of their id. Bidirectional formatting
 * characters are shown as markers: `\u202Eitsnah\u202C Admin` reads "⟨U+202E⟩itsnah⟨U+202C⟩ Admin", never
 * "hansti Admin".
 */
export function visitorLabel(visitor: Pick<AgentVisitorSummary, 'id' | 'name'>, t: Translate): string {
  const name = visitor.name?.trim();
  if (name) return revealBidi(name);
  const tail = visitor.id
    .replace(/[^a-z0-9]/gi, '')
    .slice(-4)
    .toLowerCase();
  return t('visitor.anonymous', { id: tail });
}

/** Who wrote a message, as the agent reads it. */
export function authorLabel(
  author: Participant,
  visitor: Pick<AgentVisitorSummary, 'id' | 'name'>,
  t: Translate,
): string {
  switch (author.role) {
    case 'visitor':
      return visitorLabel(visitor, t);
    case 'bot':
      return author.name ? t('author.bot', { name: revealBidi(author.name) }) : t('author.botUnnamed');
    case 'agent':
      return author.name ? revealBidi(author.name) : t('author.agent');
    default:
      return t('author.system');
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
export function messagePreview(message: Message, t: Translate): string {
  return revealBidi(previewText(message, t));
}

function previewText(message: Message, t: Translate): string {
  if (message.text?.trim()) return message.text.trim().replace(/\s+/g, ' ');
  if (message.type === 'card' && message.card) return t('preview.card', { title: message.card.title });
  if (message.type === 'file') {
    const names = message.attachments?.map((attachment) => attachment.name).join(', ');
    return names ? t('preview.file', { names }) : t('preview.fileUnnamed');
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
