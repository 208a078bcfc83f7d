import { ProblemError } from '../problem.js';
import type { Repositories } from '../store/chat-store.js';
import type { StoredUpload } from '../store/records.js';

/**
 * The uploads a send refers to, each of which the sender must own; they are marked as attached, so the sweep of
 * unattached uploads keeps them. Run it in the send's transaction. @throws {ProblemError} 400
 */
export async function ownedUploads(
  repositories: Repositories,
  attachmentIds: string[],
  owner: string,
): Promise<StoredUpload[]> {
  const uploads: StoredUpload[] = [];
  for (const id of attachmentIds) {
    const upload = await repositories.uploads.get(id);
    if (!upload || upload.owner !== owner) {
      throw new ProblemError('invalid_request', `No upload ${id} belongs to this sender.`);
    }
    uploads.push(upload);
  }
  await repositories.uploads.markAttached(attachmentIds, new Date().toISOString());
  return uploads;
}
