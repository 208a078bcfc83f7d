import type { Action, Participant } from '@sapa/protocol';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';
import { Avatar } from '../Avatar/Avatar.js';
import { Icon } from '../Icon/Icon.js';
import { QuickReplies } from '../QuickReplies/QuickReplies.js';

// This screen is a chunk of its own and brings its strings with it.
addScreenStrings();

/** A reply action: the visitor answers with one tap. */
export type ReplyAction = Extract<Action, { type: 'reply' }>;

/** Props of {@link Teaser}. */
export interface TeaserProps {
  /** The proactive message, already personalized; plain text. */
  text: string;
  actions?: Action[];
  /** Who it comes from; defaults to the site name. */
  author?: Participant;
  siteName: string;
  /** Opens the chat to answer in the composer. */
  onReply(): void;
  /** The visitor tapped a reply action. */
  onAction(action: ReplyAction): void;
  onDismiss(): void;
}

/** A proactive customer-care message above the launcher: read it, answer it, or dismiss it. */
export function Teaser({ text, actions, author, siteName, onReply, onAction, onDismiss }: TeaserProps) {
  const { t } = useI18n();
  const name = author?.name ?? siteName;
  return (
    <section class="sapa-floating sapa-teaser" aria-label={t('teaser.label', { name })}>
      <button
        type="button"
        class="sapa-icon-button sapa-teaser-dismiss"
        aria-label={t('teaser.dismiss')}
        onClick={onDismiss}
      >
        <Icon name="close" size={16} />
      </button>
      <div class="sapa-teaser-author">
        <Avatar participant={author ?? { role: 'agent', id: 'site', name }} size={24} />
        <span>{name}</span>
      </div>
      <p class="sapa-teaser-text">{text}</p>
      {actions && actions.length > 0 && <QuickReplies actions={actions} onReply={onAction} />}
      <button type="button" class="sapa-button" onClick={onReply}>
        {t('teaser.reply')}
      </button>
    </section>
  );
}
