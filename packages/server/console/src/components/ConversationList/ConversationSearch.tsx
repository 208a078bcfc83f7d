import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/I18nProvider.js';

export interface ConversationSearchProps {
  /** The search on screen; undefined when none is on. */
  query?: string;
  searching: boolean;
  /** Conversations found. */
  count: number;
  onSearch: (query: string) => void;
  onClear: () => void;
}

/**
 * Finds conversations by reference (`SP-7KQ2`, in any case, with or without `SP-` or a leading "Ref"), or by the
 * visitor's name or email. The outcome is announced ("1 conversation for “SP-7KQ2”"); Clear search returns to
 * the inbox and to the search box.
 */
export function ConversationSearch({ query, searching, count, onSearch, onClear }: ConversationSearchProps) {
  const { t } = useI18n();
  const [text, setText] = useState(query ?? '');
  // The box shows the search on screen, also when it was started elsewhere (a reference in the care report).
  useEffect(() => setText(query ?? ''), [query]);
  let outcome = '';
  if (searching) outcome = t('search.searching');
  else if (query !== undefined && count > 0) outcome = t('search.results', { count, query });
  else if (query !== undefined) outcome = t('search.none', { query });
  return (
    <search class="search">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = text.trim();
          if (trimmed) onSearch(trimmed);
          else onClear();
        }}
      >
        <label for="conversation-search">{t('search.label')}</label>
        <span class="search__row">
          <input
            id="conversation-search"
            type="search"
            value={text}
            maxLength={200}
            placeholder={t('search.placeholder')}
            autoComplete="off"
            spellcheck={false}
            onInput={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query !== undefined) {
                event.preventDefault();
                onClear();
              }
            }}
          />
          <button type="submit">{t('search.submit')}</button>
        </span>
      </form>
      <p class="search__outcome" role="status">
        {outcome}
      </p>
      {query !== undefined ? (
        <button
          type="button"
          class="search__clear"
          onClick={(event) => {
            onClear();
            // The button leaves with the search; the search box keeps the focus.
            event.currentTarget.closest('.search')?.querySelector('input')?.focus();
          }}
        >
          {t('search.clear')}
        </button>
      ) : null}
    </search>
  );
}
