/**
 * Every command the README and the docs give works in this checkout after `npm test`'s install and build — which,
 * in CI, is a fresh clone: `npm ci` there is what links (or fails to link) the `sapa-*` bins into node_modules/.bin.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  ...['examples', 'packages'].flatMap((folder) =>
    readdirSync(join(root, folder))
      .map((name) => `${folder}/${name}/README.md`)
      .filter((path) => existsSync(join(root, path))),
  ),
];

/** Commands in code spans and code blocks: lines that start with npm, npx or node. */
function documentedCommands(): Array<{ document: string; command: string }> {
  const found = new Map<string, string>();
  for (const document of documents) {
    const text = readFileSync(join(root, document), 'utf8');
    const candidates: string[] = [];
    let fence: string | undefined;
    for (const line of text.split('\n')) {
      const opening = /^\s*```(\w*)/.exec(line);
      if (opening) fence = fence === undefined ? (opening[1] ?? '') : undefined;
      else if (fence !== undefined && ['', 'sh', 'bash', 'shell'].includes(fence)) candidates.push(line);
      else if (fence === undefined)
        candidates.push(...[...line.matchAll(/`([^`]+)`/g)].map((span) => span[1] ?? ''));
    }
    for (const candidate of candidates) {
      const command = candidate.replace(/\s+#.*$/, '').trim();
      if (/^(npm|npx|node) /.test(command) && !found.has(command)) found.set(command, document);
    }
  }
  return [...found].map(([command, document]) => ({ document, command }));
}

const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const workspaceScripts = (workspace: string): Record<string, string> => {
  const folder = workspace.startsWith('@sapa/') ? `packages/${workspace.slice(6)}` : workspace;
  return JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')).scripts ?? {};
};

/** Why a documented command cannot work here, or undefined when it can. */
function problemWith(command: string): string | undefined {
  const words = command.split(/\s+/);
  if (words[0] === 'npm') {
    if (words[1] === 'start' || words[1] === 'test' || words[1] === 'ci' || words[1] === 'install') return;
    if (words[1] !== 'run') return `npm ${words[1]} is not a command the docs should give`;
    const workspaceAt = words.indexOf('-w');
    const scripts = workspaceAt > 0 ? workspaceScripts(words[workspaceAt + 1] ?? '') : rootPackage.scripts;
    return words[2] && scripts[words[2]] ? undefined : `no script "${words[2]}"`;
  }
  if (words[0] === 'npx') {
    const bin = join(root, 'node_modules', '.bin', words[1] ?? '');
    return existsSync(bin)
      ? undefined
      : `node_modules/.bin/${words[1]} is missing (npx would ask the registry)`;
  }
  const script = words[1] ?? '';
  return existsSync(join(root, script)) ? undefined : `${script} does not exist`;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
});

describe('the documented commands', () => {
  const commands = documentedCommands();

  it('are found in the README and the docs (npx sapa-conformance among them)', () => {
    expect(commands.map(({ command }) => command)).toContainEqual(
      expect.stringMatching(/^npx sapa-conformance /),
    );
    expect(commands.length).toBeGreaterThan(10);
  });

  it('each name a script, a linked bin or a file that exists', () => {
    const problems = commands.flatMap(({ document, command }) => {
      const problem = problemWith(command);
      return problem ? [`${document}: ${command} — ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('npx sapa-server and npx sapa-conformance run from the linked bins', async () => {
    for (const bin of ['sapa-server', 'sapa-conformance']) {
      const help = spawnSync('npx', ['--no-install', bin, '--help'], { cwd: root, encoding: 'utf8' });
      expect(help.status, `${bin} --help: ${help.stderr}`).toBe(0);
      expect(help.stdout).toContain('--');
    }
    const server = spawn(
      'npx',
      ['--no-install', 'sapa-server', '--port', '0', '--db', ':memory:', '--demo', '--heartbeat-ms', '300'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(server);
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        const started = /Started in \d+ ms \((http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
        if (started) resolve(started);
      });
      server.on('exit', (code) => reject(new Error(`sapa-server ended with ${code}:\n${output}`)));
    });
    const kit = spawnSync(
      'npx',
      ['--no-install', 'sapa-conformance', url, '--site-key', 'demo', '--heartbeat-wait', '3000'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(kit.status, kit.stdout + kit.stderr).toBe(0);
    expect(kit.stdout).toMatch(/\d+ passed, 0 failed/);
  });
});
