import type { Action, Card } from '@sapa/protocol';
import { MAX_TEXT_LENGTH } from '@sapa/protocol';
import type { JSX, Ref } from 'preact';
import { useState } from 'preact/hooks';
import { formatBytes } from '../../format.js';
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
  const [text, setText] = useState('');
  const [quickReplies, setQuickReplies] = useState<QuickReplyDraft[]>([]);
  const [cardOpen, setCardOpen] = useState(false);
  const [card, setCard] = useState<Card>({ title: '' });
  const [file, setFile] = useState<File | undefined>();
  const [fileInputKey, setFileInputKey] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);

  const build = (): ComposedReply | string => {
    const actions: Action[] = [];
    for (const draft of quickReplies) {
      const label = draft.label.trim();
      if (!label) return 'Every quick reply needs a label.';
      actions.push({ type: 'reply', label, payload: draft.payload.trim() || label });
    }
    if (file) {
      if (actions.length > 0) return 'Quick replies cannot go with a file; send them with text.';
      return text.trim() ? { type: 'file', file, text: text.trim() } : { type: 'file', file };
    }
    if (cardOpen) {
      const title = card.title.trim();
      if (!title) return 'A card needs a title.';
      const result: Card = { title };
      const cardText = card.text?.trim() || text.trim();
      if (cardText) result.text = cardText;
      for (const field of ['imageUrl', 'url'] as const) {
        const value = card[field]?.trim();
        if (!value) continue;
        const url = safeHttpUrl(value);
        if (!url) return `The ${field === 'url' ? 'link' : 'image'} URL must start with http:// or https://.`;
        result[field] = url;
      }
      return { type: 'card', card: result, actions };
    }
    const trimmed = text.trim();
    if (!trimmed) return 'Write a reply first.';
    if (trimmed.length > MAX_TEXT_LENGTH) return `A reply can be at most ${MAX_TEXT_LENGTH} characters.`;
    return { type: 'text', text: trimmed, actions };
  };

  const submit = async () => {
    if (sending || disabled) return;
    const reply = build();
    if (typeof reply === 'string') {
      setError(reply);
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
      setError(caught instanceof Error ? caught.message : 'Sending the reply failed.');
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
      aria-label="Reply"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label class="visually-hidden" for="composer-text">
        Reply to the visitor
      </label>
      <textarea
        id="composer-text"
        ref={textareaRef}
        value={text}
        rows={3}
        placeholder={
          cardOpen ? 'Card text (optional)' : 'Write a reply… (Enter sends, Shift+Enter for a new line)'
        }
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
          <legend>Quick replies</legend>
          {quickReplies.map((draft, index) => (
            <div class="composer__row" key={draft.key}>
              <label>
                Label {index + 1}
                <input
                  value={draft.label}
                  onInput={(event) => updateQuickReply(draft.key, { label: event.currentTarget.value })}
                />
              </label>
              <label>
                Payload {index + 1}
                <input
                  value={draft.payload}
                  placeholder="same as label"
                  onInput={(event) => updateQuickReply(draft.key, { payload: event.currentTarget.value })}
                />
              </label>
              <button
                type="button"
                onClick={() => setQuickReplies((drafts) => drafts.filter((item) => item.key !== draft.key))}
              >
                Remove quick reply {index + 1}
              </button>
            </div>
          ))}
        </fieldset>
      ) : null}
      {cardOpen ? (
        <fieldset class="composer__card">
          <legend>Card</legend>
          <label>
            Title
            <input
              value={card.title}
              onInput={(event) => setCard({ ...card, title: event.currentTarget.value })}
            />
          </label>
          <label>
            Image URL
            <input
              type="url"
              value={card.imageUrl ?? ''}
              onInput={(event) => setCard({ ...card, imageUrl: event.currentTarget.value })}
            />
          </label>
          <label>
            Link URL
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
            Attached: <bdi>{file.name}</bdi> ({formatBytes(file.size)})
          </span>{' '}
          <button
            type="button"
            onClick={() => {
              setFile(undefined);
              setFileInputKey((key) => key + 1);
            }}
          >
            Remove file
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
          Add quick reply
        </button>
        <button
          type="button"
          aria-pressed={cardOpen}
          disabled={disabled}
          onClick={() => setCardOpen(!cardOpen)}
        >
          Card
        </button>
        <label class="file-button">
          Attach file
          <input
            key={fileInputKey}
            type="file"
            class="visually-hidden"
            disabled={disabled}
            onChange={(event) => setFile(event.currentTarget.files?.[0])}
          />
        </label>
        <button type="submit" class="primary" disabled={disabled || sending}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
