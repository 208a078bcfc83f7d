import { describe, expect, it } from 'vitest';
import { MemoryStorage } from './memory-storage.js';
import { createPersistence } from './persistence.js';
import { initialState, reducer } from './reducer.js';

describe('persistence', () => {
  it('coalesces saves of one key made while a write waits into that write, with the newest value', async () => {
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
    expect(written).toEqual(['0099']);
    expect(await persistence.load('cursor')).toBe('0099');
    // A save while a write is in flight waits for it, then writes again.
    const first = persistence.save('cursor', '0100');
    await new Promise((resolve) => setTimeout(resolve, 1));
    const second = persistence.save('cursor', '0101');
    const third = persistence.save('cursor', '0102');
    await Promise.all([first, second, third]);
    expect(written).toEqual(['0099', '0100', '0102']);
    expect(await persistence.load('cursor')).toBe('0102');
  });
  it('stores the history of a conversation named __proto__ like any other (issue 13, item 10)', async () => {
    const storage = new MemoryStorage();
    const persistence = createPersistence(storage, 's');
    const message = {
      id: 'm1',
      conversationId: '__proto__',
      seq: 1,
      author: { role: 'agent' as const, id: 'a1' },
      type: 'text' as const,
      text: 'Halo',
      createdAt: '2026-01-01T00:00:00Z',
    };
    const before = initialState();
    const state = reducer(before, {
      type: 'messages',
      conversationId: '__proto__',
      messages: [message],
      hasMore: true,
    });
    persistence.onChange(state, before);
    await persistence.flush();
    const stored = await persistence.load('state');
    expect(Object.hasOwn(stored?.messages ?? {}, '__proto__')).toBe(true);
    // Read through a variable: `.__proto__` would read the prototype, not the property.
    const key = message.conversationId;
    expect(stored?.messages[key]).toEqual([message]);
    expect(stored?.hasMore[key]).toBe(true);
  });
});
