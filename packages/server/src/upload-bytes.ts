import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';

/** An upload's stored bytes, found for serving. */
export interface StoredBytes {
  size: number;
  /** The bytes, read as the answer is sent. */
  stream(): ReadableStream<Uint8Array>;
}

/**
 * Where the bytes of uploads are kept, by upload id: a folder on disk beside the SQLite file
 * ({@link FolderUploadBytes}), or the database itself for PostgreSQL, so any number of servers share them.
 */
export interface UploadBytes {
  write(id: string, bytes: Uint8Array): Promise<void>;
  /** The bytes of an upload; undefined when they are gone. */
  read(id: string): Promise<StoredBytes | undefined>;
  /** Deletes the bytes of these uploads (those that are gone already are skipped). */
  delete(ids: string[]): Promise<void>;
}

/** Upload bytes in files named by upload id, in one folder (created on the first write). */
export class FolderUploadBytes implements UploadBytes {
  constructor(private readonly folder: string) {}

  async write(id: string, bytes: Uint8Array): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await writeFile(join(this.folder, id), bytes);
  }

  async read(id: string): Promise<StoredBytes | undefined> {
    const path = join(this.folder, id);
    const size = await stat(path).then(
      (info) => info.size,
      () => undefined,
    );
    if (size === undefined) return undefined;
    return { size, stream: () => Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array> };
  }

  async delete(ids: string[]): Promise<void> {
    for (const id of ids) await rm(join(this.folder, id), { force: true });
  }
}
