import type { StoredBytes, UploadBytes } from '../../upload-bytes.js';
import type { PostgresRunner } from './postgres-connection.js';

/**
 * Upload bytes in the database (`upload_bytes`), so that servers keep no files of their own: any of them
 * serves any upload, and a backup of the database holds everything. Files are small (a site's limit, 10 MiB
 * in the demo), so they are read whole.
 */
export class PostgresUploadBytes implements UploadBytes {
  constructor(private readonly run: PostgresRunner) {}

  async write(id: string, bytes: Uint8Array): Promise<void> {
    await this.run.run('INSERT INTO upload_bytes (id, bytes) VALUES ($1, $2)', [id, Buffer.from(bytes)]);
  }

  async read(id: string): Promise<StoredBytes | undefined> {
    const row = await this.run.row<{ bytes: Buffer }>('SELECT bytes FROM upload_bytes WHERE id = $1', [id]);
    if (!row) return undefined;
    const bytes = new Uint8Array(row.bytes);
    return { size: bytes.length, stream: () => new Blob([bytes]).stream() };
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.run.run('DELETE FROM upload_bytes WHERE id = ANY($1::text[])', [ids]);
  }
}
