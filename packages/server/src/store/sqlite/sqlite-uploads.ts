import type { UploadRepository } from '../chat-store.js';
import type { StoredUpload } from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';

/** The `uploads` table on SQLite. */
export class SqliteUploads implements UploadRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
  ) {}

  insert(upload: StoredUpload): Promise<StoredUpload> {
    return this.run(() => {
      this.connection
        .sql(
          'INSERT INTO uploads (id, site_key, owner, name, size, mime, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          upload.id,
          upload.siteKey,
          upload.owner,
          upload.name,
          upload.size,
          upload.mime,
          this.connection.now(),
        );
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
}
