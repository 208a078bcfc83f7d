import { type Attachment, FILENAME_HEADER, type Problem } from '@sapa/protocol';
import { parseRetryAfter } from './backoff.js';
import { AbortedError, HttpError, isRetryableStatus, NetworkError, ProtocolError } from './errors.js';
import type { FileInput } from './types.js';

export interface UploadRequest {
  /** `${apiUrl}/v1`. */
  baseUrl: string;
  token: string;
  file: FileInput;
  fetch: typeof fetch;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Name, MIME type and size of any {@link FileInput}. */
export function describeFile(file: FileInput): { name: string; type: string; size: number } {
  if ('data' in file) return { name: file.name, type: file.type, size: file.data.byteLength };
  const name = (file as Blob & { name?: string }).name ?? 'file';
  return { name, type: file.type || 'application/octet-stream', size: file.size };
}

/**
 * `POST /v1/uploads`, one attempt. Uses XMLHttpRequest where it exists, because only its `upload.onprogress`
 * reports bytes sent; fetch (Node, workers) reports 0 then 1.
 */
export function uploadFile(request: UploadRequest): Promise<Attachment> {
  if (request.signal?.aborted) return Promise.reject(new AbortedError('The upload was cancelled.'));
  const XhrConstructor = (globalThis as { XMLHttpRequest?: typeof XMLHttpRequest }).XMLHttpRequest;
  return XhrConstructor ? uploadWithXhr(request, XhrConstructor) : uploadWithFetch(request);
}

function uploadHeaders(request: UploadRequest): Record<string, string> {
  const { name, type } = describeFile(request.file);
  return {
    Authorization: `Bearer ${request.token}`,
    'Content-Type': type || 'application/octet-stream',
    [FILENAME_HEADER]: encodeURIComponent(name),
  };
}

function bodyOf(file: FileInput): Blob | Uint8Array {
  if ('data' in file) return file.data instanceof Uint8Array ? file.data : new Uint8Array(file.data);
  return file;
}

async function uploadWithFetch(request: UploadRequest): Promise<Attachment> {
  request.onProgress?.(0);
  let response: Response;
  try {
    response = await request.fetch(`${request.baseUrl}/uploads`, {
      method: 'POST',
      headers: uploadHeaders(request),
      body: bodyOf(request.file) as BodyInit,
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal?.aborted) throw new AbortedError('The upload was cancelled.');
    throw new NetworkError('The file upload got no answer from the chat server.', { cause: error });
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw errorFromStatus(response.status, text, response.headers.get('Retry-After'));
  request.onProgress?.(1);
  return parseAttachment(text);
}

function uploadWithXhr(request: UploadRequest, XhrConstructor: typeof XMLHttpRequest): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XhrConstructor();
    xhr.open('POST', `${request.baseUrl}/uploads`);
    for (const [name, value] of Object.entries(uploadHeaders(request))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        request.onProgress?.(Math.min(1, event.loaded / event.total));
    };
    const onAbort = () => xhr.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanUp = () => request.signal?.removeEventListener('abort', onAbort);
    xhr.onload = () => {
      cleanUp();
      if (xhr.status >= 200 && xhr.status < 300) {
        request.onProgress?.(1);
        try {
          resolve(parseAttachment(xhr.responseText));
        } catch (error) {
          reject(error);
        }
      } else reject(errorFromStatus(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After')));
    };
    xhr.onerror = () => {
      cleanUp();
      reject(new NetworkError('The file upload got no answer from the chat server.'));
    };
    xhr.onabort = () => {
      cleanUp();
      reject(new AbortedError('The upload was cancelled.'));
    };
    request.onProgress?.(0);
    xhr.send(bodyOf(request.file) as XMLHttpRequestBodyInit);
  });
}

function errorFromStatus(status: number, text: string, retryAfter: string | null): HttpError {
  let problem: Problem | undefined;
  try {
    problem = JSON.parse(text) as Problem;
  } catch {
    problem = undefined;
  }
  const detail = problem?.detail ?? problem?.title;
  return new HttpError(
    status,
    `The chat server refused the upload with ${status}${detail ? `: ${detail}` : '.'}`,
    {
      problem,
      retryable: isRetryableStatus(status),
      retryAfterMs: parseRetryAfter(retryAfter),
    },
  );
}

function parseAttachment(text: string): Attachment {
  try {
    const attachment = JSON.parse(text) as Attachment;
    if (typeof attachment.id === 'string') return attachment;
  } catch {
    // Reported below.
  }
  throw new ProtocolError('The upload answer is not an attachment.', text.slice(0, 200));
}

/** Whether `mime` is allowed by `accept` (exact types and `type/*` patterns). */
export function acceptsMime(accept: readonly string[], mime: string): boolean {
  if (accept.length === 0) return true;
  const lower = mime.toLowerCase();
  return accept.some((pattern) => {
    const candidate = pattern.toLowerCase().trim();
    if (candidate === '*/*' || candidate === lower) return true;
    return candidate.endsWith('/*') && lower.startsWith(candidate.slice(0, -1));
  });
}
