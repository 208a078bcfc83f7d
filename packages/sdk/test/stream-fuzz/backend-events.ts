import type { Conversation, Message, Participant } from '@sapa/protocol';
import type { SeededRandom } from './seeded-random.js';

/** One event as a backend means to send it: its type, its data (any JSON value) and its cursor when durable. */
export interface BackendEvent {
  type: string;
  data: unknown;
  id?: string;
}

const AGENT: Participant = { role: 'agent', id: 'agent-rina', name: 'Rina' };
const BOT: Participant = { role: 'bot', id: 'bot', name: 'Sapa Bot' };
const SYSTEM: Participant = { role: 'system', id: 'system' };
const VISITOR: Participant = { role: 'visitor', id: 'v_1', name: 'Budi' };

/** Texts a conversation really carries, and the characters that break naive readers. */
const TEXTS = [
  'Halo Kak, ada yang bisa kami bantu?',
  'Pesanan saya belum sampai 🙏',
  'Baik Kak Budi, kami cek dulu ya.',
  'data: not a field\n\nid: 9999999999999999\n\n',
  'line one\r\nline two\rline three\nline four',
  ': looks like a comment',
  '\uFEFFstarts with a BOM',
  'NUL \u0000 in the middle',
  'separators \u2028 and \u2029',
  'a lone surrogate \ud800 and \udfff',
  '\u202Eitsnah\u202C Admin',
  'مرحبا بالعالم',
  '👨‍👩‍👧‍👦 keluarga, 🇮🇩 bendera',
  '"quoted" \\backslash\\ \t tab',
  '{"message":{"id":"nested"}}',
  '',
];

/** Conversation ids: mostly ordinary, sometimes the names plain objects already have. */
const ORDINARY_CONVERSATIONS = ['c_81d2', 'c_9f00'];
const ODD_CONVERSATIONS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'c_\u202E', 'c_👋'];

/**
 * A backend's event sequence for one stream, as the protocol promises it: messages with gapless seq per
 * conversation (sometimes starting past 1, sometimes updated later), conversation and read updates, campaigns,
 * typing, at most one `stream.reset`, events of types this client does not know, and unknown fields in the data.
 * Durable events carry increasing 16-digit cursors.
 */
