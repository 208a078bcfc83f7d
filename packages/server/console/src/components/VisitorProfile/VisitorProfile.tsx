import type { AgentConversation, AgentVisitor } from '../../agent-types.js';
import { pageLinkLabel, visitorLabel } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { safeHttpUrl } from '../../safe-url.js';
import { IsolatedText } from '../IsolatedText.js';

export interface VisitorProfileProps {
  /** The conversation on screen: its visitor summary and its rating. */
  conversation: AgentConversation;
  /** The visitor's whole profile (phone, user id, attributes); undefined while it loads. */
  profile?: AgentVisitor;
  now?: Date;
}

/**
 * Who the agent is talking to, where they are, and how they rated the conversation. Everything here was written
 * by the visitor: it is isolated and its bidirectional controls shown, and the page link says the host it opens,
 * never the page title the visitor sent (issue 13).
 */
export function VisitorProfile({ conversation, profile, now }: VisitorProfileProps) {
  const { t, format } = useI18n();
  const visitor = { ...conversation.visitor, ...profile };
  const pageUrl = safeHttpUrl(visitor.page?.url);
  const attributes = Object.entries(profile?.attributes ?? {});
  return (
    <aside class="profile" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('profile.heading')}</h2>
      <dl class="profile__facts">
        <dt>{t('profile.name')}</dt>
        <dd>
          <bdi>{visitorLabel(visitor, t)}</bdi>
        </dd>
        <dt>{t('profile.identity')}</dt>
        <dd>{visitor.verified ? t('profile.verified') : t('profile.notVerified')}</dd>
        <dt>{t('profile.status')}</dt>
        <dd>
          {visitor.online ? (
            t('profile.online')
          ) : visitor.lastSeenAt ? (
            <time dateTime={visitor.lastSeenAt} title={format.dateTime(visitor.lastSeenAt)}>
              {t('profile.lastSeen', {
                time: format.ago(visitor.lastSeenAt, now ?? new Date(), t('time.justNow')),
              })}
            </time>
          ) : (
            t('profile.offline')
          )}
        </dd>
        <Fact term={t('profile.email')} value={visitor.email} />
        <Fact term={t('profile.phone')} value={profile?.phone} />
        <Fact term={t('profile.userId')} value={profile?.userId} />
        {visitor.page ? (
          <>
            <dt>{t('profile.page')}</dt>
            <dd class="profile__page">
              {visitor.page.title ? (
                <span class="profile__page-title">
                  <IsolatedText text={visitor.page.title} />
                </span>
              ) : null}
              {pageUrl ? (
                <a href={pageUrl} target="_blank" rel="noopener noreferrer nofollow">
                  <bdi>{pageLinkLabel(new URL(pageUrl))}</bdi>
                </a>
              ) : (
                <IsolatedText text={visitor.page.url} />
              )}
            </dd>
          </>
        ) : null}
        <Fact term={t('profile.language')} value={visitor.locale} />
      </dl>
      {profile === undefined ? <p class="muted">{t('profile.loading')}</p> : null}
      {attributes.length > 0 ? (
        <>
          <h3>{t('profile.attributes')}</h3>
          <dl class="profile__attributes">
            {attributes.map(([key, value]) => (
              <div key={key}>
                <dt>
                  <IsolatedText text={key} />
                </dt>
                <dd>{value === null ? '—' : <IsolatedText text={String(value)} />}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      <h3>{t('feedback.heading')}</h3>
      {conversation.rating ? (
        <div class="rating">
          <p>
            <span class="rating__stars" aria-hidden="true">
              {'★'.repeat(conversation.rating.score)}
              {'☆'.repeat(Math.max(0, 5 - conversation.rating.score))}
            </span>{' '}
            {t('feedback.rating', { score: conversation.rating.score })}
          </p>
          {conversation.rating.comment ? (
            <blockquote>
              <IsolatedText text={conversation.rating.comment} />
            </blockquote>
          ) : null}
        </div>
      ) : (
        <p class="muted">{t('feedback.notRated')}</p>
      )}
    </aside>
  );
}

/** One fact of the profile, left out when the visitor has none. */
function Fact({ term, value }: { term: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>
        <IsolatedText text={value} />
      </dd>
    </>
  );
}
