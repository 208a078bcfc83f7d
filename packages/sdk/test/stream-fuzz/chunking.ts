import type { SeededRandom } from './seeded-random.js';

/** Streams up to this long are sometimes delivered one byte per chunk, or in pieces of up to 64 bytes. */
const BYTE_BY_BYTE_LIMIT = 2_048;
const SMALL_PIECES_LIMIT = 16_384;

/**
 * Cuts bytes into the chunks a network would deliver: all at once, at random places, in small pieces, one byte
 * at a time, with empty chunks in between. Chunks are views of `bytes`; nothing is copied.
 */
export function chunkBytes(random: SeededRandom, bytes: Uint8Array): Uint8Array[] {
  const mode = random.weighted<string>([
    [30, 'whole'],
    [60, 'random cuts'],
    [bytes.length <= SMALL_PIECES_LIMIT ? 8 : 0, 'small pieces'],
    [bytes.length <= BYTE_BY_BYTE_LIMIT ? 0.3 : 0, 'every byte'],
  ]);
  const cuts = new Set<number>();
  if (mode === 'random cuts')
    for (let cut = random.between(1, 12); cut > 0; cut--) cuts.add(random.below(bytes.length + 1));
  if (mode === 'small pieces')
    for (let at = random.between(1, 64); at < bytes.length; at += random.between(1, 64)) cuts.add(at);
  if (mode === 'every byte') for (let at = 1; at < bytes.length; at++) cuts.add(at);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length].sort((a, b) => a - b)) {
    if (random.chance(0.02)) chunks.push(new Uint8Array(0));
    if (cut > start) chunks.push(bytes.subarray(start, cut));
    start = Math.max(start, cut);
  }
  return chunks;
}
