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
