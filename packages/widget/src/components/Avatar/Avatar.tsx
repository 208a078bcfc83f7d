import type { Participant } from '@sapa/protocol';
import { MEDIA_SCHEMES, safeUrl } from '../safe-url.js';

/** Props of {@link Avatar}. */
export interface AvatarProps {
  participant: Participant;
  size?: number;
}

/** A participant's picture, or their initial. Decorative: the name is always shown as text beside it. */
export function Avatar({ participant, size = 28 }: AvatarProps) {
  const src = safeUrl(participant.avatarUrl, MEDIA_SCHEMES);
  if (src) {
    return (
      <img class="sapa-avatar" src={src} alt="" width={size} height={size} referrerpolicy="no-referrer" />
    );
  }
  const initial = (participant.name ?? participant.role).trim().charAt(0).toLocaleUpperCase();
  return (
    <span class="sapa-avatar" aria-hidden="true" style={{ width: `${size}px`, height: `${size}px` }}>
      {initial}
    </span>
  );
}
