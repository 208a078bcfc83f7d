/**
 * Issue 13, items 3, 5 and 6 for uploads: a quota per visitor, unattached uploads swept after a day, a file name
 * that must agree with its type and cannot hide behind bidirectional controls, and names cut between characters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, newSession, startTestServer, storedUploads, visitorWithConversation } from './helpers.js';

let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** A fresh data folder, with the database in it (on PostgreSQL: the database standing in for that file). */
function freshData(): { dataDir: string; dbPath: string } {
  dataDir = mkdtempSync(join(tmpdir(), 'sapa-upload-limits-'));
  return { dataDir, dbPath: join(dataDir, 'sapa.db') };
}

/** The uploads whose bytes are kept: files in the data folder on SQLite, rows on PostgreSQL. */
function filesStored(): Promise<string[]> {
  return storedUploads({ dataDir, dbPath: join(dataDir, 'sapa.db') });
}

async function upload(
  server: { url: string },
  token: string,
  body: BodyInit,
  type: string,
  name: string,
  path = '/v1/uploads',
) {
  const answer = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': type,
      'X-Sapa-Filename': encodeURIComponent(name),
    },
    body,
    // A stream body goes out chunked, with no Content-Length to check up front.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: answer.status, headers: answer.headers, body: await answer.json() };
}

describe('upload quota', () => {
  it('takes 5 of 30 uploads of 10 MiB from one visitor within the hour, then 429 naming the quota', async () => {
    const server = await startTestServer(freshData());
    const session = await newSession(server);
    const bytes = new Uint8Array(10 * 1024 * 1024);
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof upload>> | undefined;
    for (let index = 0; index < 30; index++) {
      const answer = await upload(server, session.token, bytes, 'application/pdf', `nota-${index}.pdf`);
      statuses.push(answer.status);
      if (answer.status === 429) refused ??= answer;
    }
    expect(statuses).toEqual([...Array(5).fill(201), ...Array(25).fill(429)]);
    expect(refused?.body).toMatchObject({ code: 'rate_limited' });
    expect(refused?.body.detail).toMatch(
      /^The upload quota is 20 files and 52428800 bytes per visitor per 60 minutes; 5 files and 52428800 bytes were uploaded in that time\./,
    );
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(await filesStored()).toHaveLength(5);
    // Another visitor has a quota of their own.
    const other = await newSession(server);
    expect((await upload(server, other.token, 'x', 'text/plain', 'a.txt')).status).toBe(201);
  });

  it('counts files too, checks a body of unknown length after reading it and leaves nothing behind, and frees up with time', async () => {
    let now = Date.parse('2026-03-02T09:00:00.000Z');
    const server = await startTestServer({
      ...freshData(),
      clock: () => now,
      uploadQuota: { files: 2, bytes: 1000, windowMs: 60 * 60 * 1000 },
    });
    const session = await newSession(server);
    expect((await upload(server, session.token, 'satu', 'text/plain', '1.txt')).status).toBe(201);
    expect((await upload(server, session.token, 'dua', 'text/plain', '2.txt')).status).toBe(201);
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('tiga'));
        controller.close();
      },
    });
    const third = await upload(server, session.token, chunked, 'text/plain', '3.txt');
    expect(third.status).toBe(429);
    expect(await filesStored()).toHaveLength(2);
    now += 60 * 60 * 1000 + 1;
    expect((await upload(server, session.token, 'tiga', 'text/plain', '3.txt')).status).toBe(201);
    // Agents are not held to the visitors' quota.
    for (let index = 0; index < 3; index++) {
      expect(
        (await upload(server, 'agent-secret', 'x', 'text/plain', 'a.txt', '/agent/v1/uploads')).status,
      ).toBe(201);
    }
  });
});

