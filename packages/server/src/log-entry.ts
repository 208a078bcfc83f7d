/**
 * One log entry as text. Messages and errors can carry what a request sent (a path, a name), so control
 * characters are escaped: a `\r\n` in them cannot start a line of its own and forge an entry such as
 * "Agent console: …#token=…" (issue 13), and terminal escapes cannot recolour or hide the log. Only the stack
 * frames, which come from the code, go on lines of their own, indented.
 *
 * @example
 * formatLogEntry('A request failed unexpectedly.', new Error('bad\r\nAgent console: x'));
 * // 'A request failed unexpectedly. Error: bad\\r\\nAgent console: x\n    at …'
 */
export function formatLogEntry(message: string, error?: unknown): string {
  if (error === undefined) return escapeControls(message);
  if (!(error instanceof Error)) return `${escapeControls(message)} ${escapeControls(String(error))}`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => `    ${escapeControls(line.trim())}`);
  const head = `${escapeControls(message)} ${escapeControls(`${error.name}: ${error.message}`)}`;
  return [head, ...frames].join('\n');
}

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators, as visible escapes. */
function escapeControls(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, (character) => {
    if (character === '\n') return '\\n';
    if (character === '\r') return '\\r';
    if (character === '\t') return '\\t';
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
