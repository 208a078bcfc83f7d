import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';
import { addScreenStyles } from '../../styles/screen-styles.js';

// This screen is a chunk of its own and brings its strings with it.
addScreenStrings();
addScreenStyles();

/** Props of {@link RatingForm}. */
export interface RatingFormProps {
  onSubmit(score: number, comment?: string): void;
  /** The rating was accepted: show the thank-you. */
  submitted?: boolean;
  submitting?: boolean;
}

const SCORES = [1, 2, 3, 4, 5] as const;

/** CSAT after a conversation: 1 to 5 as a radio group (arrow keys move), an optional comment, then thanks. */
export function RatingForm({ onSubmit, submitted, submitting }: RatingFormProps) {
  const { t } = useI18n();
  const [score, setScore] = useState<number | undefined>(undefined);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  if (submitted) {
    return (
      <p class="sapa-thanks" role="status">
        {t('rating.thanks')}
      </p>
    );
  }

  return (
    <form
      class="sapa-form sapa-rating"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (score === undefined) {
          setMissing(true);
          return;
        }
        onSubmit(score, comment.trim() || undefined);
      }}
    >
      <fieldset aria-describedby={missing ? 'sapa-rating-error' : undefined}>
        <legend>{t('rating.question')}</legend>
        <div class="sapa-scores">
          {SCORES.map((value) => (
            <label key={value} class="sapa-score">
              <input
                type="radio"
                name="sapa-rating"
                value={value}
                checked={score === value}
                aria-label={t(`rating.score${value}`)}
                onChange={() => {
                  setScore(value);
                  setMissing(false);
                }}
              />
              <span aria-hidden="true">{value}</span>
            </label>
          ))}
        </div>
        {missing && (
          <p id="sapa-rating-error" class="sapa-field-error">
            {t('rating.choose')}
          </p>
        )}
      </fieldset>
      <div class="sapa-field">
        <label for="sapa-rating-comment">
          {t('rating.comment')} <span class="sapa-muted">{t('form.optional')}</span>
        </label>
        <textarea
          id="sapa-rating-comment"
          class="sapa-input"
          rows={2}
          value={comment}
          onInput={(event) => setComment(event.currentTarget.value)}
        />
      </div>
      <button type="submit" class="sapa-button" disabled={submitting}>
        {t('rating.submit')}
      </button>
    </form>
  );
}
