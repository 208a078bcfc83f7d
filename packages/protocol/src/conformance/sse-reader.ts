/** One thing read from an event stream: an event, or a comment line (such as the `: ping` heartbeat). */
export type SseFrame =
  | { kind: 'event'; event: string; data: string; id?: string }
  | { kind: 'comment'; text: string };

/**
 * A small reader of `text/event-stream` bodies, after the WHATWG HTML "event stream interpretation" rules:
 * lines end with CRLF, LF or CR; `data` lines join with LF; a blank line ends an event; an event without data
 * is dropped; lines starting with `:` are comments (kept here, because the conformance kit checks heartbeats).
 * A field of an event is only seen once its blank line arrived, so a half-sent event never counts.
 */
export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly ready: SseFrame[] = [];
  private pendingRead: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  private ended = false;
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

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
      if (result.done) {
        this.ended = true;
        this.feed(`${this.decoder.decode()}`);
      } else {
        this.feed(this.decoder.decode(result.value, { stream: true }));
      }
    }
    return this.ready.shift();
  }

  /** Stops reading and releases the connection. */
  async close(): Promise<void> {
    this.ended = true;
    await this.reader.cancel().catch(() => undefined);
  }

  private feed(text: string): void {
    this.buffer += text;
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) return;
      // A lone CR at the very end may be the first half of CRLF: wait for more.
      if (match[0] === '\r' && match.index === this.buffer.length - 1 && !this.ended) return;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) {
        this.ready.push({
          kind: 'event',
          event: this.event || 'message',
          data: this.data.join('\n'),
          ...(this.id === undefined ? {} : { id: this.id }),
        });
      }
      this.event = '';
      this.data = [];
      this.id = undefined;
      return;
    }
    if (line.startsWith(':')) {
      this.ready.push({ kind: 'comment', text: line.slice(1).trim() });
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
  }
}
