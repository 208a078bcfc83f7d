import { describe, expect, it } from 'vitest';
import { AgentApiError, AgentNetworkError } from '../agent-api.js';
import { translator } from './console-i18n.js';
import { describeError } from './describe-error.js';

describe('describeError', () => {
  it('names what failed and why, in the agent language', () => {
    const unreachable = new AgentNetworkError('loadConversations', new TypeError('fetch failed'));
    expect(describeError(unreachable, translator('en'))).toBe(
      'Loading conversations failed: the server could not be reached.',
    );
    expect(describeError(unreachable, translator('id'))).toBe(
      'Gagal memuat percakapan: server tidak dapat dihubungi.',
    );
    const refused = new AgentApiError('send', 413, {
      type: 'about:blank',
      title: 'Payload too large',
      status: 413,
      code: 'payload_too_large',
      detail: 'The body may be at most 256 KiB.',
    });
    expect(describeError(refused, translator('id'))).toBe(
      'Gagal mengirim balasan: The body may be at most 256 KiB.',
    );
    expect(describeError(new AgentApiError('resolve', 502), translator('en'))).toBe(
      'Resolving the conversation failed: the server answered 502.',
    );
  });

  it('keeps the message of any other error', () => {
    expect(describeError(new Error('Bad data'), translator('id'))).toBe('Bad data');
    expect(describeError('?', translator('id'))).toBe('Terjadi kesalahan.');
  });
});
