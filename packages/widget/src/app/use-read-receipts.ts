import type { ClientState, SapaClient } from '@sapa/sdk';
import { useEffect } from 'preact/hooks';
import { usePageVisible } from './use-page-visible.js';

/**
 * What the visitor sees is read: tells the backend while the panel shows the active conversation
 * (`showing`: open, and not on the list) and the page is visible; nothing while the tab is in the
 * background, where replies stay unread (and counted in the tab's title).
 */
export function useReadReceipts(
  client: SapaClient,
  { activeConversationId, unreadCount }: Pick<ClientState, 'activeConversationId' | 'unreadCount'>,
  showing: boolean,
): void {
  const pageVisible = usePageVisible();
  const seen = showing && activeConversationId !== null && pageVisible;
  useEffect(() => {
    if (seen && unreadCount > 0 && activeConversationId)
      client.markRead(activeConversationId).catch(() => undefined);
  }, [seen, unreadCount, activeConversationId, client]);
}