export function generateBackendEvents(random: SeededRandom, count: number): BackendEvent[] {
  const conversations = random.chance(0.05)
    ? [random.pick(ODD_CONVERSATIONS), ...ORDINARY_CONVERSATIONS.slice(0, 1)]
    : ORDINARY_CONVERSATIONS.slice(0, random.between(1, 2));
  const lastSeq = new Map<string, number>();
  const sent: Message[] = [];
  let cursor = random.chance(0.5) ? 1 : random.between(2, 1_000_000);
  let resetSent = false;
  const events: BackendEvent[] = [];
  const durable = (type: string, data: unknown) =>
    events.push({ type, data: withUnknownFields(random, data), id: String(cursor++).padStart(16, '0') });
  const time = () => new Date(Date.UTC(2026, 10, 25, 10, random.below(60), random.below(60))).toISOString();

  for (let index = 0; index < count; index++) {
    const conversationId = random.pick(conversations);
    const kind = random.weighted<string>([
      [10, 'message.created'],
      [1, 'message.updated'],
      [2, 'conversation.updated'],
      [1, 'read.updated'],
      [1, 'campaign.triggered'],
      [2, 'typing'],
      [0.3, 'stream.reset'],
      [0.5, 'unknown'],
      [0.3, 'untyped'],
    ]);
    switch (kind) {
      case 'message.created': {
        const seq = (lastSeq.get(conversationId) ?? (random.chance(0.7) ? 0 : random.between(1, 40))) + 1;
        lastSeq.set(conversationId, seq);
        const message = generateMessage(random, conversationId, seq, time());
        sent.push(message);
        durable('message.created', { message });
        break;
      }
      case 'message.updated': {
        const earlier = sent.length > 0 ? random.pick(sent) : undefined;
        if (!earlier) break;
        durable('message.updated', { message: { ...earlier, text: random.pick(TEXTS) } });
        break;
      }
      case 'conversation.updated': {
        const seq = lastSeq.get(conversationId) ?? 0;
        const conversation: Conversation = {
          id: conversationId,
          status: random.pick(['open', 'pending', 'resolved'] as const),
          createdAt: '2026-11-25T10:00:00.000Z',
          updatedAt: time(),
          lastSeq: seq + (random.chance(0.2) ? random.between(1, 3) : 0),
          visitorReadSeq: random.below(seq + 1),
          agentReadSeq: random.below(seq + 1),
          ...(random.chance(0.5) ? { assignee: AGENT } : {}),
          ...(random.chance(0.3) ? { reference: 'SP-7KQ2' } : {}),
        };
        durable('conversation.updated', { conversation });
        break;
      }
      case 'read.updated':
        durable('read.updated', { conversationId, role: 'agent', seq: lastSeq.get(conversationId) ?? 0 });
        break;
      case 'campaign.triggered':
        durable('campaign.triggered', {
          campaign: {
            id: random.pick(['ulang-tahun', 'ongkir', 'cmp_"quoted"']),
            message: random.pick(TEXTS),
            ...(random.chance(0.5)
              ? { actions: [{ type: 'reply', label: 'Mau', payload: 'yes' }] }
              : { card: { title: 'Batik Parang', price: { amount: 250000, currency: 'IDR' } } }),
          },
        });
        break;
      case 'typing':
        events.push({
          type: 'typing',
          data: {
            conversationId,
            participant: random.pick([AGENT, BOT, VISITOR]),
            typing: random.chance(0.6),
          },
        });
        break;
      case 'stream.reset':
        if (resetSent) break;
        resetSent = true;
        events.push({ type: 'stream.reset', data: { cursor: String(cursor + 40).padStart(16, '0') } });
        break;
      case 'unknown':
        durable(random.pick(['poll.created', 'message.deleted', 'Message.Created', 'message.created ']), {
          poll: { question: 'Puas?' },
        });
        break;
      case 'untyped':
        // No `event` line: the standard's default type, `message`, which this protocol does not use.
        events.push({ type: '', data: { message: generateMessage(random, conversationId, 1, time()) } });
    }
  }
  return events;
}

function generateMessage(
  random: SeededRandom,
  conversationId: string,
  seq: number,
  createdAt: string,
): Message {
  const author = random.weighted([
    [5, AGENT],
    [2, BOT],
    [1, SYSTEM],
    [2, VISITOR],
  ]);
  const type =
    author === SYSTEM
      ? 'event'
      : random.weighted<Message['type']>([
          [8, 'text'],
          [1, 'file'],
          [1, 'card'],
        ]);
  const message: Message = {
    id: `m_${conversationId}_${seq}_${random.below(1_000_000)}`,
    conversationId,
    seq,
    author,
    type,
    text: random.chance(0.005) ? 'panjang '.repeat(random.between(100, 1_250)) : random.pick(TEXTS),
    createdAt,
  };
  if (author === VISITOR)
    message.clientMessageId = `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  if (type === 'file')
    message.attachments = [
      { id: 'a_1', name: 'invoice\u202Efdp.exe', size: 1234, mime: 'application/pdf', url: '/uploads/a_1' },
    ];
  if (type === 'card') message.card = { title: 'Batik Parang', url: 'https://toko-sapa.example/batik' };
  if (random.chance(0.1))
    message.actions = [
      { type: 'reply', label: 'Ya', payload: 'yes' },
      { type: 'link', label: 'Lacak', url: 'https://toko-sapa.example/lacak' },
    ];
  return message;
}

/** Fields this client does not know, which it must accept (forward compatibility). */
function withUnknownFields(random: SeededRandom, data: unknown): unknown {
  if (!random.chance(0.15) || typeof data !== 'object' || data === null) return data;
  return { ...data, futureField: { nested: [1, 'dua', null, true] }, 'x-trace': random.below(1000) };
}
