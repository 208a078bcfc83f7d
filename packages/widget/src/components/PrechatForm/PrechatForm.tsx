import type { PrechatField } from '@sapa/protocol';
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';
import { FormField, validateField } from '../FormField/FormField.js';

// This screen is a chunk of its own and brings its strings with it.
addScreenStrings();

/** Props of {@link PrechatForm}. */
export interface PrechatFormProps {
  /** `config.prechat.fields`. */
  fields: PrechatField[];
  /** Valid values, by field name (trimmed). */
  onSubmit(values: Record<string, string>): void;
  submitting?: boolean;
  initialValues?: Record<string, string>;
}

const AUTOCOMPLETE: Record<string, string> = { name: 'name', email: 'email', phone: 'tel' };

/**
 * The questions a site asks before the first message, with labels in the visitor's language. Errors show on
 * submit beside each field, and focus moves to the first field to fix.
 */
export function PrechatForm({ fields, onSubmit, submitting, initialValues = {} }: PrechatFormProps) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState<Record<string, string>>(initialValues);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const form = useRef<HTMLFormElement>(null);

  const labelOf = (field: PrechatField) =>
    field.label?.[locale] ??
    field.label?.en ??
    (field.type === 'email' ? t('form.email') : field.type === 'tel' ? t('form.phone') : t('form.name'));

  return (
    <form
      ref={form}
      class="sapa-form"
      noValidate
      aria-labelledby="sapa-prechat-title"
      onSubmit={(event) => {
        event.preventDefault();
        const found: Record<string, string | undefined> = {};
        for (const field of fields)
          found[field.name] = validateField(values[field.name] ?? '', field.type, field.required);
        setErrors(found);
        const firstInvalid = fields.find((field) => found[field.name]);
        if (firstInvalid) {
          form.current?.querySelector<HTMLElement>(`#sapa-prechat-${CSS.escape(firstInvalid.name)}`)?.focus();
          return;
        }
        const trimmed: Record<string, string> = {};
        for (const field of fields) {
          const value = (values[field.name] ?? '').trim();
          if (value) trimmed[field.name] = value;
        }
        onSubmit(trimmed);
      }}
    >
      <h3 id="sapa-prechat-title" class="sapa-subtitle">
        {t('prechat.title')}
      </h3>
      <p class="sapa-muted">{t('prechat.intro')}</p>
      {fields.map((field) => {
        const error = errors[field.name];
        return (
          <FormField
            key={field.name}
            id={`sapa-prechat-${field.name}`}
            label={labelOf(field)}
            type={field.type}
            required={field.required}
            optionalText={t('form.optional')}
            autocomplete={
              AUTOCOMPLETE[field.name] ??
              (field.type === 'tel' ? 'tel' : field.type === 'email' ? 'email' : undefined)
            }
            value={values[field.name] ?? ''}
            error={error ? t(error) : undefined}
            onInput={(value) => {
              setValues({ ...values, [field.name]: value });
              if (error) setErrors({ ...errors, [field.name]: undefined });
            }}
          />
        );
      })}
      <button type="submit" class="sapa-button" disabled={submitting}>
        {t('prechat.submit')}
      </button>
    </form>
  );
}
