import type { AgentConversation, AgentVisitor, ProfileFieldSource } from '../../agent-types.js';
import { pageLinkLabel, visitorLabel } from '../../format.js';
import type { TranslationKey } from '../../i18n/console-i18n.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { safeHttpUrl } from '../../safe-url.js';
import { IsolatedText } from '../IsolatedText.js';

export interface VisitorProfileProps {
  /** The conversation on screen: its visitor summary. */
  conversation: AgentConversation;
  /** The visitor's whole profile (phone, user id, attributes); undefined while it loads. */
  profile?: AgentVisitor;
  now?: Date;
}

/** How each source of a profile value is told to agents. */
const SOURCE_LABELS: Record<ProfileFieldSource, TranslationKey> = {
  'identity-verified': 'profile.source.identityVerified',
  identity: 'profile.source.identity',
  form: 'profile.source.form',
  chat: 'profile.source.chat',
};

/**
 * Who the agent is talking to and where they are, and where each of name, email and phone came from (the site's
 * verified identity, the site, a form, or asked in the chat: issue 12). Everything here was written by the
 * visitor: it is isolated and its bidirectional controls shown, and the page link says the host it opens, never
 * the page title the visitor sent (issue 13). The conversation's rating is in the conversation view.
 */
export function VisitorProfile({ conversation, profile, now }: VisitorProfileProps) {
  const { t, format } = useI18n();
  const visitor = { ...conversation.visitor, ...profile };
  const pageUrl = safeHttpUrl(visitor.page?.url);
  const attributes = Object.entries(profile?.attributes ?? {});
  const sources = profile?.sources ?? {};
  const source = (field: keyof typeof sources) => {
    const from = sources[field];
    return from ? t(SOURCE_LABELS[from]) : undefined;
  };
  return (
    <aside class="profile" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('profile.heading')}</h2>
      <dl class="profile__facts">
        <dt>{t('profile.name')}</dt>
        <dd>
          <bdi>{visitorLabel(visitor, t)}</bdi>
          <Source text={source('name')} />
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
        <Fact term={t('profile.email')} value={visitor.email} source={source('email')} />
        <Fact term={t('profile.phone')} value={profile?.phone} source={source('phone')} />
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
    </aside>
  );
}

/** One fact of the profile, left out when the visitor has none; where it came from, when known. */
function Fact({ term, value, source }: { term: string; value: string | undefined; source?: string }) {
  if (!value) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>
        <IsolatedText text={value} />
        <Source text={source} />
      </dd>
    </>
  );
}

/** Where a value came from, under it: "verified identity", "from a form" (read after a pause: the comma). */
function Source({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <span class="profile__source">
      <span class="visually-hidden">, </span>
      {text}
    </span>
  );
}
