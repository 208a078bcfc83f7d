import type { AgentConversation, AgentVisitor } from '../../agent-types.js';
import { formatDateTime, pageLinkLabel, visitorLabel } from '../../format.js';
import { safeHttpUrl } from '../../safe-url.js';
import { IsolatedText } from '../IsolatedText.js';

export interface VisitorProfileProps {
  /** The conversation on screen: its visitor summary and its rating. */
  conversation: AgentConversation;
  /** The visitor's whole profile (phone, user id, attributes); undefined while it loads. */
  profile?: AgentVisitor;
}

/**
 * Who the agent is talking to, where they are, and how they rated the conversation. Everything here was written
 * by the visitor: it is isolated and its bidirectional controls shown, and the page link says the host it opens,
 * never the page title the visitor sent (issue 13).
 */
export function VisitorProfile({ conversation, profile }: VisitorProfileProps) {
  const visitor = { ...conversation.visitor, ...profile };
  const pageUrl = safeHttpUrl(visitor.page?.url);
  const attributes = Object.entries(profile?.attributes ?? {});
  return (
    <aside class="profile" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Visitor</h2>
      <dl class="profile__facts">
        <dt>Name</dt>
        <dd>
          <bdi>{visitorLabel(visitor)}</bdi>
        </dd>
        <dt>Identity</dt>
        <dd>{visitor.verified ? 'Verified' : 'Not verified'}</dd>
        <dt>Status</dt>
        <dd>
          {visitor.online
            ? 'Online'
            : visitor.lastSeenAt
              ? `Offline, last seen ${formatDateTime(visitor.lastSeenAt)}`
              : 'Offline'}
        </dd>
        <Fact term="Email" value={visitor.email} />
        <Fact term="Phone" value={profile?.phone} />
        <Fact term="User ID" value={profile?.userId} />
        {visitor.page ? (
          <>
            <dt>Current page</dt>
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
        <Fact term="Language" value={visitor.locale} />
      </dl>
      {profile === undefined ? <p class="muted">Loading the profile…</p> : null}
      {attributes.length > 0 ? (
        <>
          <h3>Attributes</h3>
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
      <h3>Rating</h3>
      {conversation.rating ? (
        <div class="rating">
          <p>
            <span class="rating__stars" aria-hidden="true">
              {'★'.repeat(conversation.rating.score)}
              {'☆'.repeat(Math.max(0, 5 - conversation.rating.score))}
            </span>{' '}
            {conversation.rating.score} out of 5
          </p>
          {conversation.rating.comment ? (
            <blockquote>
              <IsolatedText text={conversation.rating.comment} />
            </blockquote>
          ) : null}
        </div>
      ) : (
        <p class="muted">Not rated yet.</p>
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
