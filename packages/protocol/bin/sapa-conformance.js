#!/usr/bin/env node
// The `sapa-conformance` command. npm links a package's bin into node_modules/.bin only when the file exists at install
// time, and dist/ is built after the install (`npm start`, `npm test`, `npm run build`): this committed file is
// the bin, so `npx sapa-conformance` works on a fresh clone, and it runs the build.
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin/sapa-conformance.js', import.meta.url);
if (!existsSync(built)) {
  console.error(
    'sapa-conformance is not built yet: run `npm run build` (or `npm start`) in the repository first.',
  );
  process.exit(1);
}
await import(built.href);
