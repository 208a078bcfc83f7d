import { expect, test } from 'vitest';
import { runFuzzCases } from './stream-fuzz/fuzz-run.js';

/**
 * Issue 13, item 10: the client's stream under fuzzing, valid streams. A backend's events (messages with gapless
 * seq, conversation and read updates, campaigns, typing, stream.reset, unknown types and fields) written in every
 * way the standard allows (LF, CR, CRLF and mixes; a BOM; comments, `retry:`, unknown fields, field names without
 * a colon; data over several lines), cut into chunks anywhere, through the SDK's own stream handling: the state holds
 * exactly the events written, in seq order, the cursor after the last one, nothing escapes, the heap stays flat.
 * `stream-fuzz-damaged.test.ts` does the same with damaged streams; the two together run 100,000.
 *
 * Reproduce a failure with the seed it prints:
 * `SAPA_FUZZ_SEED=0x… npx vitest run packages/sdk/test/stream-fuzz-valid.test.ts`.
 */
const CASES = 50_000;

test(`${CASES.toLocaleString('en')} valid streams, written and cut every which way: the state of exactly the events written`, async () => {
  const run = await runFuzzCases('valid streams', 0x5a9a_2027, CASES, false);
  expect(run.escaped).toEqual([]);
  expect(run.failures).toEqual([]);
  expect(run.heapGrowth).toBeLessThan(16 * 2 ** 20);
}, 300_000);
