import type { SeededRandom } from './seeded-random.js';
import { BOM, type WrittenStream } from './sse-writer.js';

/** Invalid UTF-8: stray continuation bytes, overlong forms, surrogates, cut sequences, bytes UTF-8 never uses. */
const INVALID_UTF8 = [
  [0xff],
  [0xfe],
  [0x80],
  [0xbf],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0x80],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xef, 0xbb],
];
/** Bytes that mean something to a stream reader. */
const SPECIAL_BYTES = [0x00, 0x0a, 0x0d, 0x3a, 0x20, 0xef, 0xbb, 0xbf, 0xff, 0x80, 0xc3, 0x7b, 0x22, 0x5c];

/**
 * Damages a written stream the ways a network, a proxy or a broken backend could: frames repeated, reordered,
 * dropped or cut short; bytes flipped; invalid UTF-8, BOMs and garbage put anywhere; colons and line ends
 * removed; long lines. Returns the bytes and the names of what was done (printed with a failing seed).
 */
export function mutateStream(
  random: SeededRandom,
  written: WrittenStream,
  rounds: number,
): { bytes: Uint8Array; mutations: string[] } {
  const frames = [...written.frames];
  const mutations: string[] = [];
  let bytes: Uint8Array | undefined;
  const concat = () => (bytes ??= join([written.prefix, ...frames]));
  const position = () => random.below(concat().length + 1);
  const splice = (at: number, remove: number, insert: ArrayLike<number> = []) => {
    const current = concat();
    bytes = join([current.subarray(0, at), Uint8Array.from(insert), current.subarray(at + remove)]);
  };
  /** Positions just after a line ending, or right after a field's colon. */
  const positionsAfter = (match: (current: Uint8Array, index: number) => boolean) => {
    const current = concat();
    const found: number[] = [];
    for (let index = 0; index < current.length; index++) if (match(current, index)) found.push(index + 1);
    return found;
  };

  for (let round = 0; round < rounds; round++) {
    const frameLevel = bytes === undefined && frames.length > 0;
    const kind = random.weighted<string>([
      [frameLevel ? 3 : 0, 'duplicate frame'],
      [frameLevel ? 2 : 0, 'swap frames'],
      [frameLevel ? 1 : 0, 'drop frame'],
      [3, 'truncate'],
      [3, 'flip byte'],
      [3, 'special byte'],
      [3, 'invalid UTF-8'],
      [2, 'BOM'],
      [2, 'remove colon'],
      [2, 'merge lines'],
      [1, 'change line ending'],
      [2, 'garbage'],
      [1, 'delete range'],
      [0.3, 'long line'],
    ]);
    mutations.push(kind);
    switch (kind) {
      case 'duplicate frame': {
        const from = random.below(frames.length);
        frames.splice(random.between(from, frames.length), 0, frames[from] as Uint8Array);
        break;
      }
      case 'swap frames': {
        const first = random.below(frames.length);
        const second = random.below(frames.length);
        [frames[first], frames[second]] = [frames[second] as Uint8Array, frames[first] as Uint8Array];
        break;
      }
      case 'drop frame':
        frames.splice(random.below(frames.length), 1);
        break;
      case 'truncate':
        bytes = concat().slice(0, position());
        break;
      case 'flip byte': {
        const at = random.below(concat().length);
        splice(at, 1, [random.below(256)]);
        break;
      }
      case 'special byte':
        splice(random.below(concat().length), 1, [random.pick(SPECIAL_BYTES)]);
        break;
      case 'invalid UTF-8':
        splice(position(), 0, random.pick(INVALID_UTF8));
        break;
      case 'BOM': {
        // At a line start or at a value's start, where readers treat it specially, or anywhere.
        const places = random.pick([
          positionsAfter((current, index) => current[index] === 0x0a || current[index] === 0x0d),
          positionsAfter((current, index) => current[index] === 0x3a),
          positionsAfter((current, index) => current[index] === 0x3a && current[index + 1] === 0x20).map(
            (after) => after + 1,
          ),
          [position()],
        ]);
        splice(places.length > 0 ? random.pick(places) : position(), 0, BOM);
        break;
      }
      case 'remove colon': {
        // `event: typing` becomes `event`: a field name without a colon, whose value is empty.
        const colons = positionsAfter((current, index) => current[index] === 0x3a);
        if (colons.length === 0) break;
        const at = random.pick(colons) - 1;
        const current = concat();
        let end = at;
        while (end < current.length && current[end] !== 0x0a && current[end] !== 0x0d) end++;
        splice(at, end - at);
        break;
      }
      case 'merge lines': {
        const ends = positionsAfter((current, index) => current[index] === 0x0a || current[index] === 0x0d);
        if (ends.length > 0) splice(random.pick(ends) - 1, 1);
        break;
      }
      case 'change line ending': {
        const ends = positionsAfter((current, index) => current[index] === 0x0a || current[index] === 0x0d);
        if (ends.length > 0) splice(random.pick(ends) - 1, 1, random.pick([[0x0a], [0x0d], [0x0d, 0x0a]]));
        break;
      }
      case 'garbage':
        splice(
          position(),
          0,
          Array.from({ length: random.between(1, 64) }, () => random.below(256)),
        );
        break;
      case 'delete range': {
        const at = position();
        splice(at, random.between(1, 32));
        break;
      }
      case 'long line': {
        const line = new Uint8Array(random.between(1_000, 64_000)).fill(random.pick([0x78, 0x3a, 0xc3]));
        splice(position(), 0, line);
        break;
      }
    }
  }
  return { bytes: concat(), mutations };
}

export function join(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
