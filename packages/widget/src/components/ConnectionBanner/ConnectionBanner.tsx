import type { ConnectionState, StorageKind } from '@sapa/sdk';
import { useI18n } from '../../i18n/I18nProvider.js';

/** Props of {@link ConnectionBanner}. */
export interface ConnectionBannerProps {
  connection: ConnectionState;
  /** `memory`: IndexedDB is unavailable, so history lasts only as long as the page. */
  storage?: StorageKind;
}

/** Tells the visitor, politely and once, when the chat is reconnecting, offline, or not keeping history. */
export function ConnectionBanner({ connection, storage }: ConnectionBannerProps) {
  const { t } = useI18n();
  const lines: string[] = [];
  if (connection === 'reconnecting') lines.push(t('connection.reconnecting'));
  if (connection === 'offline') lines.push(t('connection.offline'));
  if (storage === 'memory') lines.push(t('connection.memory'));
  // The status region is always there, so screen readers announce a change when text appears in it.
  return (
    <div class={lines.length > 0 ? 'sapa-banner' : 'sapa-banner sapa-banner-empty'} role="status">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
