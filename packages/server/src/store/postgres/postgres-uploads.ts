import type { UploadRepository } from '../chat-store.js';
import type { StoredUpload, UploadUsage } from '../records.js';
import { LOCKS, type PostgresRunner } from './postgres-connection.js';

/** The `uploads` table on PostgreSQL. */
export class PostgresUploads implements UploadRepository {
  constructor(private readonly run: PostgresRunner) {}

  async insert(upload: StoredUpload, createdAt: string): Promise<StoredUpload> {
    await this.run.run(
      'INSERT INTO uploads (id, site_key, owner, name, size, mime, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [upload.id, upload.siteKey, upload.owner, upload.name, upload.size, upload.mime, createdAt],
    );
    return upload;
  }

  async get(id: string): Promise<StoredUpload | undefined> {
    const row = await this.run.row<{
      id: string;
      site_key: string;
      owner: string;
      name: string;
      size: number;
      mime: string;
    }>('SELECT id, site_key, owner, name, size, mime FROM uploads WHERE id = $1', [id]);
    return (
      row && {
        id: row.id,
        siteKey: row.site_key,
        owner: row.owner,
        name: row.name,
        size: row.size,
        mime: row.mime,
      }
    );
  }

  async usage(owner: string, since: string): Promise<UploadUsage> {
    // In a transaction (an upload checking the quota before recording itself), the owner's lock is held until
    // it ends, so parallel uploads are counted one after the other and cannot pass the quota together.
    await this.run.lockInTransaction(LOCKS.uploadQuota, owner);
    const row = (await this.run.row<{ files: number; bytes: number; oldest: string | null }>(
      `SELECT COUNT(*) AS files, COALESCE(SUM(size), 0) AS bytes, MIN(created_at) AS oldest
         FROM uploads WHERE owner = $1 AND created_at > $2`,
      [owner, since],
    )) ?? { files: 0, bytes: 0, oldest: null };
    const usage: UploadUsage = { files: row.files, bytes: row.bytes };
    if (row.oldest !== null) usage.oldestAt = row.oldest;
    return usage;
  }

  async markAttached(ids: string[], at: string): Promise<void> {
    await this.run.run(
      'UPDATE uploads SET attached_at = $1 WHERE id = ANY($2::text[]) AND attached_at IS NULL',
      [at, ids],
    );
  }

  async deleteUnattached(createdBefore: string): Promise<string[]> {
    const rows = await this.run.rows<{ id: string }>(
      'DELETE FROM uploads WHERE attached_at IS NULL AND created_at < $1 RETURNING id',
      [createdBefore],
    );
    return rows.map((row) => row.id);
  }

  async delete(id: string): Promise<void> {
    await this.run.run('DELETE FROM uploads WHERE id = $1', [id]);
  }
}
