import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Attachment, UploadLimits } from '@sapa/protocol';
import { newId } from '../ids.js';
import { ProblemError } from '../problem.js';
import type { ChatStore } from '../store/chat-store.js';
import { type StoredUpload, toAttachment } from '../store/records.js';
import type { SiteDirectory } from './site-directory.js';

/** A stored file found for serving. */
export interface UploadFile {
  upload: StoredUpload;
  /** Where its bytes are on disk. */
  path: string;
  size: number;
}

/** Uploads: the bytes in a folder on disk under the upload's id, the row (owner, name, type) in the store. */
export class UploadService {
  constructor(
    private readonly store: ChatStore,
    private readonly sites: SiteDirectory,
    /** Folder the bytes are written to. */
    private readonly folder: string,
  ) {}

  /** What a site accepts. @throws {ProblemError} 404 for an unknown site */
  limits(siteKey: string): UploadLimits {
    return this.sites.site(siteKey).upload;
  }

  /** Stores a file already checked against the site's limits; returns it as an attachment. */
  async save(
    siteKey: string,
    owner: string,
    file: { name: string; mime: string; bytes: Uint8Array },
  ): Promise<Attachment> {
    // Bytes first, row second: a failed write leaves no upload that points at nothing.
    const id = newId('f');
    await mkdir(this.folder, { recursive: true });
    await writeFile(join(this.folder, id), file.bytes);
    const upload = await this.store.uploads.insert({
      id,
      siteKey,
      owner,
      name: file.name,
      size: file.bytes.length,
      mime: file.mime,
    });
    return toAttachment(upload, this.store.publicUrl);
  }

  /** A stored file by id. @throws {ProblemError} 404 when there is no such upload or its bytes are gone */
  async find(id: string): Promise<UploadFile> {
    const upload = await this.store.uploads.get(id);
    const path = upload && join(this.folder, upload.id);
    const size = path
      ? await stat(path).then(
          (info) => info.size,
          () => undefined,
        )
      : undefined;
    if (!upload || !path || size === undefined) throw new ProblemError('not_found', 'No such file.');
    return { upload, path, size };
  }
}
