import { useI18n } from '../../i18n/I18nProvider.js';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  /** The site's greeting for the visitor's locale (`config.greeting`); a friendly default otherwise. */
  greeting?: string;
}

/** What a new conversation shows before the first message. */
export function EmptyState({ greeting }: EmptyStateProps) {
  const { t } = useI18n();
  return (
    <div class="sapa-empty">
      <p>{greeting || t('empty.title')}</p>
    </div>
  );
}
