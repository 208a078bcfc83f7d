import { type SseFrame, SseParser } from '../sse-parser.js';

/**
 * Reads frames from a `text/event-stream` body with a deadline per wait, for the conformance kit: the parsing is
 * {@link SseParser}'s (the one parser of the protocol package); this adds waiting for the next frame without ever
 * losing a read that was still under way when a deadline passed.
 */
export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly parser = new SseParser((frame) => this.ready.push(frame));
  private readonly ready: SseFrame[] = [];
  private pendingRead: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  private ended = false;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** The next frame, or undefined when the stream ended or nothing arrived before `deadline` (epoch ms). */
  async next(deadline: number): Promise<SseFrame | undefined> {
    while (this.ready.length === 0) {
      if (this.ended) return undefined;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return undefined;
      this.pendingRead ??= this.reader.read();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), remaining);
      });
      const result = await Promise.race([this.pendingRead, timeout]).finally(() => clearTimeout(timer));
      if (result === 'timeout') return undefined;
      // The read finished: the next call must start a new one.
      this.pendingRead = undefined;
      // An event the stream ended in the middle of is never dispatched (the parser keeps it back).
      if (result.done) this.ended = true;
      else this.parser.push(result.value);
    }
    return this.ready.shift();
  }

  /** Stops reading and releases the connection. */
  async close(): Promise<void> {
    this.ended = true;
    await this.reader.cancel().catch(() => undefined);
  }
}
