import { expect, test } from 'vitest';
import { runFuzzCase } from './stream-fuzz/fuzz-case.js';
import { runFuzzCases } from './stream-fuzz/fuzz-run.js';

/**
 * Issue 13, item 10: the client's stream under fuzzing, damaged streams. Valid streams damaged the ways a network,
 * a proxy or a broken backend could (frames repeated, reordered, dropped or cut; bytes flipped; invalid UTF-8, BOMs
 * and garbage anywhere; colons and line ends removed; long lines), cut into chunks anywhere, go through the SDK's
 * own stream handling (fetch-event-source fed by a `fetch` whose body the test controls, stream events applying
 * into the real store). Nothing may escape (no exception, no unhandled rejection), no event may be half-applied,
 * the cursor may never move past an event that was not applied, the SDK must hand on exactly the events an
 * independent reader of the standard (`SseParser`) reads, end in the state those events make, and keep the heap flat.
 * `stream-fuzz-valid.test.ts` does the same with undamaged streams; the two together run 100,000.
 *
 * Reproduce a failure with the seed it prints:
 * `SAPA_FUZZ_SEED=0x… npx vitest run packages/sdk/test/stream-fuzz-damaged.test.ts` (`SAPA_FUZZ_DUMP=1` prints
 * the bytes too); `SAPA_FUZZ_CASES` changes how many cases run.
 */
const CASES = 50_000;

/**
 * Seeds that broke the SDK before issue 13's fixes (found in the first 20,000 cases, 1,095 of which failed then),
 * kept as cases of their own: a regression names its cause. The case decides itself whether it is damaged.
 */
const FOUND: [seed: string, broke: string][] = [
  ['0x7c6930c4', 'a BOM starting a data value was dropped'],
  ['0x27a596c5', 'a BOM starting the event type was dropped'],
  ['0xbce1da68', 'a lone `event` line did not reset the type'],
  ['0x7f23625d', 'a lone `data` line was ignored'],
  ['0xe37c41d1', 'an event without data was handed on, and the cursor moved past it'],
  ['0x479f7fe7', 'a conversation called __proto__ took no update'],
  ['0x9850eb22', 'a conversation called toString took no update and no typing, even in an undamaged stream'],
];

test.each(FOUND)('seed %s, which found that %s', async (seed) => {
  expect((await runFuzzCase(Number(seed))).problems).toEqual([]);
});

test(`${CASES.toLocaleString('en')} damaged streams: nothing escapes, nothing is half-applied, the state the standard reader expects, the heap stays flat`, async () => {
  const run = await runFuzzCases('damaged streams', 0x5a9a_2026, CASES, true);
  expect(run.escaped).toEqual([]);
  expect(run.failures).toEqual([]);
  // Before issue 13 every stream kept 12 kB for ever (600 MB over 50,000 streams).
  expect(run.heapGrowth).toBeLessThan(16 * 2 ** 20);
}, 300_000);
