import type { Action, Card } from '@sapa/protocol';
import { MAX_TEXT_LENGTH } from '@sapa/protocol';
import type { JSX, Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { TranslationKey } from '../../i18n/console-i18n.js';
import { describeError } from '../../i18n/describe-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Interpolated } from '../../i18n/Interpolated.js';
import { safeHttpUrl } from '../../safe-url.js';

/** What the agent sends: text, a card, or a file; quick replies go with text and cards. */
export type ComposedReply =
  | { type: 'text'; text: string; actions: Action[] }
  | { type: 'card'; card: Card; actions: Action[] }
  | { type: 'file'; file: File; text?: string };

export interface ComposerProps {
  /** Resolves when the server accepted the reply; the composer clears then, keeps the draft on failure. */
  onSend: (reply: ComposedReply) => Promise<void>;
  /** Called on every keystroke with whether text remains. */
  onInput?: (hasText: boolean) => void;
  disabled?: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

interface QuickReplyDraft {
  key: number;
  label: string;
  payload: string;
}

let nextKey = 1;

/**
 * The reply form. Enter sends, Shift+Enter starts a new line. Quick replies (label and payload) and
 * a card (title, text, image and link) are optional; a chosen file is sent with the text as caption.
 */
export function Composer({ onSend, onInput, disabled, textareaRef }: ComposerProps) {
  const { t, format } = useI18n();
  const [text, setText] = useState('');
  const [quickReplies, setQuickReplies] = useState<QuickReplyDraft[]>([]);
  const [cardOpen, setCardOpen] = useState(false);
  const [card, setCard] = useState<Card>({ title: '' });
  const [file, setFile] = useState<File | undefined>();
  const [fileInputKey, setFileInputKey] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);

  /** The reply, or why it cannot go (a catalog key and its values). */
  const build = (): ComposedReply | { problem: TranslationKey; values?: Record<string, number> } => {
    const actions: Action[] = [];
    for (const draft of quickReplies) {
      const label = draft.label.trim();
      if (!label) return { problem: 'composer.error.quickReplyLabel' };
      actions.push({ type: 'reply', label, payload: draft.payload.trim() || label });
    }
    if (file) {
      if (actions.length > 0) return { problem: 'composer.error.quickRepliesWithFile' };
      return text.trim() ? { type: 'file', file, text: text.trim() } : { type: 'file', file };
    }
    if (cardOpen) {
      const title = card.title.trim();
      if (!title) return { problem: 'composer.error.cardTitle' };
      const result: Card = { title };
      const cardText = card.text?.trim() || text.trim();
      if (cardText) result.text = cardText;
      for (const field of ['imageUrl', 'url'] as const) {
        const value = card[field]?.trim();
        if (!value) continue;
        const url = safeHttpUrl(value);
        if (!url) return { problem: field === 'url' ? 'composer.error.linkUrl' : 'composer.error.imageUrl' };
        result[field] = url;
      }
      return { type: 'card', card: result, actions };
    }
    const trimmed = text.trim();
    if (!trimmed) return { problem: 'composer.error.empty' };
    if (trimmed.length > MAX_TEXT_LENGTH)
      return { problem: 'composer.error.tooLong', values: { max: MAX_TEXT_LENGTH } };
    return { type: 'text', text: trimmed, actions };
  };

  const submit = async () => {
    if (sending || disabled) return;
    const reply = build();
    if ('problem' in reply) {
      setError(t(reply.problem, reply.values));
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      await onSend(reply);
      setText('');
      setQuickReplies([]);
      setCard({ title: '' });
      setCardOpen(false);
      setFile(undefined);
      setFileInputKey((key) => key + 1);
    } catch (caught) {
      setError(caught instanceof Error ? describeError(caught, t) : t('composer.error.failed'));
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter that confirms an IME candidate must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const updateQuickReply = (key: number, change: Partial<QuickReplyDraft>) =>
    setQuickReplies((drafts) => drafts.map((draft) => (draft.key === key ? { ...draft, ...change } : draft)));

  return (
    <form
      class="composer"
      aria-label={t('composer.label')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label class="visually-hidden" for="composer-text">
        {t('composer.textLabel')}
      </label>
      <textarea
        id="composer-text"
        ref={textareaRef}
        value={text}
        rows={3}
        placeholder={cardOpen ? t('composer.cardPlaceholder') : t('composer.placeholder')}
        disabled={disabled}
        aria-describedby={error ? 'composer-error' : undefined}
        onInput={(event) => {
          const value = event.currentTarget.value;
          setText(value);
          onInput?.(value.trim() !== '');
        }}
        onKeyDown={onKeyDown}
      />
      {quickReplies.length > 0 ? (
        <fieldset class="composer__quick-replies">
          <legend>{t('composer.quickReplies')}</legend>
          {quickReplies.map((draft, index) => (
            <div class="composer__row" key={draft.key}>
              <label>
                {t('composer.quickReplyLabel', { number: index + 1 })}
                <input
                  value={draft.label}
                  onInput={(event) => updateQuickReply(draft.key, { label: event.currentTarget.value })}
                />
              </label>
              <label>
                {t('composer.quickReplyPayload', { number: index + 1 })}
                <input
                  value={draft.payload}
                  placeholder={t('composer.payloadPlaceholder')}
                  onInput={(event) => updateQuickReply(draft.key, { payload: event.currentTarget.value })}
                />
              </label>
              <button
                type="button"
                onClick={() => setQuickReplies((drafts) => drafts.filter((item) => item.key !== draft.key))}
              >
                {t('composer.removeQuickReply', { number: index + 1 })}
              </button>
            </div>
          ))}
        </fieldset>
      ) : null}
      {cardOpen ? (
        <fieldset class="composer__card">
          <legend>{t('composer.card')}</legend>
          <label>
            {t('composer.cardTitle')}
            <input
              value={card.title}
              onInput={(event) => setCard({ ...card, title: event.currentTarget.value })}
            />
          </label>
          <label>
            {t('composer.cardImage')}
            <input
              type="url"
              value={card.imageUrl ?? ''}
              onInput={(event) => setCard({ ...card, imageUrl: event.currentTarget.value })}
            />
          </label>
          <label>
            {t('composer.cardLink')}
            <input
              type="url"
              value={card.url ?? ''}
              onInput={(event) => setCard({ ...card, url: event.currentTarget.value })}
            />
          </label>
        </fieldset>
      ) : null}
      {file ? (
        <p class="composer__file">
          <span>
            <Interpolated
              text={t('composer.attached')}
              values={{ name: <bdi>{file.name}</bdi>, size: format.bytes(file.size) }}
            />
          </span>{' '}
          <button
            type="button"
            onClick={() => {
              setFile(undefined);
              setFileInputKey((key) => key + 1);
            }}
          >
            {t('composer.removeFile')}
          </button>
        </p>
      ) : null}
      {error ? (
        <p id="composer-error" class="composer__error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="composer__tools">
        <button
          type="button"
          disabled={disabled}
          onClick={() => setQuickReplies((drafts) => [...drafts, { key: nextKey++, label: '', payload: '' }])}
        >
          {t('composer.addQuickReply')}
        </button>
        <button
          type="button"
          aria-pressed={cardOpen}
          disabled={disabled}
          onClick={() => setCardOpen(!cardOpen)}
        >
          {t('composer.card')}
        </button>
        <label class="file-button">
          {t('composer.attach')}
          <input
            key={fileInputKey}
            type="file"
            class="visually-hidden"
            disabled={disabled}
            onChange={(event) => setFile(event.currentTarget.files?.[0])}
          />
        </label>
        <button type="submit" class="primary" disabled={disabled || sending}>
          {sending ? t('composer.sending') : t('composer.send')}
        </button>
      </div>
    </form>
  );
}
