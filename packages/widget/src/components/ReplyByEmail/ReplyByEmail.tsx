import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';
import { addScreenStyles } from '../../styles/screen-styles.js';
import { FormField, validateField } from '../FormField/FormField.js';

// Shown only while nobody is online to a visitor without an email address: a chunk of its own, with its strings.
addScreenStrings();
addScreenStyles();

/** Props of {@link ReplyByEmail}. */
export interface ReplyByEmailProps {
  /** The visitor's email address, once the site has one. */
  email?: string;
  /** Saves a valid address (trimmed); a rejection gives the form back. */
  onSave(email: string): Promise<unknown>;
}

/**
 * Inside the conversation while nobody is online, for a visitor the site has no email address for and a backend
 * that emails replies: one field to leave an address, then "We'll email you at …". Asked here, not in a form
 * before the chat (issue 12: the chat is always a chat). A visitor who had an address before is not asked (it
 * draws nothing).
 */
export function ReplyByEmail({ email: known, onSave }: ReplyByEmailProps) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const [state, setState] = useState<'asking' | 'saving' | 'saved'>('asking');
  const form = useRef<HTMLFormElement>(null);
  // An address the site had before this form was shown is not the form's to confirm.
  const [hadOne] = useState(Boolean(known));
  if (hadOne) return null;
  if (state === 'saved') {
    return (
      <p class="sapa-muted" role="status">
        {t('email.saved', { email: known ?? email.trim() })}
      </p>
    );
  }
  return (
    <form
      ref={form}
      class="sapa-form"
      noValidate
      aria-labelledby="sapa-reply-by-email-title"
      onSubmit={(event) => {
        event.preventDefault();
        const problem = validateField(email, 'email', true);
        setError(problem);
        if (problem) return form.current?.querySelector('input')?.focus();
        setState('saving');
        onSave(email.trim()).then(
          () => setState('saved'),
          () => setState('asking'),
        );
      }}
    >
      <p id="sapa-reply-by-email-title" class="sapa-subtitle">
        {t('email.title')}
      </p>
      <p class="sapa-muted">{t('email.intro')}</p>
      <FormField
        id="sapa-reply-by-email-email"
        label={t('email.label')}
        type="email"
        value={email}
        required
        autocomplete="email"
        error={error && t(error)}
        onInput={(value) => {
          setEmail(value);
          setError(undefined);
        }}
      />
      <button type="submit" class="sapa-button" disabled={state === 'saving'}>
        {t('email.save')}
      </button>
    </form>
  );
}
