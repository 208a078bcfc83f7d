import pg from 'pg';

/** How long to wait before connecting again after the listening connection broke. */
const RECONNECT_DELAY_MS = 500;

/**
 * One dedicated connection that `LISTEN`s on a channel (a pooled one would be handed to others) and hands each
 * notification's payload to `onPayload`, in the order PostgreSQL delivers them: commit order. When the
 * connection breaks it connects again; notifications sent meanwhile are lost, so `onReconnected` runs once it
 * listens again, for the caller to catch up.
 */
export class PostgresListener {
  private client: pg.Client | undefined;
  private closed = false;
  private reconnecting: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly onPayload: (payload: string) => void,
    private readonly onReconnected: () => void,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** Connects and listens; rejects when the first connection fails. */
  async start(): Promise<void> {
    this.client = await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnecting);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload !== undefined) this.onPayload(message.payload);
    });
    client.on('error', (error) => this.broken(client, error));
    client.on('end', () => this.broken(client));
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
    return client;
  }

  private broken(client: pg.Client, error?: unknown): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    this.log('The connection listening for other nodes broke; connecting again.', error);
    client.end().catch(() => {});
    const retry = () => {
      this.reconnecting = setTimeout(() => {
        if (this.closed) return;
        this.connect().then(
          (next) => {
            if (this.closed) {
              next.end().catch(() => {});
              return;
            }
            this.client = next;
            this.onReconnected();
          },
          () => retry(),
        );
      }, RECONNECT_DELAY_MS);
      this.reconnecting.unref();
    };
    retry();
  }
}
