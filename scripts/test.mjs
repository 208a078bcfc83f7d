#!/usr/bin/env node
// `npm test`: lint, type checks, build, then every Vitest project (unit, components, stories,
// integration against a real sapa-server on SQLite and on PostgreSQL, end-to-end in Chromium). Fails,
// never skips, when a Chromium or PostgreSQL cannot be found.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';
import { hasPostgres } from './postgres-cluster.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (label, command, args, env = {}) => {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
};
const fail = (message) => {
  console.error(`\n✖ ${message}`);
  process.exit(1);
};

/** Installs a Debian package when run as root where apt-get is (CI, a fresh container); false otherwise. */
let updated = false;
const installDebianPackage = (name, missing) => {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false;
  console.log(`No ${missing} found; installing Debian’s ${name} package…`);
  if (!updated) run('apt-get update', 'apt-get', ['update', '-qq']);
  updated = true;
  run(`apt-get install ${name}`, 'apt-get', ['install', '-y', '-qq', name], {
    DEBIAN_FRONTEND: 'noninteractive',
  });
  return true;
};

let chromium = findChromium();
if (!chromium && installDebianPackage('chromium', 'Chromium')) chromium = findChromium();
if (!chromium) {
  fail(
    'Browser tests need Chromium. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to its binary.',
  );
}
// The server suite runs on PostgreSQL too, on a throwaway cluster made with initdb.
if (!hasPostgres()) installDebianPackage('postgresql', 'PostgreSQL (initdb)');
if (!hasPostgres()) {
  fail(
    'The server-postgres tests need PostgreSQL. Install it (Debian: apt-get install postgresql) or set SAPA_PG_BIN to the folder of its initdb.',
  );
}

if (run('lint (biome)', 'npx', ['biome', 'check', '.']) !== 0) fail('Lint failed.');
if (run('type check (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0)
  fail('Type check failed.');
if (run('build', 'npm', ['run', 'build']) !== 0) fail('Build failed.');
// The static Storybook is what designers review and what `npm start` serves at /storybook/.
if (run('build Storybook', 'npm', ['run', 'build-storybook']) !== 0) fail('Storybook build failed.');

mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results', 'vitest.json');
const status = run(
  'tests (vitest)',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  { CHROMIUM_PATH: chromium },
);
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\n${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`);
  if (status === 0 && numPassedTests === 0) fail('No test ran.');
}
process.exit(status);
