import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';
import { FormField, validateField } from '../FormField/FormField.js';

// Shown only while nobody is online to a visitor without an email address: a chunk of its own, with its strings.
addScreenStrings();

/** Props of {@link ReplyByEmail}. */
export interface ReplyByEmailProps {
  /** The address saved: the form has become the sentence that says where the answer goes. */
  savedEmail?: string;
  /** A valid address, trimmed. */
  onSave(email: string): void;
  saving?: boolean;
}

/**
 * Inside the conversation while nobody is online, for a visitor the site has no email address for and a backend
 * that emails replies: one field to leave an address, then "We'll email you at …". Asked here, not in a form
 * before the chat (issue 12: the chat is always a chat).
 */
export function ReplyByEmail({ savedEmail, onSave, saving }: ReplyByEmailProps) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const form = useRef<HTMLFormElement>(null);
  if (savedEmail) {
    return (
      <p class="sapa-muted sapa-reply-by-email" role="status">
        {t('email.saved', { email: savedEmail })}
      </p>
    );
  }
  return (
    <form
      ref={form}
      class="sapa-reply-by-email"
      noValidate
      aria-labelledby="sapa-reply-by-email-title"
      onSubmit={(event) => {
        event.preventDefault();
        const problem = validateField(email, 'email', true);
        setError(problem);
        if (problem) form.current?.querySelector('input')?.focus();
        else onSave(email.trim());
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
      <button type="submit" class="sapa-button" disabled={saving}>
        {t('email.save')}
      </button>
    </form>
  );
}
