import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { StorageError } from './errors.js';
import { createGuardedStorage } from './guarded-storage.js';
import { openIndexedDbStorage } from './indexeddb-storage.js';
import { MemoryStorage } from './memory-storage.js';
import { createOutbox } from './outbox.js';
import { createPersistence } from './persistence.js';
import { initialState, reducer } from './reducer.js';
import type { StorageAdapter } from './types.js';

const item = (id: string, createdAt: string) => ({
  clientMessageId: id,
  conversationId: 'c1',
  body: { type: 'text' as const, text: id },
  createdAt,
});

describe('outbox', () => {
  test('one key per item in IndexedDB, listed oldest first, removed only when told', async () => {
    const storage = createGuardedStorage(await openIndexedDbStorage(), 'indexeddb', () => {});
    const outbox = createOutbox(storage, 'site-a');
    await outbox.put(item('b', '2026-01-01T00:00:02Z'));
    await outbox.put(item('a', '2026-01-01T00:00:01Z'));
    // Another site's outbox on the same origin stays apart.
    await createOutbox(storage, 'site-b').put(item('z', '2026-01-01T00:00:00Z'));
    expect((await outbox.list()).map((entry) => entry.clientMessageId)).toEqual(['a', 'b']);
    expect(await storage.keys()).toEqual(
      expect.arrayContaining(['site-a:outbox:a', 'site-a:outbox:b', 'site-b:outbox:z']),
    );
    await outbox.remove('a');
    expect((await outbox.list()).map((entry) => entry.clientMessageId)).toEqual(['b']);
  });

  test('a storage that throws synchronously falls back to memory and keeps working', async () => {
    const broken: StorageAdapter = {
      get: () => {
        throw new Error('SecurityError');
      },
      set: () => {
        throw new Error('SecurityError');
      },
      delete: () => Promise.reject(new Error('x')),
      keys: () => Promise.reject(new Error('x')),
      clear: () => Promise.reject(new Error('x')),
    };
    const fallbacks: StorageError[] = [];
    const storage = createGuardedStorage(broken, 'indexeddb', (error) => fallbacks.push(error));
    const outbox = createOutbox(storage, 's');
    await outbox.put(item('a', '2026-01-01T00:00:00Z'));
    expect(storage.kind).toBe('memory');
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toBeInstanceOf(StorageError);
    expect((await outbox.list()).map((entry) => entry.clientMessageId)).toEqual(['a']);
  });

  test('quota errors trim stored history but never touch the outbox', async () => {
    const memory = new MemoryStorage();
    let refuseBig = true;
    const quotaLimited: StorageAdapter = {
      get: (key) => memory.get(key),
      delete: (key) => memory.delete(key),
      keys: () => memory.keys(),
      clear: () => memory.clear(),
      set: async (key, value) => {
        if (refuseBig && JSON.stringify(value).length > 20_000) {
          throw new StorageError('quota', 'quota exceeded');
        }
        await memory.set(key, value);
      },
    };
    const storage = createGuardedStorage(quotaLimited, 'indexeddb', () => {});
    const outbox = createOutbox(storage, 's');
    await outbox.put(item('keep-me', '2026-01-01T00:00:00Z'));
    const persistence = createPersistence(storage, 's');
    let state = initialState();
    const messages = Array.from({ length: 200 }, (_, index) => ({
      id: `m${index + 1}`,
      conversationId: 'c1',
      seq: index + 1,
      author: { role: 'agent' as const, id: 'a' },
      type: 'text' as const,
      text: 'x'.repeat(100),
      createdAt: '2026-01-01T00:00:00Z',
    }));
    const next = reducer(state, { type: 'messages', conversationId: 'c1', messages });
    persistence.onChange(next, state);
    state = next;
    await persistence.flush();
    const slice = await persistence.load('state');
    expect(slice?.messages.c1?.length).toBe(20);
    expect(slice?.messages.c1?.at(-1)?.seq).toBe(200);
    expect(slice?.hasMore.c1).toBe(true);
    expect((await outbox.list()).map((entry) => entry.clientMessageId)).toEqual(['keep-me']);
    refuseBig = false;
  });

  test('a stored slice of an older schema is dropped', async () => {
    const storage = createGuardedStorage(new MemoryStorage(), 'memory', () => {});
    await storage.set('s:schema', 0);
    await storage.set('s:state', { old: true });
    await storage.set('s:outbox:x', item('x', '2026-01-01T00:00:00Z'));
    const persistence = createPersistence(storage, 's');
    await persistence.checkSchema();
    expect(await persistence.load('state')).toBeUndefined();
    expect(await createOutbox(storage, 's').list()).toHaveLength(1);
  });
});
