/** The protocol asks for at most one typing request every 3 s. */
export const TYPING_INTERVAL_MS = 3_000;
/** After this long without a keystroke the agent counts as no longer typing. */
export const TYPING_IDLE_MS = 5_000;

/**
 * Turns keystrokes into typing requests: `typing: true` at most once every 3 s while the agent types,
 * `typing: false` once when they send, clear the text or pause.
 *
 * @example
 * const typing = new TypingNotifier((typing) => api.setTyping(conversationId, typing));
 * textarea.oninput = () => typing.input(textarea.value !== '');
 */
export class TypingNotifier {
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private typing = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A keystroke; `hasText` is whether the composer still holds text. */
  input(hasText: boolean): void {
    if (!hasText) {
      this.stop();
      return;
    }
    const now = this.now();
    if (!this.typing || now - this.lastSentAt >= TYPING_INTERVAL_MS) {
      this.typing = true;
      this.lastSentAt = now;
      this.send(true);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  /** The agent sent, cleared or left: say so once. */
  stop(): void {
    clearTimeout(this.idleTimer);
    if (!this.typing) return;
    this.typing = false;
    this.send(false);
  }
}
