#!/usr/bin/env node
// `npm test`: lint, type checks, build, then every Vitest project (unit, components, stories,
// integration against a real sapa-server, end-to-end in Chromium). Fails, never skips, when a
// Chromium cannot be found.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';

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

let chromium = findChromium();
if (!chromium && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found; installing Debian’s chromium package…');
  run('apt-get update', 'apt-get', ['update', '-qq']);
  run('apt-get install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'], {
    DEBIAN_FRONTEND: 'noninteractive',
  });
  chromium = findChromium();
}
if (!chromium) {
  fail(
    'Browser tests need Chromium. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to its binary.',
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
