import { useEffect, useState } from 'preact/hooks';
import type { CareQuery } from '../../agent-api.js';
import type { AgentRef } from '../../agent-types.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { revealBidi } from '../../reveal-bidi.js';

export interface CareFiltersProps {
  /** The period on screen (the report's, once it came) and the agent chosen. */
  from?: string;
  to?: string;
  agent?: string;
  /** Every agent the report knows, for the choice. */
  agents: AgentRef[];
  onApply: (query: CareQuery) => void;
}

/** The period (first and last day) and the agent of the report; applied with the button, not on every change. */
export function CareFilters({ from, to, agent, agents, onApply }: CareFiltersProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<CareQuery>({ from, to, agent });
  // The report names the days it covers (the server picks them when none were asked): the fields follow.
  useEffect(() => setDraft({ from, to, agent }), [from, to, agent]);
  return (
    <form
      class="care__filters"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <fieldset>
        <legend>{t('care.filters')}</legend>
        <label>
          {t('care.from')}
          <input
            type="date"
            value={draft.from ?? ''}
            max={draft.to}
            onInput={(event) => setDraft({ ...draft, from: event.currentTarget.value || undefined })}
          />
        </label>
        <label>
          {t('care.to')}
          <input
            type="date"
            value={draft.to ?? ''}
            min={draft.from}
            onInput={(event) => setDraft({ ...draft, to: event.currentTarget.value || undefined })}
          />
        </label>
        <label>
          {t('care.agent')}
          <select
            value={draft.agent ?? ''}
            onChange={(event) => setDraft({ ...draft, agent: event.currentTarget.value || undefined })}
          >
            <option value="">{t('care.allAgents')}</option>
            {agents.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {/* An option holds text only: no <bdi>, so bidirectional controls show as markers. */}
                {revealBidi(entry.name ?? entry.id)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary">
          {t('care.apply')}
        </button>
      </fieldset>
    </form>
  );
}
