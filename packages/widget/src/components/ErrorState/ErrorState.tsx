import { useI18n } from '../../i18n/I18nProvider.js';

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  /** A sentence saying what failed (e.g. `lastError.message`); shown as text. */
  detail?: string;
  onRetry?: () => void;
}

/** A failure the visitor can see and, when possible, retry. */
export function ErrorState({ detail, onRetry }: ErrorStateProps) {
  const { t } = useI18n();
  return (
    <div class="sapa-error" role="alert">
      <p class="sapa-subtitle">{t('error.title')}</p>
      {detail && <p class="sapa-muted">{detail}</p>}
      {onRetry && (
        <button type="button" class="sapa-button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
