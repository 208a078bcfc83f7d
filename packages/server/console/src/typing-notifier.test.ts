import { afterEach, describe, expect, it, vi } from 'vitest';
import { TYPING_IDLE_MS, TypingNotifier } from './typing-notifier.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('TypingNotifier', () => {
  it('sends typing at most once every 3 s while the agent types, and stops once', () => {
    let now = 0;
    const sent: boolean[] = [];
    const typing = new TypingNotifier(
      (value) => sent.push(value),
      () => now,
    );
    typing.input(true);
    now = 1_000;
    typing.input(true);
    now = 2_999;
    typing.input(true);
    expect(sent).toEqual([true]);
    now = 3_000;
    typing.input(true);
    expect(sent).toEqual([true, true]);
    typing.input(false);
    typing.stop();
    expect(sent).toEqual([true, true, false]);
  });

  it('stops by itself when the agent pauses', () => {
    vi.useFakeTimers();
    const sent: boolean[] = [];
    const typing = new TypingNotifier((value) => sent.push(value));
    typing.input(true);
    vi.advanceTimersByTime(TYPING_IDLE_MS);
    expect(sent).toEqual([true, false]);
  });
});
