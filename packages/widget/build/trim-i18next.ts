/**
 * A build plugin that leaves out of the chat download the methods of i18next's API the widget never calls
 * (docs/decisions.md), as `quiet-i18next.ts` leaves out its debug-only messages.
 *
 * The app creates its own instances (`createInstance`, `init`, `t`, `changeLanguage`, `addResourceBundle`,
 * `addResources`, `on`, `language`, `store`: create-i18n.ts) and never hands one to the page, so nothing can call
 * the rest of the instance's API: cloning an instance, a fixed `t` per language or namespace, text direction,
 * hydrating, loading languages or namespaces through a backend (the widget has none), `exists`, sending missing
 * keys to a backend. A bundler keeps class methods whether called or not; these are ≈ 1,000 B brotli of the
 * chat download. Everything the widget uses, and all i18next does inside, stays: interpolation, plurals,
 * nesting, context, formatters, fallbacks, events. Only the app's build applies this; the npm build
 * (`--mode lib`) leaves i18next out and imports it whole.
 *
 * The module's source is parsed, not matched by patterns, and the build fails when a method is not where this
 * was written against, or when what is left names one of them a different number of times than looked at (a
 * new release that calls one of them inside is looked at again, not trimmed blindly).
 */
import { type Plugin, parseAst } from 'vite';

/** The methods left out, per class of i18next 26.7.2 (dist/esm/i18next.js). */
export const I18NEXT_UNUSED_METHODS: Record<string, readonly string[]> = {
  I18n: [
    'cloneInstance',
    'dir',
    'exists',
    'getFixedT',
    'hydrate',
    'loadLanguages',
    'loadNamespaces',
    'setDefaultNamespace',
    'toJSON',
  ],
  Translator: ['exists'],
  Connector: ['saveMissing'],
};

/**
 * How often what is left names each method (`x.name`), all looked at: the module's named exports read them off
 * the default instance (`const dir = instance.dir;`; the widget imports only the default export, and those
 * exports are dropped), and the translator calls `saveMissing` only after `this.backendConnector?.saveMissing`
 * found it (and only with the `saveMissing` option, which also names it).
 */
export const I18NEXT_REFERENCES_LEFT: Record<string, number> = {
  cloneInstance: 0,
  dir: 1,
  exists: 1,
  getFixedT: 1,
  hydrate: 0,
  loadLanguages: 1,
  loadNamespaces: 1,
  setDefaultNamespace: 1,
  toJSON: 0,
  saveMissing: 3,
};

interface Node {
  type: string;
  start: number;
  end: number;
  [field: string]: unknown;
}

const nameOf = (node: unknown): string | undefined =>
  (node as { name?: string } | undefined)?.name ?? undefined;

/**
 * The source without the methods of `unused` (class name → method names), and the methods it did not find.
 * Static methods are never removed.
 */
export function trimClassMethods(
  code: string,
  unused: Record<string, readonly string[]>,
): { code: string; missing: string[] } {
  const cuts: [number, number][] = [];
  const found = new Set<string>();
  for (const statement of parseAst(code).body as unknown as Node[]) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node) : statement;
    if (declaration?.type !== 'ClassDeclaration') continue;
    const className = nameOf(declaration.id) ?? '';
    const methods = unused[className];
    if (!methods) continue;
    for (const member of (declaration.body as { body: Node[] }).body) {
      const name = nameOf(member.key);
      if (member.type !== 'MethodDefinition' || member.static || !name || !methods.includes(name)) continue;
      found.add(`${className}.${name}`);
      cuts.push([member.start, member.end]);
    }
  }
  let result = code;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0]))
    result = result.slice(0, start) + result.slice(end);
  const missing = Object.entries(unused)
    .flatMap(([className, methods]) => methods.map((name) => `${className}.${name}`))
    .filter((method) => !found.has(method));
  return { code: result, missing };
}

/** How often `code` names `method` as a property (`x.method`, `x?.method`). */
export function referencesTo(code: string, method: string): number {
  return code.match(new RegExp(`\\.${method}\\b`, 'g'))?.length ?? 0;
}

/** i18next's module without {@link I18NEXT_UNUSED_METHODS}; throws when the release is not the one looked at. */
export function trimI18nextSource(code: string): string {
  const { code: trimmed, missing } = trimClassMethods(code, I18NEXT_UNUSED_METHODS);
  const unexpected = Object.entries(I18NEXT_REFERENCES_LEFT)
    .filter(([method, count]) => referencesTo(trimmed, method) !== count)
    .map(([method, count]) => `${method} (${referencesTo(trimmed, method)} references, not ${count})`);
  if (missing.length > 0 || unexpected.length > 0)
    throw new Error(
      `i18next is not the release build/trim-i18next.ts was written against: ${[
        ...missing.map((method) => `${method} not found`),
        ...unexpected,
      ].join(', ')}. Check its list against this release.`,
    );
  return trimmed;
}

/** The Vite plugin: applies {@link trimI18nextSource} to i18next's ES module. */
export function trimI18next(): Plugin {
  return {
    name: 'sapa:trim-i18next',
    transform: {
      filter: { id: /node_modules\/i18next\/dist\/esm\/i18next\.js$/ },
      handler(code) {
        return { code: trimI18nextSource(code), map: null };
      },
    },
  };
}
