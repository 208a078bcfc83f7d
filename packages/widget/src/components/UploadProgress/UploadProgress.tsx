import { formatBytes } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStrings } from '../../i18n/screen-strings.js';

// This screen is a chunk of its own and brings its strings with it.
addScreenStrings();

/** Props of {@link UploadProgress}. */
export interface UploadProgressProps {
  name: string;
  size: number;
  /** 0 to 1. */
  fraction: number;
  onCancel(): void;
}

/** A file on its way: a progress bar with its value for assistive technology, and Cancel. */
export function UploadProgress({ name, size, fraction, onCancel }: UploadProgressProps) {
  const { t, locale } = useI18n();
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div class="sapa-file sapa-upload">
      <span class="sapa-file-name">
        <bdi>{name}</bdi>
      </span>
      <span class="sapa-file-size">{formatBytes(size, locale)}</span>
      <div
        class="sapa-progress"
        role="progressbar"
        aria-label={t('upload.label', { name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div class="sapa-progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <button type="button" class="sapa-link-button" onClick={onCancel}>
        {t('upload.cancel')}
      </button>
    </div>
  );
}
