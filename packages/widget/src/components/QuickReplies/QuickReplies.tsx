import type { Action } from '@sapa/protocol';
import { EXTERNAL_REL, safeUrl, WEB_LINK_SCHEMES } from '../safe-url.js';

/** Props of {@link QuickReplies}. */
export interface QuickRepliesProps {
  actions: Action[];
  onReply(action: Extract<Action, { type: 'reply' }>): void;
  /** While a reply is being sent. */
  disabled?: boolean;
}

/** Reply actions as buttons and link actions as links; a link with an unsafe URL is left out. */
export function QuickReplies({ actions, onReply, disabled }: QuickRepliesProps) {
  return (
    <ul class="sapa-actions">
      {actions.map((action, index) => {
        if (action.type === 'reply') {
          return (
            <li key={index}>
              <button type="button" class="sapa-chip" disabled={disabled} onClick={() => onReply(action)}>
                {action.label}
              </button>
            </li>
          );
        }
        const href = safeUrl(action.url, WEB_LINK_SCHEMES);
        return href ? (
          <li key={index}>
            <a class="sapa-chip" href={href} target="_blank" rel={EXTERNAL_REL}>
              {action.label}
            </a>
          </li>
        ) : null;
      })}
    </ul>
  );
}
