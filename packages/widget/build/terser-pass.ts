/**
 * A second minifier pass over the chat app's chunks and the loader: Terser after Oxc (Vite 8's minifier), for bytes a visitor
 * downloads (docs/decisions.md has the measurements). Oxc minifies in one pass; Terser with `passes: 2` finds
 * what the first pass's output still allows (inlined one-use functions, joined conditions, dropped returns).
 * Terser alone does worse than Oxc alone; the two together do best. Source maps, when the build writes them,
 * are chained through, so `scripts/measure-size.mjs` still attributes every byte.
 */
import { minify } from 'terser';
import type { Plugin } from 'vite';

/** Terser's options: its default compressor with two passes, nothing unsafe; ES modules, ES2022. */
export const TERSER_OPTIONS = {
  module: true,
  ecma: 2022,
  compress: { passes: 2 },
  format: { comments: false },
} as const;

/**
 * The Vite plugin: runs after the bundle is minified, on every JS chunk. `script: true` for a classic script
 * (the loader's IIFE), which Terser must not treat as a module (strict mode, a scope of its own).
 */
export function terserPass({ script = false } = {}): Plugin {
  return {
    name: 'sapa:terser-pass',
    apply: 'build',
    async generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const map = output.map;
        const result = await minify(output.code, {
          ...TERSER_OPTIONS,
          module: !script,
          ...(map ? { sourceMap: { content: JSON.stringify(map), asObject: true } } : {}),
        });
        if (result.code === undefined) throw new Error(`Terser returned nothing for ${output.fileName}.`);
        output.code = result.code;
        if (map && result.map) Object.assign(map, result.map);
      }
    },
  };
}
