import type { Availability } from '@sapa/protocol';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';
import { addScreenStyles } from '../../styles/screen-styles.js';
import { ValidatedForm } from '../FormField/FormField.js';
import { availabilityText } from '../Header/Header.js';

// This screen is a chunk of its own and brings its strings with it.
addScreenStrings();
addScreenStyles();

/** What the visitor leaves while nobody is online: the message, and the name and email the form asked for. */
export interface LeftMessage {
  name?: string;
  email?: string;
  message: string;
}

/** Props of {@link LeaveMessageForm}. */
export interface LeaveMessageFormProps {
  availability?: Availability;
  onSubmit(value: LeftMessage): void;
  submitting?: boolean;
  /** The message was accepted: show the thank-you. */
  submitted?: boolean;
  initialValue?: Partial<LeftMessage>;
  /**
   * What the site knows of the visitor: a name or email it has is not asked again (issue 12); with both, the
   * form asks only for the message.
   */
  known?: { name?: string; email?: string };
  /** Move focus into the form when it appears (it replaced the field the visitor was typing in). */
  autoFocus?: boolean;
  now?: Date;
}

/** When nobody is online: name, email and message, with an honest word on when the team is back. */
export function LeaveMessageForm({
  availability,
  onSubmit,
  submitting,
  submitted,
  initialValue = {},
  known = {},
  autoFocus,
  now,
}: LeaveMessageFormProps) {
  const { t, locale } = useI18n();
  if (submitted) {
    return (
      <p class="sapa-thanks" role="status">
        {t('leave.sent')}
      </p>
    );
  }
  return (
    <ValidatedForm
      id="sapa-leave"
      title={t('leave.title')}
      intro={availabilityText(availability ?? { online: false }, t, locale, now ?? new Date())}
      fields={[
        ...(known.name
          ? []
          : [
              {
                name: 'name',
                type: 'text',
                required: false,
                label: t('form.name'),
                autocomplete: 'name',
              } as const,
            ]),
        ...(known.email
          ? []
          : [
              {
                name: 'email',
                type: 'email',
                required: true,
                label: t('form.email'),
                autocomplete: 'email',
              } as const,
            ]),
        { name: 'message', type: 'textarea', required: true, label: t('leave.message'), autocomplete: 'off' },
      ]}
      initialValues={{ name: '', email: '', message: '', ...initialValue }}
      submitLabel={t('leave.submit')}
      submitting={submitting}
      autoFocus={autoFocus}
      onSubmit={({ name = '', email = '', message = '' }) =>
        onSubmit({ ...(known.name ? {} : { name }), ...(known.email ? {} : { email }), message })
      }
    />
  );
}
