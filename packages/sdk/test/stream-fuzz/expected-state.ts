import { parseStreamEvent, type StreamEvent } from '@sapa/protocol';
import { SseParser } from '@sapa/protocol/sse';
import type { ActiveCampaign, ClientMessage } from '../../src/types.js';
import { asShown } from './stream-client.js';

/** One event as the standard reader read it, and what the protocol's guard made of it. */
export interface StandardEvent {
  type: string;
  data: string;
  id?: string;
  /** The parsed event; `null` for a type the protocol does not know; `undefined` when the guard refused it. */
  event: StreamEvent | null | undefined;
}

/** What a client must hold after reading a stream from an empty state. */
export interface ExpectedState {
  /** Every event the client must hand on, in order. */
  events: StandardEvent[];
  /** Per conversation, ordered by seq: for each seq the last valid message event's message. */
  messages: Record<string, ClientMessage[]>;
  conversationIds: string[];
  campaign?: ActiveCampaign;
  cursor?: string;
  /** Events the standard reader dispatched, and how many of them the protocol's guards accepted. */
  dispatched: number;
  valid: number;
  /** `stream.reset` events: a second one while the first one's resync runs is joined to it, its cursor unused. */
  resets: number;
  /**
   * The stream has a NUL byte. The standard ignores an `id` line with NUL in it, and an earlier `id` line of the
   * same event stands; the library keeps the last one, which the SDK then drops: such an event comes without id,
   * and the cursor stays before it (never past it), which a replay after a reconnect makes good.
   */
  nul: boolean;
}

/**
 * The oracle: the same bytes read by a second, independent reader — the protocol package's `SseParser`, written
 * after the WHATWG standard — and checked with the protocol's guards, applied the way the protocol says
 * (messages by seq, a later event for the same seq replacing the earlier; the cursor moving past every event that
 * was applied or is of an unknown type, never past one with bad data).
 *
 * Two differences come from the library the SDK reads with, and change nothing a client does with JSON data:
 * it drops empty `data` lines that come before any other (the standard keeps each as a line feed: whitespace to
 * JSON), and so cannot tell an event of empty data lines from one without data, which the SDK does not hand on.
 */
export function expectedState(bytes: Uint8Array): ExpectedState {
  const messages = new Map<string, Map<number, ClientMessage>>();
  const conversationIds = new Set<string>();
  const expected: ExpectedState = {
    events: [],
    messages: {},
    conversationIds: [],
    dispatched: 0,
    valid: 0,
    resets: 0,
    nul: bytes.includes(0),
  };
  const parser = new SseParser((frame) => {
    if (frame.kind !== 'event') return;
    const data = frame.data.replace(/^\n+/, '');
    if (data === '') return;
    expected.dispatched++;
    const read: StandardEvent = { type: frame.event, data, id: frame.id, event: undefined };
    expected.events.push(read);
    let event: StreamEvent | null;
    try {
      event = read.event = parseStreamEvent(frame.event, data, frame.id);
    } catch {
      return;
    }
    expected.valid++;
    switch (event?.type) {
      case 'message.created':
      case 'message.updated': {
        const { message } = event.data;
        const list = messages.get(message.conversationId) ?? new Map<number, ClientMessage>();
        messages.set(message.conversationId, list.set(message.seq, asShown(message)));
        break;
      }
      case 'conversation.updated':
        conversationIds.add(event.data.conversation.id);
        break;
      case 'campaign.triggered':
        expected.campaign = { ...event.data.campaign, source: 'backend' };
        break;
      case 'stream.reset':
        expected.cursor = event.data.cursor;
        expected.resets++;
    }
    if (frame.id) expected.cursor = frame.id;
  });
  parser.push(bytes);
  // fromEntries, not assignment: a conversation may be called `__proto__`.
  expected.messages = Object.fromEntries(
    [...messages].map(([conversationId, list]) => [
      conversationId,
      [...list.values()].sort((a, b) => a.seq - b.seq),
    ]),
  );
  expected.conversationIds = [...conversationIds].sort();
  return expected;
}
