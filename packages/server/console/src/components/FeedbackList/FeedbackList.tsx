import type { AgentConversation, ConversationFeedback } from '../../agent-types.js';
import type { TranslationKey } from '../../i18n/console-i18n.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Interpolated } from '../../i18n/Interpolated.js';
import { IsolatedText } from '../IsolatedText.js';

/** NPS groups: promoters 9–10, passives 7–8, detractors 0–6. */
function npsGroup(score: number): TranslationKey {
  if (score >= 9) return 'feedback.npsGroup.promoter';
  if (score >= 7) return 'feedback.npsGroup.passive';
  return 'feedback.npsGroup.detractor';
}

/**
 * The conversation's feedback: each rating (1–5 stars) and each "would you recommend us" answer (0–10), with the
 * customer's comment, when it came and who handled the conversation then. A server that sends no `feedback` list
 * still shows its rating. Nothing is shown for an open conversation without feedback.
 */
export function FeedbackList({ conversation }: { conversation: AgentConversation }) {
  const { t, format } = useI18n();
  const feedback: ConversationFeedback[] =
    conversation.feedback ??
    (conversation.rating
      ? [
          {
            kind: 'rating',
            score: conversation.rating.score,
            comment: conversation.rating.comment,
            createdAt: '',
            updatedAt: '',
          },
        ]
      : []);
  if (feedback.length === 0 && conversation.status !== 'resolved') return null;
  return (
    <section class="feedback" aria-labelledby="feedback-heading">
      <h3 id="feedback-heading">{t('feedback.heading')}</h3>
      {feedback.length === 0 ? (
        <p class="muted">{t('feedback.notRated')}</p>
      ) : (
        <ul class="feedback__list">
          {feedback.map((entry, index) => (
            <li key={index} class={`feedback__item feedback__item--${entry.kind}`}>
              <p class="feedback__score">
                {entry.kind === 'rating' ? (
                  <>
                    <span class="rating__stars" aria-hidden="true">
                      {'★'.repeat(entry.score)}
                      {'☆'.repeat(Math.max(0, 5 - entry.score))}
                    </span>{' '}
                    {t('feedback.rating', { score: entry.score })}
                  </>
                ) : (
                  <>
                    {t('feedback.nps', { score: entry.score })}{' '}
                    <span class="badge">{t(npsGroup(entry.score))}</span>
                  </>
                )}
              </p>
              {entry.comment ? (
                <blockquote>
                  <IsolatedText text={entry.comment} />
                </blockquote>
              ) : null}
              {entry.updatedAt || entry.agent ? (
                <p class="feedback__meta muted">
                  {entry.updatedAt ? (
                    <time dateTime={entry.updatedAt}>{format.dateTime(entry.updatedAt)}</time>
                  ) : null}
                  {entry.agent ? (
                    <>
                      {entry.updatedAt ? ' · ' : ''}
                      <Interpolated
                        text={t('feedback.handledBy')}
                        values={{ name: <IsolatedText text={entry.agent.name ?? entry.agent.id} /> }}
                      />
                    </>
                  ) : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
