import type { BackendEvent } from './backend-events.js';
import type { SeededRandom } from './seeded-random.js';

/** A serialized stream: an optional leading BOM, then frames, each ending in its blank line. */
export interface WrittenStream {
  prefix: Uint8Array;
  frames: Uint8Array[];
}

export const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const encoder = new TextEncoder();

export type LineEndings = 'LF' | 'CRLF' | 'CR' | 'mixed';
const TERMINATORS = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;

/**
 * Writes events as a valid `text/event-stream` in the many ways the standard allows: LF, CRLF, CR or a mix of them
 * per line; a leading BOM or not; one space after the colon or none; `id`, `event` and `data` in any order;
 * data as one line or split into several (JSON broken only where whitespace may go); empty `data:` lines;
 * comments, heartbeats, `retry:` lines (good and bogus), unknown fields and field names without a colon.
 * Every variant reads back as exactly the given events.
 */
export function writeStream(
  random: SeededRandom,
  events: readonly BackendEvent[],
  chosen: { endings?: LineEndings; bom?: boolean } = {},
): WrittenStream {
  const endings =
    chosen.endings ??
    random.weighted<LineEndings>([
      [3, 'LF'],
      [1, 'CRLF'],
      [1, 'CR'],
      [2, 'mixed'],
    ]);
  let previous = '';
  /** A CR then an LF is one line ending: an empty line after a CR must not start with a lone LF. */
  const terminator = (line: string) => {
    let chosen: string = endings === 'mixed' ? random.pick(Object.values(TERMINATORS)) : TERMINATORS[endings];
    if (line === '' && previous === '\r' && chosen === '\n') chosen = '\r';
    previous = chosen;
    return chosen;
  };
  const frame = (lines: string[]) =>
    encoder.encode([...lines, ''].map((line) => line + terminator(line)).join(''));
  const space = () => (random.chance(0.8) ? ' ' : '');
  const field = (name: string, value: string) => `${name}:${space()}${value}`;

  const frames: Uint8Array[] = [];
  for (const event of events) {
    if (random.chance(0.15)) frames.push(frame(noise(random, random.between(1, 3))));
    const json = JSON.stringify(event.data);
    const dataLines = random.chance(0.15)
      ? // Pretty-printed JSON breaks lines only between tokens, where a newline is whitespace.
        JSON.stringify(event.data, null, random.between(0, 2) || '\t').split('\n')
      : [json];
    const data = dataLines.map((line) => field('data', line));
    if (random.chance(0.05)) data.unshift('data:');
    if (random.chance(0.05)) data.splice(random.below(data.length + 1), 0, 'data:');
    const headers = [
      ...(event.id === undefined ? [] : [field('id', event.id)]),
      ...(event.type === '' ? [] : [field('event', event.type)]),
    ];
    const lines = random.chance(0.5) ? [...headers, ...data] : [...data, ...headers.reverse()];
    if (random.chance(0.3))
      lines.splice(random.below(lines.length + 1), 0, ...noise(random, random.between(1, 2)));
    frames.push(frame(lines));
  }
  if (random.chance(0.3)) frames.push(frame(noise(random, 1)));
  return { prefix: (chosen.bom ?? random.chance(0.2)) ? BOM : new Uint8Array(0), frames };
}

/** Lines that carry no event: comments, retry advice, fields nobody knows. */
function noise(random: SeededRandom, count: number): string[] {
  return Array.from({ length: count }, () =>
    random.pick([
      ': ping',
      ':',
      ':: a comment: with colons',
      ': 👋 komentar',
      'retry: 3000',
      'retry: 1a',
      'retry:',
      'foo: bar',
      'x-trace-id:abc',
      'heartbeat',
      'Data: {"not":"data"}',
      'ID: 9999999999999999',
      ' data: leading space is a different field',
    ]),
  );
}
