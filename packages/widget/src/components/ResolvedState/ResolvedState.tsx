import type { Rating } from '@sapa/protocol';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';
import { addScreenStyles } from '../../styles/screen-styles.js';
import { RatingForm } from '../RatingForm/RatingForm.js';

// This screen is a chunk of its own and brings its strings with it.
addScreenStrings();
addScreenStyles();

/** Props of {@link ResolvedState}. */
export interface ResolvedStateProps {
  /** The conversation's rating, once given. */
  rating?: Rating;
  onRate(score: number, comment?: string): void;
  onStartNew(): void;
  ratingSubmitting?: boolean;
  /** Whether to ask for the rating now: not while a survey question in the conversation waits for its answer. */
  askRating?: boolean;
}

/**
 * A resolved conversation: ask for a rating (once, and one question at a time) and offer a new conversation.
 */
export function ResolvedState({
  rating,
  onRate,
  onStartNew,
  ratingSubmitting,
  askRating = true,
}: ResolvedStateProps) {
  const { t } = useI18n();
  return (
    <section class="sapa-resolved" aria-labelledby="sapa-resolved-title">
      <h3 id="sapa-resolved-title" class="sapa-subtitle">
        {t('resolved.title')}
      </h3>
      {askRating && (
        <RatingForm onSubmit={onRate} submitted={rating !== undefined} submitting={ratingSubmitting} />
      )}
      <button type="button" class="sapa-button" onClick={onStartNew}>
        {t('resolved.startNew')}
      </button>
    </section>
  );
}
