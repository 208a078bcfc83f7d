import { describe, expect, it } from 'vitest';
import { MemoryStorage } from './memory-storage.js';
import { createPersistence } from './persistence.js';

describe('persistence', () => {
  it('coalesces a burst of saves of one key into the write in flight and one with the newest value', async () => {
    const storage = new MemoryStorage();
    const written: unknown[] = [];
    const set = storage.set.bind(storage);
    storage.set = async (key, value) => {
      written.push(value);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return set(key, value);
    };
    const persistence = createPersistence(storage, 's');
    const saves = Array.from({ length: 100 }, (_, index) =>
      persistence.save('cursor', String(index).padStart(4, '0')),
    );
    await Promise.all(saves);
    expect(written).toEqual(['0000', '0099']);
    expect(await persistence.load('cursor')).toBe('0099');
    // Later saves write again.
    await persistence.save('cursor', '0100');
    expect(await persistence.load('cursor')).toBe('0100');
  });
});
