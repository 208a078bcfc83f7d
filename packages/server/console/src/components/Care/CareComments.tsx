import type { CareComment } from '../../agent-types.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Interpolated } from '../../i18n/Interpolated.js';
import { IsolatedText } from '../IsolatedText.js';

export interface CareCommentsProps {
  comments: CareComment[];
  /** Opens the conversation a comment came from, in the inbox. */
  onOpenConversation: (conversationId: string) => void;
}

/** The latest comments customers left with a rating or an NPS answer, newest first, each with its conversation. */
export function CareComments({ comments, onOpenConversation }: CareCommentsProps) {
  const { t, format } = useI18n();
  return (
    <section class="care__section" aria-labelledby="care-comments-heading">
      <h3 id="care-comments-heading">{t('care.comments.heading')}</h3>
      {comments.length === 0 ? (
        <p class="muted">{t('care.comments.none')}</p>
      ) : (
        <ul class="care__comments">
          {comments.map((comment) => (
            <li key={`${comment.conversationId}-${comment.kind}-${comment.createdAt}`} class="care__comment">
              <p class="care__comment-score">
                {comment.kind === 'rating' ? (
                  <>
                    <span class="rating__stars" aria-hidden="true">
                      {'★'.repeat(comment.score)}
                      {'☆'.repeat(Math.max(0, 5 - comment.score))}
                    </span>{' '}
                    {t('care.comments.rating', { score: comment.score })}
                  </>
                ) : (
                  t('care.comments.nps', { score: comment.score })
                )}
              </p>
              <blockquote>
                <IsolatedText text={comment.text} />
              </blockquote>
              <p class="care__comment-meta muted">
                <time dateTime={comment.createdAt}>{format.dateTime(comment.createdAt)}</time>
                {comment.agent ? (
                  <>
                    {' · '}
                    <Interpolated
                      text={t('care.comments.handledBy')}
                      values={{ name: <IsolatedText text={comment.agent.name ?? comment.agent.id} /> }}
                    />
                  </>
                ) : null}{' '}
                <button
                  type="button"
                  class="care__open"
                  onClick={() => onOpenConversation(comment.conversationId)}
                >
                  {comment.reference
                    ? t('care.comments.open', { reference: comment.reference })
                    : t('care.comments.openUnnamed')}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
