import type { ConnectionStatus } from '../agent-stream.js';
import type { TranslationKey } from '../i18n/console-i18n.js';
import { useI18n } from '../i18n/I18nProvider.js';

const LABELS: Record<ConnectionStatus, TranslationKey> = {
  connecting: 'connection.connecting',
  open: 'connection.open',
  reconnecting: 'connection.reconnecting',
  unauthorized: 'connection.unauthorized',
  closed: 'connection.closed',
};

/** Whether new messages arrive by themselves right now. */
export function ConnectionIndicator({ status, retryInMs }: { status: ConnectionStatus; retryInMs?: number }) {
  const { t } = useI18n();
  const retry =
    status === 'reconnecting' && retryInMs !== undefined && retryInMs >= 1000
      ? t('connection.retrying', { seconds: Math.round(retryInMs / 1000) })
      : undefined;
  return (
    <span class={`connection connection--${status}`} role="status">
      <span class="connection__dot" aria-hidden="true" />
      {retry ?? t(LABELS[status])}
    </span>
  );
}