describe('unattached uploads', () => {
  it('are deleted a day after their upload, files and rows; attached ones stay', async () => {
    let now = Date.now();
    const server = await startTestServer({
      ...freshData(),
      clock: () => now,
      maintenanceIntervalMs: 20,
    });
    const { session, conversationId } = await visitorWithConversation(server);
    const kept = await upload(server, session.token, 'dipakai', 'text/plain', 'dipakai.txt');
    const unused = await upload(server, session.token, 'tidak dipakai', 'text/plain', 'tidak.txt');
    const sent = await call(
      server,
      'PUT',
      `/v1/conversations/${conversationId}/messages/m1`,
      { type: 'file', attachmentIds: [kept.body.id] },
      session.token,
    );
    expect(sent.status).toBe(201);
    now += 23 * 60 * 60 * 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(unused.body.url)).status).toBe(200);
    now += 2 * 60 * 60 * 1000;
    await expect.poll(async () => (await fetch(unused.body.url)).status).toBe(404);
    // The sweep deletes the row (the URL answers 404 from then on), then the bytes.
    await expect.poll(filesStored).toEqual([kept.body.id]);
    expect(await (await fetch(kept.body.url)).text()).toBe('dipakai');
    // A swept upload cannot be sent any more.
    const late = await call(
      server,
      'PUT',
      `/v1/conversations/${conversationId}/messages/m2`,
      { type: 'file', attachmentIds: [unused.body.id] },
      session.token,
    );
    expect(late.status).toBe(400);
  });
});

describe('upload names', () => {
  it('refuses a name whose extension does not agree with the type (415 naming it), bidi controls or not', async () => {
    const server = await startTestServer(freshData());
    const session = await newSession(server);
    const exe = await upload(server, session.token, '%PDF-1.4', 'application/pdf', 'invoice.pdf.exe');
    expect(exe.status).toBe(415);
    expect(exe.body).toMatchObject({
      code: 'unsupported_media_type',
      detail:
        'The file name "invoice.pdf.exe" does not agree with its type application/pdf, whose files end in .pdf.',
    });
    // Shown as "invoiceexe.pdf" where bidi controls work: the control is dropped, and the name is what it is.
    const reversed = await upload(
      server,
      session.token,
      '%PDF-1.4',
      'application/pdf',
      'invoice\u202Efdp.exe',
    );
    expect(reversed.status).toBe(415);
    expect(reversed.body.detail).toContain('"invoicefdp.exe"');
    // Windows drops trailing dots and spaces: "a.exe." would save as a program.
    expect((await upload(server, session.token, '%PDF', 'application/pdf', 'a.exe. . ')).status).toBe(415);
    // Names that agree keep working; bidi controls are removed from them.
    const fine = await upload(
      server,
      session.token,
      '%PDF-1.4',
      'application/pdf',
      'laporan\u2067 Maret\u2069.PDF',
    );
    expect(fine.status).toBe(201);
    expect(fine.body.name).toBe('laporan Maret.PDF');
    expect((await upload(server, session.token, 'x', 'text/plain', 'README')).status).toBe(201);
    expect(await filesStored()).toHaveLength(2);
  });

  it('cuts a long name between characters and keeps its extension, for visitors and agents (no 500, nothing left over)', async () => {
    const server = await startTestServer(freshData());
    const session = await newSession(server);
    const name = `${'a'.repeat(254)}😀.txt`;
    for (const [path, token] of [
      ['/v1/uploads', session.token],
      ['/agent/v1/uploads', 'agent-secret'],
    ] as const) {
      const answer = await upload(server, token, 'isi', 'text/plain', name, path);
      expect(answer.status).toBe(201);
      expect([...answer.body.name]).toHaveLength(255);
      expect(answer.body.name).toBe(`${'a'.repeat(251)}.txt`);
      const served = await fetch(answer.body.url);
      expect(served.status).toBe(200);
      expect(await served.text()).toBe('isi');
    }
    const emoji = await upload(server, session.token, 'isi', 'text/plain', `${'b'.repeat(248)}😀😀.txt`);
    expect(emoji.body.name).toBe(`${'b'.repeat(248)}😀😀.txt`);
    const cut = await upload(server, session.token, 'isi', 'text/plain', `${'c'.repeat(250)}😀😀😀.txt`);
    expect(cut.body.name).toBe(`${'c'.repeat(250)}😀.txt`);
    expect(await filesStored()).toHaveLength(4);
  });
});
