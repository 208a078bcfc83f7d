import { describe, expect, it } from 'vitest';
import { agent, bot, textMessage, visitor } from '../components/fixtures.js';
import { firstUnansweredMessage } from './first-unanswered-message.js';

describe('firstUnansweredMessage', () => {
  it('is the visitor’s first message since the team last wrote; the bot does not count as the team', () => {
    const question = textMessage(2, visitor, 'Paket saya belum sampai', undefined, {
      clientMessageId: 'c-2',
    });
    expect(
      firstUnansweredMessage([
        textMessage(1, bot, 'Halo!'),
        question,
        textMessage(3, bot, 'Boleh nomor pesanannya?'),
        textMessage(4, visitor, 'INV-7', undefined, { clientMessageId: 'c-4' }),
      ]),
    ).toBe('c-2');
  });

  it('starts again after an agent’s answer, and is keyed by id without a clientMessageId', () => {
    expect(
      firstUnansweredMessage([
        textMessage(1, visitor, 'Halo'),
        textMessage(2, agent, 'Halo, Kak'),
        textMessage(3, visitor, 'Satu lagi'),
      ]),
    ).toBe('message-3');
  });

  it('is nothing when the visitor has not written since', () => {
    expect(firstUnansweredMessage([])).toBeUndefined();
    expect(
      firstUnansweredMessage([textMessage(1, visitor, 'Halo'), textMessage(2, agent, 'Halo, Kak')]),
    ).toBe(undefined);
  });
});
