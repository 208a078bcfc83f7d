import type { SapaClient } from '@sapa/sdk';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Tells the backend a campaign's teaser was seen (`client.markCampaignSeen`), once: the same teaser drawn again
 * after the panel closed is the same sighting. Care reports count what was seen; a backend without the endpoint
 * ignores it, and one that has it counts a campaign once per visitor.
 */
export function useCampaignSeen(client: SapaClient, campaignId: string | undefined): void {
  const told = useRef<string>();
  useEffect(() => {
    if (!campaignId || campaignId === told.current) return;
    told.current = campaignId;
    client.markCampaignSeen(campaignId);
  }, [client, campaignId]);
}
