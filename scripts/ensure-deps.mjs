#!/usr/bin/env node
// Installs the workspace's dependencies when they are missing or older than package-lock.json,
// so that `npm start` and `npm test` work on a fresh clone with nothing but Node installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
const marker = join(root, 'node_modules', '.sapa-installed');

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Sapa needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

const wanted = existsSync(lockFile)
  ? createHash('sha256').update(readFileSync(lockFile)).digest('hex')
  : 'no-lock';
const have = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '';
if (have !== wanted) {
  const command = existsSync(lockFile) ? 'ci' : 'install';
  console.log(`Installing dependencies (npm ${command}); better-sqlite3 builds from source, about 80 s…`);
  const started = Date.now();
  const result = spawnSync('npm', [command, '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm ${command} failed (exit ${result.status}); see the output above.`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(marker, `${wanted}\n`);
  console.log(`Dependencies installed in ${Math.round((Date.now() - started) / 1000)} s.`);
}
