import type { PrechatField } from '@sapa/protocol';
import { siteText } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';
import { addScreenStyles } from '../../styles/screen-styles.js';
import { ValidatedForm } from '../FormField/FormField.js';

// This screen is a chunk of its own and brings its strings with it.
addScreenStrings();
addScreenStyles();

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
  const labelOf = (field: PrechatField) =>
    siteText(field.label, locale) ??
    field.label?.en ??
    (field.type === 'email' ? t('form.email') : field.type === 'tel' ? t('form.phone') : t('form.name'));
  return (
    <ValidatedForm
      id="sapa-prechat"
      title={t('prechat.title')}
      intro={t('prechat.intro')}
      fields={fields.map((field) => ({
        name: field.name,
        type: field.type,
        required: field.required,
        label: labelOf(field),
        autocomplete:
          AUTOCOMPLETE[field.name] ??
          (field.type === 'tel' ? 'tel' : field.type === 'email' ? 'email' : undefined),
      }))}
      initialValues={initialValues}
      submitLabel={t('prechat.submit')}
      submitting={submitting}
      onSubmit={onSubmit}
    />
  );
}
