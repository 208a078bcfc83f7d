/**
 * Whether a file's MIME type is inside an `upload.accept` list (docs/protocol.md, "Uploads"): exact types and
 * `type/*` patterns and the wildcard of every type, compared without case and without parameters
 * (`text/plain;charset=utf-8` is `text/plain`). An empty type and an empty list accept nothing. The SDK checks a
 * file with it before uploading, the reference server before storing, and the conformance kit to choose its samples,
 * so the three agree on every type.
 *
 * @example
 * acceptsMime(['image/*', 'application/pdf'], 'image/PNG'); // true
 */
export function acceptsMime(accept: readonly string[], mime: string): boolean {
  const type = mime.split(';')[0]?.trim().toLowerCase();
  return (
    !!type &&
    accept.some((entry) => {
      const pattern = entry.trim().toLowerCase();
      return (
        pattern === '*/*' ||
        pattern === type ||
        (pattern.endsWith('/*') && type.startsWith(pattern.slice(0, -1)))
      );
    })
  );
}
