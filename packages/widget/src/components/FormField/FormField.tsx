import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';
import { addScreenStyles } from '../../styles/screen-styles.js';

// Forms are on-demand screens: their strings come with them.
addScreenStrings();
addScreenStyles();

/** Kinds of input a form field can be. */
export type FieldType = 'text' | 'email' | 'tel' | 'textarea';

/** Props of {@link FormField}. */
export interface FormFieldProps {
  id: string;
  label: string;
  type: FieldType;
  value: string;
  required?: boolean;
  /** Shown under the field and tied to it with aria-describedby; marks it invalid. */
  error?: string;
  /** Added to the label for fields that may stay empty, e.g. "(optional)". */
  optionalText?: string;
  autocomplete?: string;
  onInput(value: string): void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s\-().]{6,20}$/;

/** The i18n key of what is wrong with `value`, or undefined when it is fine. */
export function validateField(value: string, type: FieldType, required: boolean): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return required ? 'form.required' : undefined;
  if (type === 'email' && !EMAIL.test(trimmed)) return 'form.invalidEmail';
  if (type === 'tel' && !PHONE.test(trimmed)) return 'form.invalidPhone';
  return undefined;
}

/** A labelled input with its error message; 16 px text so phones do not zoom on focus. */
export function FormField({
  id,
  label,
  type,
  value,
  required,
  error,
  optionalText,
  autocomplete,
  onInput,
}: FormFieldProps) {
  const errorId = `${id}-error`;
  const shared = {
    id,
    class: 'sapa-input',
    value,
    required,
    autocomplete,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  };
  const handleInput = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    onInput(event.currentTarget.value);
  return (
    <div class="sapa-field">
      <label for={id}>
        {label}
        {!required && optionalText && <span class="sapa-muted"> {optionalText}</span>}
      </label>
      {type === 'textarea' ? (
        <textarea rows={3} {...shared} onInput={handleInput} />
      ) : (
        <input type={type} {...shared} onInput={handleInput} />
      )}
      {error && (
        <p id={errorId} class="sapa-field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** One field of a {@link ValidatedForm}. */
export interface FieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
  label: string;
  autocomplete?: string;
}

/** Props of {@link ValidatedForm}. */
export interface ValidatedFormProps {
  /** Prefix of the title's and the fields' ids: `sapa-leave` gives `sapa-leave-title`, `sapa-leave-email`. */
  id: string;
  title: string;
  /** A sentence under the title. */
  intro?: ComponentChildren;
  fields: FieldSpec[];
  initialValues?: Record<string, string>;
  submitLabel: string;
  submitting?: boolean;
  /** Move focus into the first field when the form appears. */
  autoFocus?: boolean;
  /** The values once every field is valid: trimmed, empty optional fields left out. */
  onSubmit(values: Record<string, string>): void;
}

/**
 * A titled form of {@link FormField}s. It validates on submit: each error shows beside its field in the
 * visitor's language, focus moves to the first field to fix, and typing in a field clears its error.
 *
 * @example
 * ```tsx
 * <ValidatedForm id="sapa-prechat" title={t('prechat.title')} submitLabel={t('prechat.submit')}
 *   fields={[{ name: 'email', type: 'email', required: true, label: t('form.email') }]} onSubmit={start} />
 * ```
 */
export function ValidatedForm({
  id,
  title,
  intro,
  fields,
  initialValues = {},
  submitLabel,
  submitting,
  autoFocus,
  onSubmit,
}: ValidatedFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, string>>(initialValues);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const form = useRef<HTMLFormElement>(null);
  const fieldId = (name: string) => `${id}-${name}`;
  useEffect(() => {
    if (autoFocus) form.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [autoFocus]);

  return (
    <form
      ref={form}
      class="sapa-form"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        const found: Record<string, string | undefined> = {};
        for (const field of fields)
          found[field.name] = validateField(values[field.name] ?? '', field.type, field.required);
        setErrors(found);
        const firstInvalid = fields.find((field) => found[field.name]);
        if (firstInvalid) {
          form.current?.querySelector<HTMLElement>(`#${CSS.escape(fieldId(firstInvalid.name))}`)?.focus();
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
      <h3 id={`${id}-title`} class="sapa-subtitle">
        {title}
      </h3>
      {intro && <p class="sapa-muted">{intro}</p>}
      {fields.map((field) => {
        const error = errors[field.name];
        return (
          <FormField
            key={field.name}
            id={fieldId(field.name)}
            label={field.label}
            type={field.type}
            required={field.required}
            optionalText={t('form.optional')}
            autocomplete={field.autocomplete}
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
        {submitLabel}
      </button>
    </form>
  );
}
