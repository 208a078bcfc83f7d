import { describe, expect, it } from 'vitest';
import type { OutgoingEvent } from '../src/event-hub.js';
import type { ChatStore } from '../src/store/chat-store.js';
import { startServices } from './service-fixture.js';

/** The store as an asynchronous database behaves: reading the replay takes a while. */
function slowReplay(store: ChatStore, delayMs: number): ChatStore {
  const events = store.events;
  return Object.assign(Object.create(store) as ChatStore, {
    events: {
      append: events.append.bind(events),
      latestPosition: events.latestPosition.bind(events),
      headPosition: events.headPosition.bind(events),
      after: async (visitorId: string, position: number) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return events.after(visitorId, position);
      },
    },
  });
}

describe('the visitor stream service', () => {
  it('delivers an event committed while the replay is read exactly once, after the replay', async () => {
    const { services, session, visitor, conversationId } = await startServices((store) =>
      slowReplay(store, 50),
    );
    await services.conversations.send(visitor, conversationId, 'one', { type: 'text', text: 'one' });
    const opening = services.visitorStream.open(visitor, session.cursor);
    // Lands while the replay is being read: it is in the replay and was also heard live.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await services.conversations.send(visitor, conversationId, 'two', { type: 'text', text: 'two' });
    const opened = await opening;
    const received: OutgoingEvent[] = [...opened.replay];
    const stop = opened.subscribe((event) => received.push(event));
    await services.conversations.send(visitor, conversationId, 'three', { type: 'text', text: 'three' });
    stop();
    const messages = received
      .filter((event) => event.type === 'message.created')
      .map((event) => JSON.parse(event.data).message.clientMessageId);
    expect(messages).toEqual(['one', 'two', 'three']);
    const cursors = received.map((event) => event.id ?? '');
    expect([...cursors].sort()).toEqual(cursors);
  });

  it('refuses a cursor older than the kept events (410) and one it never made (400)', async () => {
    const { services, visitor } = await startServices();
    await expect(services.visitorStream.open(visitor, 'abc')).rejects.toMatchObject({ status: 400 });
    await expect(services.visitorStream.open(visitor, '99999999')).rejects.toMatchObject({ status: 410 });
  });
});
