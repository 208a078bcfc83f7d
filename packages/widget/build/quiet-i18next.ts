/**
 * A build plugin that leaves i18next's debug messages out of the chat download (docs/decisions.md).
 *
 * i18next's logger prints `log`, `warn` and `deprecate` messages, and `once(key, level, …)`, only when the
 * instance was created with `debug: true` (`Logger.forward` returns before it reads them otherwise). The widget
 * never sets it, so those messages (≈ 4,500 characters of English sentences, ≈ 1,500 B brotli) are never shown,
 * yet every visitor downloads them. This plugin removes the messages from those calls and keeps the calls, so
 * what runs is unchanged: the same calls, returning the same `null`. `logger.error(…)` (printed always) and
 * thrown errors keep their text.
 *
 * The module's source is parsed (not matched by patterns), and the build fails when the count of calls differs
 * from the one this was written against: a new i18next release is looked at again, not trimmed blindly.
 */
import { type Plugin, parseAst } from 'vite';

/** Logger methods that print only in debug mode, and how many of their leading arguments to keep. */
const DEBUG_ONLY: Record<string, number> = { log: 0, warn: 0, deprecate: 0, once: 2 };

/** The calls i18next 26.7.2 makes to those methods (dist/esm/i18next.js). */
export const I18NEXT_DEBUG_CALLS = 39;

interface Node {
  type: string;
  start: number;
  end: number;
  [field: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** `this.logger.warn(…)`, `this.services.logger.warn(…)`, `baseLogger.deprecate(…)`: a logger's debug method. */
function debugCall(node: Node): { keep: number; args: Node[] } | undefined {
  if (node.type !== 'CallExpression' || !isNode(node.callee)) return undefined;
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || !isNode(callee.property)) return undefined;
  const method = callee.property.name as string;
  const keep = DEBUG_ONLY[method];
  if (keep === undefined || !isNode(callee.object)) return undefined;
  const target = callee.object;
  const named =
    (target.type === 'Identifier' && target.name === 'baseLogger') ||
    (target.type === 'MemberExpression' && isNode(target.property) && target.property.name === 'logger');
  return named ? { keep, args: node.arguments as Node[] } : undefined;
}

/** The source with the messages of every debug-only logger call removed, and how many calls it found. */
export function quietI18nextSource(code: string): { code: string; calls: number } {
  const cuts: [number, number][] = [];
  let calls = 0;
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value)) return;
    const call = debugCall(value);
    if (call) {
      calls++;
      const removed = call.args.slice(call.keep);
      const first = removed[0];
      const last = removed.at(-1);
      if (first && last)
        cuts.push([call.keep === 0 ? first.start : (call.args[call.keep - 1]?.end ?? first.start), last.end]);
    }
    for (const field in value) if (field !== 'type') visit(value[field]);
  };
  visit(parseAst(code));
  let result = code;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0]))
    result = result.slice(0, start) + result.slice(end);
  return { code: result, calls };
}

/** The Vite plugin: applies {@link quietI18nextSource} to i18next's ES module. */
export function quietI18next(): Plugin {
  return {
    name: 'sapa:quiet-i18next',
    transform: {
      filter: { id: /node_modules\/i18next\/dist\/esm\/i18next\.js$/ },
      handler(code) {
        const { code: quiet, calls } = quietI18nextSource(code);
        if (calls !== I18NEXT_DEBUG_CALLS)
          throw new Error(
            `i18next makes ${calls} debug-only logger calls, not ${I18NEXT_DEBUG_CALLS}: check build/quiet-i18next.ts against this release.`,
          );
        return { code: quiet, map: null };
      },
    },
  };
}
