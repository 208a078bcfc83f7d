/** One event as the text/event-stream format delivers it. */
export interface ServerSentEvent {
  /** `message` when the stream names no type. */
  type: string;
  data: string;
  id?: string;
}

/**
 * Incremental parser of the text/event-stream format (HTML Living Standard, "Interpreting an event
 * stream"). Chunks may split lines and even CR LF pairs anywhere, so it keeps the unfinished tail.
 *
 * @example
 * const parser = new SseParser((event) => console.log(event.type, event.data));
 * parser.push('event: typing\ndata: {}\n\n');
 */
export class SseParser {
  private buffer = '';
  private eventType = '';
  private dataLines: string[] = [];
  private eventId: string | undefined;
  /** A chunk ended in CR: a following LF belongs to the same line break. */
  private pendingCarriageReturn = false;

  constructor(private readonly onEvent: (event: ServerSentEvent) => void) {}

  /** Feeds decoded text; complete events are delivered synchronously. */
  push(chunk: string): void {
    let text = chunk;
    if (this.pendingCarriageReturn && text.startsWith('\n')) text = text.slice(1);
    this.pendingCarriageReturn = false;
    this.buffer += text;
    let start = 0;
    for (let index = 0; index < this.buffer.length; index++) {
      const character = this.buffer[index];
      if (character !== '\n' && character !== '\r') continue;
      this.processLine(this.buffer.slice(start, index));
      if (character === '\r') {
        if (index + 1 === this.buffer.length) this.pendingCarriageReturn = true;
        else if (this.buffer[index + 1] === '\n') index++;
      }
      start = index + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  private processLine(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return; // a comment, such as the heartbeat `: ping`
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventType = value;
    else if (field === 'data') this.dataLines.push(value);
    else if (field === 'id' && !value.includes('\0')) this.eventId = value;
  }

  private dispatch(): void {
    const hasData = this.dataLines.length > 0;
    const event: ServerSentEvent = { type: this.eventType || 'message', data: this.dataLines.join('\n') };
    if (this.eventId !== undefined) event.id = this.eventId;
    this.eventType = '';
    this.dataLines = [];
    // The standard drops an event without data lines; only its id survives.
    if (hasData) this.onEvent(event);
  }
}
