/** One thing read from an event stream. */
export type SseFrame =
  /** A dispatched event; `id` is this event's own `id` field, when it had a usable one. */
  | { kind: 'event'; event: string; data: string; id?: string }
  /** A comment line, such as the `: ping` heartbeat (the text after the colon and one space). */
  | { kind: 'comment'; text: string }
  /** A `retry` field: the reconnection time the server asks for. */
  | { kind: 'retry'; milliseconds: number };

/**
 * An incremental parser of `text/event-stream` bodies, after the WHATWG HTML Standard, "Interpreting an event
 * stream" (§9.2.6): one leading BOM is dropped; lines end with CRLF, LF or CR (a chunk may end between the CR and
 * the LF); a blank line dispatches the event; `data` lines join with LF; an event without `data` is dropped; the
 * type defaults to `message`; a field without a colon has an empty value; one space after the colon is removed;
 * an `id` containing NUL is ignored; `retry` counts only when it is all ASCII digits; unknown fields are ignored; an
 * event the stream ends in the middle of is never dispatched. Comments are passed on too, because the conformance
 * kit checks heartbeats and the console's watchdog is fed by them.
 *
 * One difference from an `EventSource`: `id` is the event's own field, not the "last event ID" that the standard
 * carries over to later events. A client that resumes keeps the last id it applied itself (the SDK's cursor), and
 * the conformance kit must see which events came without one.
 *
 * The SDK's stream does not use it: it reads through `@microsoft/fetch-event-source` (DESIGN.md).
 *
 * @example
 * const parser = new SseParser((frame) => {
 *   if (frame.kind === 'event') console.log(frame.event, frame.data);
 * });
 * for await (const chunk of response.body) parser.push(chunk);
 */
export class SseParser {
  // The BOM is dropped below, once, so that text and bytes are treated alike (a second BOM stays).
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private started = false;
  private buffer = '';
  /** The last chunk ended in CR: an LF at the start of the next one ends the same line. */
  private afterCarriageReturn = false;
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

  constructor(private readonly onFrame: (frame: SseFrame) => void) {}

  /** Feeds the next chunk, as bytes (UTF-8, split anywhere) or decoded text; frames are delivered synchronously. */
  push(chunk: Uint8Array | string): void {
    let text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (text === '') return;
    if (!this.started) {
      this.started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    if (this.afterCarriageReturn && text.startsWith('\n')) text = text.slice(1);
    this.afterCarriageReturn = false;
    const buffer = this.buffer + text;
    let start = 0;
    for (let index = 0; index < buffer.length; index++) {
      const character = buffer[index];
      if (character !== '\n' && character !== '\r') continue;
      this.line(buffer.slice(start, index));
      if (character === '\r') {
        if (index + 1 === buffer.length) this.afterCarriageReturn = true;
        else if (buffer[index + 1] === '\n') index++;
      }
      start = index + 1;
    }
    this.buffer = buffer.slice(start);
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (colon === 0) this.onFrame({ kind: 'comment', text: value });
    else if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value))
      this.onFrame({ kind: 'retry', milliseconds: Number(value) });
  }

  private dispatch(): void {
    if (this.data.length > 0) {
      this.onFrame({
        kind: 'event',
        event: this.event || 'message',
        data: this.data.join('\n'),
        ...(this.id ? { id: this.id } : {}),
      });
    }
    this.event = '';
    this.data = [];
    this.id = undefined;
  }
}
