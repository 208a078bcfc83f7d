import type { UploadRepository } from '../chat-store.js';
import type { StoredUpload, UploadUsage } from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';

/** The `uploads` table on SQLite. */
export class SqliteUploads implements UploadRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
  ) {}

  insert(upload: StoredUpload, createdAt: string): Promise<StoredUpload> {
    return this.run(() => {
      this.connection
        .sql(
          'INSERT INTO uploads (id, site_key, owner, name, size, mime, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(upload.id, upload.siteKey, upload.owner, upload.name, upload.size, upload.mime, createdAt);
      return upload;
    });
  }

  get(id: string): Promise<StoredUpload | undefined> {
    return this.run(() => {
      const row = this.connection
        .sql('SELECT id, site_key, owner, name, size, mime FROM uploads WHERE id = ?')
        .get(id) as
        | { id: string; site_key: string; owner: string; name: string; size: number; mime: string }
        | undefined;
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
    });
  }

  usage(owner: string, since: string): Promise<UploadUsage> {
    return this.run(() => {
      const row = this.connection
        .sql(
          `SELECT COUNT(*) AS files, COALESCE(SUM(size), 0) AS bytes, MIN(created_at) AS oldest
             FROM uploads WHERE owner = ? AND created_at > ?`,
        )
        .get(owner, since) as { files: number; bytes: number; oldest: string | null };
      const usage: UploadUsage = { files: row.files, bytes: row.bytes };
      if (row.oldest !== null) usage.oldestAt = row.oldest;
      return usage;
    });
  }

  markAttached(ids: string[], at: string): Promise<void> {
    return this.run(() => {
      const statement = this.connection.sql(
        'UPDATE uploads SET attached_at = ? WHERE id = ? AND attached_at IS NULL',
      );
      for (const id of ids) statement.run(at, id);
    });
  }

  deleteUnattached(createdBefore: string): Promise<string[]> {
    return this.run(() => {
      const rows = this.connection
        .sql('DELETE FROM uploads WHERE attached_at IS NULL AND created_at < ? RETURNING id')
        .all(createdBefore) as { id: string }[];
      return rows.map((row) => row.id);
    });
  }

  delete(id: string): Promise<void> {
    return this.run(() => {
      this.connection.sql('DELETE FROM uploads WHERE id = ?').run(id);
    });
  }
}
