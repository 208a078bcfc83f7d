import type { Availability } from '@sapa/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';
import { FormField, validateField } from '../FormField/FormField.js';
import { availabilityText } from '../Header/Header.js';

// This screen is a chunk of its own and brings its strings with it.
addScreenStrings();

/** What the visitor leaves while nobody is online. */
export interface LeftMessage {
  name: string;
  email: string;
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
  /** Move focus into the form when it appears (it replaced the field the visitor was typing in). */
  autoFocus?: boolean;
  now?: Date;
}

type FieldName = keyof LeftMessage;

/** When nobody is online: name, email and message, with an honest word on when the team is back. */
export function LeaveMessageForm({
  availability,
  onSubmit,
  submitting,
  submitted,
  initialValue = {},
  autoFocus,
  now,
}: LeaveMessageFormProps) {
  const { t, locale } = useI18n();
  const [value, setValue] = useState<LeftMessage>({ name: '', email: '', message: '', ...initialValue });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (autoFocus) form.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [autoFocus]);

  if (submitted) {
    return (
      <p class="sapa-thanks" role="status">
        {t('leave.sent')}
      </p>
    );
  }

  const fields: { name: FieldName; type: 'text' | 'email' | 'textarea'; required: boolean; label: string }[] =
    [
      { name: 'name', type: 'text', required: false, label: t('form.name') },
      { name: 'email', type: 'email', required: true, label: t('form.email') },
      { name: 'message', type: 'textarea', required: true, label: t('leave.message') },
    ];

  return (
    <form
      ref={form}
      class="sapa-form"
      noValidate
      aria-labelledby="sapa-leave-title"
      onSubmit={(event) => {
        event.preventDefault();
        const found: Partial<Record<FieldName, string>> = {};
        for (const field of fields) {
          const key = validateField(value[field.name], field.type, field.required);
          if (key) found[field.name] = key;
        }
        setErrors(found);
        const firstInvalid = fields.find((field) => found[field.name]);
        if (firstInvalid) {
          form.current?.querySelector<HTMLElement>(`#sapa-leave-${firstInvalid.name}`)?.focus();
          return;
        }
        onSubmit({ name: value.name.trim(), email: value.email.trim(), message: value.message.trim() });
      }}
    >
      <h3 id="sapa-leave-title" class="sapa-subtitle">
        {t('leave.title')}
      </h3>
      <p class="sapa-muted">
        {availabilityText(availability ?? { online: false }, t, locale, now ?? new Date())}
      </p>
      {fields.map((field) => {
        const error = errors[field.name];
        return (
          <FormField
            key={field.name}
            id={`sapa-leave-${field.name}`}
            label={field.label}
            type={field.type}
            required={field.required}
            optionalText={t('form.optional')}
            autocomplete={field.name === 'message' ? 'off' : field.name}
            value={value[field.name]}
            error={error ? t(error) : undefined}
            onInput={(text) => {
              setValue({ ...value, [field.name]: text });
              if (error) setErrors({ ...errors, [field.name]: undefined });
            }}
          />
        );
      })}
      <button type="submit" class="sapa-button" disabled={submitting}>
        {t('leave.submit')}
      </button>
    </form>
  );
}
