import { isDeepStrictEqual } from 'node:util';
import { expect, test } from 'vitest';
import { generateBackendEvents } from './stream-fuzz/backend-events.js';
import { expectedState } from './stream-fuzz/expected-state.js';
import { createSeededRandom } from './stream-fuzz/seeded-random.js';
import { type LineEndings, writeStream } from './stream-fuzz/sse-writer.js';
import { createStreamClient } from './stream-fuzz/stream-client.js';
import { join } from './stream-fuzz/stream-mutations.js';

/**
 * Issue 13, item 10, split at every byte: a few valid streams, read whole, one byte at a time, and cut in two at
 * every position. A network may cut anywhere (inside a CR LF, a BOM, a multi-byte character, a field name): the
 * state is always the same. Each stream has its line endings and BOM; together they carry every kind of event
 * (message created and updated, conversation and read updates, campaign, typing, stream.reset, unknown and untyped).
 */
const STREAMS: { seed: number; endings: LineEndings; bom: boolean }[] = [
  { seed: 2, endings: 'LF', bom: false },
  { seed: 27, endings: 'CRLF', bom: true },
  { seed: 10, endings: 'CR', bom: false },
  { seed: 18, endings: 'mixed', bom: true },
  { seed: 40, endings: 'mixed', bom: false },
];

/** What a reader of the stream ends with: the state and where the stream would resume. */
async function readState(chunks: Uint8Array[], bytes: Uint8Array) {
  const client = createStreamClient();
  const end = await client.read(chunks, { expected: expectedState(bytes) });
  client.events.stop();
  const { messages, conversations, campaign, typing, unreadCount, lastError } = client.store.getState();
  return {
    end,
    // Plain copies: the state's records have no prototype.
    state: {
      messages: { ...messages },
      typing: { ...typing },
      conversations,
      campaign,
      unreadCount,
      lastError,
    },
    cursor: client.events.cursor(),
    storedCursors: client.storedCursors,
    violations: client.violations,
  };
}

for (const { seed, endings, bom } of STREAMS) {
  test(`stream ${seed} (${endings}${bom ? ', BOM' : ''}): every split gives the state of the whole stream`, async () => {
    const random = createSeededRandom(seed);
    const events = generateBackendEvents(random, 12);
    const written = writeStream(random, events, { endings, bom });
    const bytes = join([written.prefix, ...written.frames]);

    const whole = await readState([bytes], bytes);
    expect(whole.violations).toEqual([]);
    expect(whole.end).toEqual({ kind: 'closed' });
    // The whole stream gives what the independent reader expects.
    const expected = expectedState(bytes);
    expect(whole.state.messages).toEqual(expected.messages);
    expect(whole.cursor).toBe(expected.cursor);
    expect(expected.valid).toBe(events.length);

    const splits: Uint8Array[][] = [Array.from(bytes, (byte) => Uint8Array.of(byte))];
    for (let position = 1; position < bytes.length; position++)
      splits.push([bytes.subarray(0, position), bytes.subarray(position)]);
    const differing: number[] = [];
    for (const [index, chunks] of splits.entries())
      if (!isDeepStrictEqual(await readState(chunks, bytes), whole)) differing.push(index);
    console.info(
      `stream ${seed}: ${bytes.length} B, ${events.length} events, read in ${splits.length + 1} ways`,
    );
    // Index 0 is one byte at a time; index n is cut after byte n.
    expect(differing).toEqual([]);
  }, 60_000);
}
