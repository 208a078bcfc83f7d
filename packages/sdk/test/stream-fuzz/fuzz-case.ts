import { isDeepStrictEqual } from 'node:util';
import { generateBackendEvents } from './backend-events.js';
import { chunkBytes } from './chunking.js';
import { expectedState } from './expected-state.js';
import { createSeededRandom } from './seeded-random.js';
import { writeStream } from './sse-writer.js';
import { createStreamClient } from './stream-client.js';
import { join, mutateStream } from './stream-mutations.js';

/** What one case did, for the totals and for a failure's report. */
export interface CaseResult {
  seed: number;
  bytes: number;
  chunks: number;
  events: number;
  mutations: string[];
  /** Empty when every promise held. */
  problems: string[];
}

/**
 * One fuzz case, all of it derived from `seed`: a backend's events, written as a stream in one of the many valid
 * ways, damaged (in 70 % of the seeds, or as `damaged` says), cut into chunks, read by the SDK from an empty state.
 * Then the state is compared with what the independent reader says it must be (`expectedState`).
 */
export async function runFuzzCase(seed: number, damaged?: boolean): Promise<CaseResult> {
  const random = createSeededRandom(seed);
  // Small streams for the bulk: most cases carry up to 2 events, one in ten up to 12.
  const events = generateBackendEvents(
    random,
    random.weighted([
      [6, random.between(0, 2)],
      [3, random.between(3, 6)],
      [1, random.between(7, 12)],
    ]),
  );
  const written = writeStream(random, events);
  // Drawn even when `damaged` decides, so that a seed makes the same stream either way.
  const drawn = random.chance(0.7);
  const mutated = damaged ?? drawn;
  const { bytes, mutations } = mutated
    ? mutateStream(random, written, random.between(1, 3))
    : { bytes: join([written.prefix, ...written.frames]), mutations: [] };
  const chunks = chunkBytes(random, bytes);
  const client = createStreamClient();
  const problems = client.violations;
  try {
    const expected = expectedState(bytes);
    const end = await client.read(chunks, { expected });
    if (end === 'hung') problems.push('the stream never ended');
    else if (end.kind !== 'closed' || end.error) problems.push(`the stream ended as ${JSON.stringify(end)}`);

    // An undamaged stream reads back as exactly the events written (which the client's state was compared with).
    if (!mutated) {
      const written = events.map(({ type, data, id }) => ({ type: type || 'message', data, id }));
      const read = expected.events.map(({ type, data, id }) => ({ type, data: JSON.parse(data), id }));
      if (JSON.stringify(read) !== JSON.stringify(written))
        problems.push(
          `the generator wrote ${events.length} events, the standard reader read ${read.length} others`,
        );
    }
    const state = client.store.getState();
    // A plain copy: the state's records have no prototype.
    if (!isDeepStrictEqual({ ...state.messages }, expected.messages))
      problems.push(
        `messages differ: state ${summary(state.messages)}, expected ${summary(expected.messages)}`,
      );
    if (problems.length > 0)
      for (const error of client.reported.slice(0, 3)) problems.push(`reported: ${(error as Error).message}`);
    const conversationIds = state.conversations.map((conversation) => conversation.id).sort();
    if (!isDeepStrictEqual(conversationIds, expected.conversationIds))
      problems.push(`conversations ${conversationIds} instead of ${expected.conversationIds}`);
    if (!isDeepStrictEqual(state.campaign, expected.campaign))
      problems.push(
        `campaign ${JSON.stringify(state.campaign)} instead of ${JSON.stringify(expected.campaign)}`,
      );
    if (expected.resets < 2 && !expected.nul && client.events.cursor() !== expected.cursor)
      problems.push(`cursor ${client.events.cursor()} instead of ${expected.cursor}`);
  } catch (error) {
    problems.push(`an exception escaped: ${(error as Error)?.stack ?? error}`);
  } finally {
    if (problems.length > 0 && process.env.SAPA_FUZZ_DUMP)
      console.info(
        JSON.stringify(new TextDecoder().decode(bytes)),
        chunks.map((chunk) => chunk.length),
      );
    client.events.stop();
  }
  return { seed, bytes: bytes.length, chunks: chunks.length, events: events.length, mutations, problems };
}

function summary(messages: Record<string, { seq: number; id: string }[]>): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(messages).map(([key, list]) => [key, list.map((m) => `${m.seq}:${m.id}`)]),
    ),
  );
}
