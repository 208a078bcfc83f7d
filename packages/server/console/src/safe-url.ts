/**
 * Returns an absolute http(s) URL for `value`, or undefined for anything else (javascript:, data:,
 * malformed). Relative URLs resolve against `base`, e.g. upload URLs the server hands out.
 */
export function safeHttpUrl(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
