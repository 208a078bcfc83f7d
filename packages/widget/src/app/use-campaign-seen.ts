import type { SapaClient } from '@sapa/sdk';
import { useEffect, useState } from 'preact/hooks';

/**
 * Tells the backend a campaign's teaser was seen (`client.markCampaignSeen`), once per campaign for this client:
 * the teaser drawn again after the panel closed is the same sighting. Care reports count what was seen; a backend
 * without the endpoint ignores it.
 */
export function useCampaignSeen(client: SapaClient, campaignId: string | undefined): void {
  const [told] = useState(() => new Set<string>());
  useEffect(() => {
    if (!campaignId || told.has(campaignId)) return;
    told.add(campaignId);
    client.markCampaignSeen(campaignId);
  }, [client, campaignId]);
}
