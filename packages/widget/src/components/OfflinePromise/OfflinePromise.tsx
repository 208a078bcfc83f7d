import type { Availability } from '@sapa/protocol';
import type { Translate } from '../../i18n/create-i18n.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';
import { addScreenStyles } from '../../styles/screen-styles.js';
import { returnTime } from '../Header/Header.js';

// Shown only while nobody is online: a chunk of its own, with its strings.
addScreenStrings();
addScreenStyles();

/**
 * The honest promise after the visitor wrote while nobody is online (issue 12): when the team is back (in the
 * site's time zone) or how long a reply takes, and where the answer comes — here, and by email only when the
 * backend emails replies (`availability.emailReplies`).
 *
 * @example
 * ```ts
 * promiseText({ online: false, nextOpenAt, timezone: 'Asia/Jakarta', emailReplies: true }, false, t, 'en', now);
 * // "We're back tomorrow at 08:00 WIB. We'll answer here, and by email if you leave it."
 * ```
 */
export function promiseText(
  availability: Availability,
  hasEmail: boolean,
  t: Translate,
  locale: string,
  now: Date,
): string {
  const { nextOpenAt, replyTime, emailReplies } = availability;
  const when = nextOpenAt
    ? t('promise.back', returnTime({ ...availability, nextOpenAt }, locale, now))
    : replyTime
      ? `${t(`availability.${replyTime}`)}.`
      : '';
  const where = t(
    emailReplies ? (hasEmail ? 'promise.hereAndEmail' : 'promise.hereOrEmail') : 'promise.here',
  );
  return when ? `${when} ${where}` : where;
}

/** Props of {@link OfflinePromise}. */
export interface OfflinePromiseProps {
  availability: Availability;
  /** The visitor left an email address (the answer goes there too). */
  hasEmail: boolean;
  now?: Date;
}

/** The promise as a line in the conversation's log, under the visitor's first message while nobody is online. */
export function OfflinePromise({ availability, hasEmail, now }: OfflinePromiseProps) {
  const { t, locale } = useI18n();
  return <p class="sapa-event">{promiseText(availability, hasEmail, t, locale, now ?? new Date())}</p>;
}
