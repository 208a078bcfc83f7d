import { AgentApiError, AgentNetworkError, type AgentOperation } from '../agent-api.js';
import type { Translate, TranslationKey } from './console-i18n.js';

/** How each operation is named in the catalogs. */
const OPERATIONS: Record<AgentOperation, TranslationKey> = {
  signIn: 'operation.signIn',
  loadConversations: 'operation.loadConversations',
  search: 'operation.search',
  loadVisitor: 'operation.loadVisitor',
  loadConversation: 'operation.loadConversation',
  loadMessages: 'operation.loadMessages',
  send: 'operation.send',
  upload: 'operation.upload',
  typing: 'operation.typing',
  markRead: 'operation.markRead',
  resolve: 'operation.resolve',
  reopen: 'operation.reopen',
  loadCare: 'operation.loadCare',
};

/**
 * What went wrong, in the agent's language: "Loading conversations failed: the server could not be reached." /
 * "Gagal memuat percakapan: server tidak dapat dihubungi." The server's own explanation (a problem's detail, in
 * English) is kept as the reason when it sent one; anything else shows its message.
 */
export function describeError(caught: unknown, t: Translate): string {
  if (caught instanceof AgentApiError || caught instanceof AgentNetworkError) {
    const reason =
      caught instanceof AgentNetworkError
        ? t('error.network')
        : (caught.problem?.detail ?? caught.problem?.title ?? t('error.status', { status: caught.status }));
    return t('error.failed', {
      operation: t(OPERATIONS[caught.operation]),
      reason: reason.replace(/\.$/, ''),
    });
  }
  return caught instanceof Error ? caught.message : t('error.unknown');
}
