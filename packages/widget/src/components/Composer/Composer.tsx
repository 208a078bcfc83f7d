import { MAX_TEXT_LENGTH } from '@sapa/protocol';
import type { JSX, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Icon } from '../Icon/Icon.js';

/** Why the visitor cannot send now; shown as a visible sentence under the composer. */
export type ComposerDisabledReason = 'identity' | 'resolved';

/** Props of {@link Composer}. */
export interface ComposerProps {
  /** Called with the trimmed text; the composer clears itself. */
  onSend(text: string): void;
  /** Files chosen, dropped or pasted. Without it there is no attach button. */
  onFiles?: (files: File[]) => void;
  /** True while the visitor types, false after sending or clearing. */
  onTyping?: (typing: boolean) => void;
  /** When set, the composer is disabled and says why. */
  disabledReason?: ComposerDisabledReason;
  /** `accept` of the file input, from `config.upload.accept`. */
  accept?: string[];
  /** Starting text (a restored draft). */
  initialValue?: string;
  /** Why something the visitor just tried to send was refused (a file too large); announced as an alert. */
  notice?: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

// Show how much room is left only when it starts to matter.
const HINT_FROM = MAX_TEXT_LENGTH - 500;

function filesOf(list: FileList | ArrayLike<File> | null | undefined): File[] {
  return list ? Array.from(list) : [];
}

/**
 * Where the visitor writes. Enter sends, Shift+Enter starts a new line, and Enter that confirms an IME
 * composition (Indonesian visitors with Japanese or Chinese keyboards, phone keyboards) does not send.
 */
export function Composer({
  onSend,
  onFiles,
  onTyping,
  disabledReason,
  accept,
  initialValue = '',
  notice,
  textareaRef,
}: ComposerProps) {
  const { t } = useI18n();
  const [text, setText] = useState(initialValue);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const accepting = onFiles !== undefined && disabledReason === undefined;
  const typing = useRef(false);
  const disabled = disabledReason !== undefined;
  const length = text.length;
  const tooLong = length > MAX_TEXT_LENGTH;
  const canSend = !disabled && !tooLong && text.trim().length > 0;

  const setTyping = (value: boolean) => {
    if (typing.current === value) return;
    typing.current = value;
    onTyping?.(value);
  };

  const send = () => {
    if (!canSend) return;
    onSend(text.trim());
    setText('');
    setTyping(false);
  };

  const onInput = (event: JSX.TargetedEvent<HTMLTextAreaElement>) => {
    const element = event.currentTarget;
    setText(element.value);
    setTyping(element.value.length > 0);
    // Grow with the text up to the CSS max-height, then scroll.
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight}px`;
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    // keyCode 229 is what Safari reports for the Enter that ends a composition.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    send();
  };

  const takeFiles = (files: File[]) => {
    if (onFiles && !disabled && files.length > 0) onFiles(files);
  };

  // Drag events are bound directly: they are the same in every browser, and not every DOM exposes `ondrop`
  // properties for the JSX event mapping to detect.
  const latest = useRef(takeFiles);
  latest.current = takeFiles;
  useEffect(() => {
    const element = form.current;
    if (!element || !accepting) return;
    const over = (event: DragEvent) => {
      event.preventDefault();
      setDragging(true);
    };
    const leave = () => setDragging(false);
    const drop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      latest.current(filesOf(event.dataTransfer?.files));
    };
    element.addEventListener('dragover', over);
    element.addEventListener('dragleave', leave);
    element.addEventListener('drop', drop);
    return () => {
      element.removeEventListener('dragover', over);
      element.removeEventListener('dragleave', leave);
      element.removeEventListener('drop', drop);
    };
  }, [accepting]);

  const reasonId = 'sapa-composer-reason';
  const hintId = 'sapa-composer-hint';
  const describedBy = [disabled ? reasonId : '', length >= HINT_FROM ? hintId : ''].filter(Boolean).join(' ');

  return (
    <form
      ref={form}
      class={dragging ? 'sapa-composer sapa-dragging' : 'sapa-composer'}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      {dragging && (
        <p class="sapa-drop" aria-hidden="true">
          {t('composer.drop')}
        </p>
      )}
      {disabled && (
        <p id={reasonId} class="sapa-composer-reason">
          {t(`composer.reason.${disabledReason}`)}
        </p>
      )}
      <div class="sapa-composer-row">
        {onFiles && (
          <>
            <button
              type="button"
              class="sapa-icon-button"
              aria-label={t('composer.attach')}
              disabled={disabled}
              onClick={() => fileInput.current?.click()}
            >
              <Icon name="attach" />
            </button>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              tabIndex={-1}
              aria-label={t('composer.attach')}
              accept={accept?.join(',')}
              onChange={(event) => {
                takeFiles(filesOf(event.currentTarget.files));
                event.currentTarget.value = '';
              }}
            />
          </>
        )}
        <textarea
          ref={textareaRef}
          class="sapa-input sapa-textarea"
          rows={1}
          aria-label={t('composer.label')}
          aria-describedby={describedBy || undefined}
          aria-invalid={tooLong || undefined}
          placeholder={t('composer.placeholder')}
          value={text}
          disabled={disabled}
          onInput={onInput}
          onKeyDown={onKeyDown}
          onBlur={() => setTyping(false)}
          onPaste={(event) => {
            const files = filesOf(event.clipboardData?.files);
            if (onFiles && files.length > 0) {
              event.preventDefault();
              takeFiles(files);
            }
          }}
        />
        <button
          type="submit"
          class="sapa-icon-button sapa-send"
          aria-label={t('composer.send')}
          disabled={!canSend}
        >
          <Icon name="send" filled />
        </button>
      </div>
      {notice && (
        <p class="sapa-hint sapa-error-text" role="alert">
          {notice}
        </p>
      )}
      {length >= HINT_FROM && (
        <p id={hintId} class={tooLong ? 'sapa-hint sapa-error-text' : 'sapa-hint'} role="status">
          {tooLong
            ? t('composer.tooLong', { count: length - MAX_TEXT_LENGTH })
            : t('composer.remaining', { count: MAX_TEXT_LENGTH - length })}
        </p>
      )}
    </form>
  );
}
