import type { SapaClient } from '@sapa/sdk';
import { useEffect } from 'preact/hooks';

/**
 * Chimes when a message arrives while the visitor would not see it: the panel closed or the page hidden.
 * Sound is off by default (`enabled`): only sites that turn it on fetch the chime's code.
 */
export function useChime(client: SapaClient, enabled: boolean, open: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const chime = import('./play-chime.js').then(
      (module) => module.playChime,
      () => undefined,
    );
    return client.on('message', () => {
      if (!open || document.hidden) void chime.then((play) => play?.());
    });
  }, [client, enabled, open]);
}
