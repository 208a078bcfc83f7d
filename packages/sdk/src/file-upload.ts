import type { FileInput } from './types.js';

/** Whether `upload.accept` allows a type: the same rule as the backend's (`@sapa/protocol`). */
export { acceptsMime } from '@sapa/protocol';

/** Name, MIME type and size of any {@link FileInput}. */
export function describeFile(file: FileInput): { name: string; type: string; size: number } {
  const { name = 'file', type } = file as { name?: string; type: string };
  return {
    name,
    type: type || 'application/octet-stream',
    size: 'data' in file ? file.data.byteLength : file.size,
  };
}

/** The bytes of any {@link FileInput}, as a request body. */
export function fileBody(file: FileInput): BodyInit {
  return 'data' in file ? (file.data as BodyInit) : file;
}

/**
 * A fetch for uploads that reports progress from 0 to 1. It uses XMLHttpRequest where it exists, because only its
 * `upload.onprogress` reports bytes sent; with fetch (Node, workers) progress goes from 0 to 1 at the answer.
 */
export function progressFetch(
  fetch: typeof globalThis.fetch,
  onProgress: (fraction: number) => void,
): typeof fetch {
  const Xhr = globalThis.XMLHttpRequest;
  return async (url, init = {}) => {
    init.signal?.throwIfAborted();
    onProgress(0);
    const response = Xhr
      ? await new Promise<Response>((resolve, reject) => {
          const xhr = new Xhr();
          xhr.open(init.method as string, url as string);
          for (const [name, value] of Object.entries(init.headers as Record<string, string>))
            xhr.setRequestHeader(name, value);
          xhr.upload.onprogress = (event) => {
            if (event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
          };
          init.signal?.addEventListener('abort', () => xhr.abort());
          xhr.onload = () =>
            resolve({
              ok: xhr.status < 300,
              status: xhr.status,
              headers: { get: (name: string) => xhr.getResponseHeader(name) },
              text: async () => xhr.responseText,
            } as Response);
          xhr.onerror = xhr.onabort = () => reject(new TypeError('The upload failed.'));
          xhr.send(init.body as XMLHttpRequestBodyInit);
        })
      : await fetch(url, init);
    if (response.ok) onProgress(1);
    return response;
  };
}
