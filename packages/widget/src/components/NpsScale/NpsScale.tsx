import type { Action } from '@sapa/protocol';
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';
import { addScreenStyles } from '../../styles/screen-styles.js';
import { QuickReplies } from '../QuickReplies/QuickReplies.js';
import { npsReplies } from './nps-replies.js';

// Drawn only for a survey question: a chunk of its own, with its strings.
addScreenStrings();
addScreenStyles();

type ReplyAction = Extract<Action, { type: 'reply' }>;

/** Props of {@link NpsScale}. */
export interface NpsScaleProps {
  /** The question's actions: the 11 replies `nps:0` … `nps:10`. */
  actions: Action[];
  /** The chosen reply (its postback answers the question) and the comment written with it, if any. */
  onAnswer(reply: ReplyAction, comment?: string): void;
  /** Actions that are not those 11 replies show as they are, and answer as replies do. */
  onReply(reply: ReplyAction): void;
}

/**
 * "How likely are you to recommend us?" as a 0–10 scale under the question (`Message.survey` of type `nps`): a
 * radio group (arrow keys move) with its end labels, an optional comment, and a button that sends the answer.
 * The question asks in the message above it, so the group's name is for screen readers. Actions that are not
 * the 11 NPS replies show as quick replies.
 */
export function NpsScale({ actions, onAnswer, onReply }: NpsScaleProps) {
  const { t } = useI18n();
  const replies = npsReplies(actions);
  const [score, setScore] = useState<number>();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  if (!replies) return <QuickReplies actions={actions} onReply={onReply} />;
  return (
    <form
      class="sapa-form sapa-nps"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const reply = score === undefined ? undefined : replies[score];
        if (reply) onAnswer(reply, comment.trim() || undefined);
        else setMissing(true);
      }}
    >
      <fieldset aria-describedby={missing ? 'sapa-nps-error' : undefined}>
        <legend class="sapa-visually-hidden">{t('nps.label')}</legend>
        <div class="sapa-scores">
          {replies.map((reply, value) => (
            <label key={reply.payload} class="sapa-score">
              <input
                type="radio"
                name="sapa-nps"
                value={value}
                checked={score === value}
                aria-label={value === 0 ? t('nps.score0') : value === 10 ? t('nps.score10') : reply.label}
                onChange={() => {
                  setScore(value);
                  setMissing(false);
                }}
              />
              <span aria-hidden="true">{reply.label}</span>
            </label>
          ))}
        </div>
        <p class="sapa-nps-ends sapa-muted" aria-hidden="true">
          <span>{t('nps.notLikely')}</span>
          <span>{t('nps.veryLikely')}</span>
        </p>
        {missing && (
          <p id="sapa-nps-error" class="sapa-field-error">
            {t('nps.choose')}
          </p>
        )}
      </fieldset>
      <div class="sapa-field">
        <label for="sapa-nps-comment">
          {t('nps.comment')} <span class="sapa-muted">{t('form.optional')}</span>
        </label>
        <textarea
          id="sapa-nps-comment"
          class="sapa-input"
          rows={2}
          value={comment}
          onInput={(event) => setComment(event.currentTarget.value)}
        />
      </div>
      <button type="submit" class="sapa-button">
        {t('nps.submit')}
      </button>
    </form>
  );
}
