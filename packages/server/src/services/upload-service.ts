import type { Attachment, UploadLimits } from '@sapa/protocol';
import { newId } from '../ids.js';
import { ProblemError } from '../problem.js';
import type { ChatStore } from '../store/chat-store.js';
import { type StoredUpload, toAttachment } from '../store/records.js';
import type { StoredBytes, UploadBytes } from '../upload-bytes.js';
import type { SiteDirectory } from './site-directory.js';

/** A stored file found for serving. */
export interface UploadFile {
  upload: StoredUpload;
  bytes: StoredBytes;
}

/** How much one visitor may upload within a sliding window (issue 13). */
export interface UploadQuota {
  files: number;
  bytes: number;
  windowMs: number;
}

/** 20 files and 50 MiB per visitor per hour: five files at the demo's 10 MiB limit, plenty of photos. */
export const DEFAULT_UPLOAD_QUOTA: UploadQuota = {
  files: 20,
  bytes: 50 * 1024 * 1024,
  windowMs: 60 * 60 * 1000,
};

/** An upload that no message uses is deleted after this long (files and rows). */
export const UNATTACHED_UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Uploads: the bytes under the upload's id (a folder on disk, or the database: {@link UploadBytes}), the row
 * (owner, name, type) in the store; a quota per visitor, and a sweep of uploads no message uses.
 */
export class UploadService {
  constructor(
    private readonly store: ChatStore,
    private readonly sites: SiteDirectory,
    /** Where the bytes are kept. */
    private readonly bytes: UploadBytes,
    private readonly quota: UploadQuota = DEFAULT_UPLOAD_QUOTA,
    private readonly clock: () => number = Date.now,
  ) {}

  /** What a site accepts. @throws {ProblemError} 404 for an unknown site */
  limits(siteKey: string): UploadLimits {
    return this.sites.site(siteKey).upload;
  }

  /**
   * Refuses an upload that would take a visitor over their quota, before its body is read when its size is
   * declared. @throws {ProblemError} 429 with Retry-After
   */
  async checkQuota(owner: string, incomingBytes = 0): Promise<void> {
    const since = new Date(this.clock() - this.quota.windowMs).toISOString();
    const usage = await this.store.uploads.usage(owner, since);
    this.refuseOverQuota(usage, incomingBytes);
  }

  /**
   * Stores a file already checked against the site's limits; returns it as an attachment. With `quota`, the
   * owner's quota is checked again in the transaction that records it, so parallel uploads cannot pass it
   * together. Nothing is left behind when it fails: neither the bytes nor the row.
   */
  async save(
    siteKey: string,
    owner: string,
    file: { name: string; mime: string; bytes: Uint8Array },
    options: { quota: boolean },
  ): Promise<Attachment> {
    const upload: StoredUpload = {
      id: newId('f'),
      siteKey,
      owner,
      name: file.name,
      size: file.bytes.length,
      mime: file.mime,
    };
    // Bytes first, row second: a failed write leaves no upload that points at nothing.
    try {
      await this.bytes.write(upload.id, file.bytes);
      const now = this.clock();
      await this.store.transaction(async (transaction) => {
        if (options.quota) {
          const since = new Date(now - this.quota.windowMs).toISOString();
          this.refuseOverQuota(await transaction.uploads.usage(owner, since), upload.size);
        }
        await transaction.uploads.insert(upload, new Date(now).toISOString());
      });
    } catch (error) {
      await this.bytes.delete([upload.id]);
      throw error;
    }
    return toAttachment(upload, this.store.publicUrl);
  }

  /** A stored file by id. @throws {ProblemError} 404 when there is no such upload or its bytes are gone */
  async find(id: string): Promise<UploadFile> {
    const upload = await this.store.uploads.get(id);
    const bytes = upload && (await this.bytes.read(upload.id));
    if (!upload || !bytes) throw new ProblemError('not_found', 'No such file.');
    return { upload, bytes };
  }

  /**
   * Deletes the uploads that no message used within a day of their upload: rows first (so nothing can attach
   * them any more), then their bytes. Returns how many.
   */
  async sweepUnattached(): Promise<number> {
    const before = new Date(this.clock() - UNATTACHED_UPLOAD_LIFETIME_MS).toISOString();
    const ids = await this.store.uploads.deleteUnattached(before);
    await this.bytes.delete(ids);
    return ids.length;
  }

  private refuseOverQuota(usage: { files: number; bytes: number; oldestAt?: string }, incomingBytes: number) {
    const { files, bytes, windowMs } = this.quota;
    if (usage.files + 1 <= files && usage.bytes + incomingBytes <= bytes) return;
    const freesAt = usage.oldestAt ? Date.parse(usage.oldestAt) + windowMs : this.clock() + windowMs;
    const retryAfterSeconds = Math.max(1, Math.ceil((freesAt - this.clock()) / 1000));
    throw new ProblemError(
      'rate_limited',
      `The upload quota is ${files} files and ${bytes} bytes per visitor per ${windowMs / 60_000} minutes; ` +
        `${usage.files} files and ${usage.bytes} bytes were uploaded in that time. Try again in ${retryAfterSeconds} s.`,
      retryAfterSeconds,
    );
  }
}
