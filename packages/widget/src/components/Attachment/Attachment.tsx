import type { Attachment as AttachmentFile } from '@sapa/protocol';
import { formatBytes } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Icon } from '../Icon/Icon.js';
import { MEDIA_SCHEMES, safeUrl } from '../safe-url.js';

/** Props of {@link Attachment}. */
export interface AttachmentProps {
  attachment: AttachmentFile;
}

/**
 * A file in a message: images as a preview (alt is the file name), other files as a chip with name and size
 * that downloads. Names are text inside `<bdi>`, so a right-to-left name cannot reorder the size after it.
 */
export function Attachment({ attachment }: AttachmentProps) {
  const { t, locale } = useI18n();
  const href = safeUrl(attachment.url, MEDIA_SCHEMES);
  const size = formatBytes(attachment.size, locale);
  // SVG is left out of previews: it is shown as a file, like any document the visitor downloads.
  if (href && attachment.mime.startsWith('image/') && attachment.mime !== 'image/svg+xml') {
    return (
      <a class="sapa-image" href={href} target="_blank" rel="noopener noreferrer">
        <img
          class="sapa-picture"
          src={href}
          alt={attachment.name}
          width={attachment.width}
          height={attachment.height}
          loading="lazy"
          referrerpolicy="no-referrer"
        />
      </a>
    );
  }
  const body = (
    <>
      <Icon name="file" />
      <span class="sapa-file-name">
        <bdi>{attachment.name}</bdi>
      </span>
      <span class="sapa-file-size">{size}</span>
    </>
  );
  return href ? (
    <a class="sapa-file" href={href} download={attachment.name} target="_blank" rel="noopener noreferrer">
      {body}
      <span class="sapa-visually-hidden">, {t('attachment.download')}</span>
    </a>
  ) : (
    <span class="sapa-file">{body}</span>
  );
}
