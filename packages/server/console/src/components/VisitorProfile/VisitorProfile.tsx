import type { AgentConversation } from '../../agent-types.js';
import { formatDateTime, visitorLabel } from '../../format.js';
import { safeHttpUrl } from '../../safe-url.js';

/** Who the agent is talking to, where they are, and how they rated the conversation. */
export function VisitorProfile({ conversation }: { conversation: AgentConversation }) {
  const { visitor } = conversation;
  const pageUrl = safeHttpUrl(visitor.page?.url);
  const attributes = Object.entries(visitor.attributes ?? {});
  return (
    <aside class="profile" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Visitor</h2>
      <dl class="profile__facts">
        <dt>Name</dt>
        <dd>{visitorLabel(visitor)}</dd>
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
        {visitor.email ? (
          <>
            <dt>Email</dt>
            <dd>{visitor.email}</dd>
          </>
        ) : null}
        {visitor.phone ? (
          <>
            <dt>Phone</dt>
            <dd>{visitor.phone}</dd>
          </>
        ) : null}
        {visitor.userId ? (
          <>
            <dt>User ID</dt>
            <dd>{visitor.userId}</dd>
          </>
        ) : null}
        {visitor.page ? (
          <>
            <dt>Current page</dt>
            <dd>
              {pageUrl ? (
                <a href={pageUrl} target="_blank" rel="noopener noreferrer nofollow">
                  {visitor.page.title || visitor.page.url}
                </a>
              ) : (
                visitor.page.title || visitor.page.url
              )}
            </dd>
          </>
        ) : null}
        {visitor.locale ? (
          <>
            <dt>Language</dt>
            <dd>{visitor.locale}</dd>
          </>
        ) : null}
      </dl>
      {attributes.length > 0 ? (
        <>
          <h3>Attributes</h3>
          <dl class="profile__attributes">
            {attributes.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value === null ? '—' : String(value)}</dd>
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
          {conversation.rating.comment ? <blockquote>{conversation.rating.comment}</blockquote> : null}
        </div>
      ) : (
        <p class="muted">Not rated yet.</p>
      )}
    </aside>
  );
}
