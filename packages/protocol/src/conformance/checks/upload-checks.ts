import { acceptsMime } from '../../accepts-mime.js';
import { parseAttachment } from '../../guards.js';
import { type Attachment, FILENAME_HEADER } from '../../types.js';
import type { CheckContext, CheckDefinition } from '../conformance-types.js';
import { expect, expectProblem, expectStatus, need } from '../expectations.js';
import type { Answer } from '../recording-client.js';

const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (character) => character.charCodeAt(0),
);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

function upload(
  { client, state }: CheckContext,
  bytes: BodyInit,
  mime: string,
  name: string,
): Promise<Answer> {
  return client.call('POST', '/v1/uploads', {
    token: need(state.token, 'a token'),
    raw: bytes,
    headers: { 'Content-Type': mime, [FILENAME_HEADER]: encodeURIComponent(name) },
  });
}

/** GET of a served file; a backend may keep files behind the visitor's token, which is allowed. */
async function fetchServed(
  { client, settings, state }: CheckContext,
  attachment: Attachment,
): Promise<Answer> {
  const url = new URL(attachment.url, `${settings.apiUrl}/`).href;
  const anonymous = await client.call('GET', url);
  return anonymous.status === 401 ? client.call('GET', url, { token: state.token }) : anonymous;
}

/** Uploads: accepted, too large, refused type, and how files (SVG above all) are served. */
export const uploadChecks: CheckDefinition[] = [
  {
    check: 'uploadAccepted',
    level: 'must',
    async run(context) {
      const accept = need(context.state.config, 'the config').upload.accept;
      const sample = (
        [
          ['text/plain', new TextEncoder().encode('Nomor pesanan: 12345\n'), 'catatan pesanan.txt'],
          ['image/png', PNG_1X1, 'foto struk.png'],
          ['application/pdf', new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), 'struk.pdf'],
        ] as const
      ).find(([mime]) => acceptsMime(accept, mime));
      expect(
        sample,
        `none of text/plain, image/png, application/pdf is in upload.accept (${accept.join(', ')})`,
      );
      const answer = await upload(context, sample[1], sample[0], sample[2]);
      expectStatus(answer, 201, `POST /v1/uploads of ${sample[0]}`);
      const uploaded = parseAttachment(answer.json);
      context.state.uploaded = uploaded;
      expect(
        uploaded.size === sample[1].byteLength,
        `attachment.size is ${uploaded.size}, not ${sample[1].byteLength}`,
      );
      expect(uploaded.mime === sample[0], `attachment.mime is ${uploaded.mime}, not ${sample[0]}`);
    },
  },
  {
    check: 'uploadTooLarge',
    level: 'must',
    async run(context) {
      const limits = need(context.state.config, 'the config').upload;
      const mime = need(context.state.uploaded, 'an accepted upload').mime;
      const answer = await upload(context, new Uint8Array(limits.maxBytes + 1), mime, 'terlalu besar.bin');
      expectProblem(answer, 'payload_too_large', `an upload of ${limits.maxBytes + 1} bytes`);
    },
  },
  {
    check: 'uploadType',
    level: 'must',
    async run(context) {
      const accept = need(context.state.config, 'the config').upload.accept;
      const mime = 'application/x-sapa-conformance';
      if (acceptsMime(accept, mime)) return 'upload.accept allows every type';
      const answer = await upload(context, new TextEncoder().encode('?'), mime, 'aneh.bin');
      expectProblem(answer, 'unsupported_media_type', `an upload of ${mime}`);
    },
  },
  {
    check: 'uploadServed',
    level: 'must',
    async run(context) {
      const attachment = need(context.state.uploaded, 'an accepted upload');
      const answer = await fetchServed(context, attachment);
      expectStatus(answer, 200, `GET ${attachment.url}`);
      const sniff = answer.headers.get('x-content-type-options');
      expect(sniff?.toLowerCase() === 'nosniff', `X-Content-Type-Options is ${sniff ?? '(none)'}`);
      const disposition = answer.headers.get('content-disposition') ?? '';
      const type = answer.headers.get('content-type') ?? '';
      expect(
        disposition.startsWith('attachment') ||
          (disposition.startsWith('inline') && type.startsWith('image/')),
        `Content-Disposition "${disposition}" for ${type}: only images may be inline`,
      );
    },
  },
  {
    check: 'uploadSvg',
    level: 'must',
    async run(context) {
      const accept = need(context.state.config, 'the config').upload.accept;
      const answer = await upload(context, new TextEncoder().encode(SVG), 'image/svg+xml', 'logo.svg');
      if (!acceptsMime(accept, 'image/svg+xml') || answer.status === 415) {
        expectProblem(answer, 'unsupported_media_type', 'an SVG upload outside upload.accept');
        return 'SVG refused at upload';
      }
      expectStatus(answer, 201, 'POST /v1/uploads of image/svg+xml');
      const served = await fetchServed(context, parseAttachment(answer.json));
      expectStatus(served, 200, 'GET of the SVG');
      const disposition = served.headers.get('content-disposition') ?? '(none)';
      expect(
        disposition.startsWith('attachment'),
        `the SVG is served with Content-Disposition ${disposition}`,
      );
      const sniff = served.headers.get('x-content-type-options');
      expect(
        sniff?.toLowerCase() === 'nosniff',
        `the SVG is served with X-Content-Type-Options ${sniff ?? '(none)'}`,
      );
    },
  },
];
