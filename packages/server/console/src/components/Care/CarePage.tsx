import type { CareQuery } from '../../agent-api.js';
import type { CareReport } from '../../agent-types.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Interpolated } from '../../i18n/Interpolated.js';
import { IsolatedText } from '../IsolatedText.js';
import { CampaignTable } from './CampaignTable.js';
import { CareComments } from './CareComments.js';
import { CareDays } from './CareDays.js';
import { CareFilters } from './CareFilters.js';
import { FeedbackSummary } from './FeedbackSummary.js';
import './care.css';

export interface CarePageProps {
  /** Undefined until the first report came. */
  report?: CareReport;
  /** What was asked: the agent chosen stays chosen while a new report loads. */
  query: CareQuery;
  loading: boolean;
  /** Why loading failed, already in the agent's language. */
  error?: string;
  onQuery: (query: CareQuery) => void;
  onOpenConversation: (conversationId: string) => void;
}

/**
 * How customer care is doing (issue 12): per campaign sent, seen, answered and CSAT; ratings and NPS; the period
 * day by day; the latest comments; for a period and an agent. Everything is text or a table; the charts are
 * pictures of the table beside them.
 */
export function CarePage({ report, query, loading, error, onQuery, onOpenConversation }: CarePageProps) {
  const { t, format } = useI18n();
  const from = report?.from ?? query.from;
  const to = report?.to ?? query.to;
  const agent = report?.agents.find((entry) => entry.id === report.agent);
  return (
    <section class="care" aria-labelledby="care-heading">
      <h2 id="care-heading">{t('care.heading')}</h2>
      {report ? <p class="muted">{t('care.intro', { timezone: report.timezone })}</p> : null}
      <CareFilters from={from} to={to} agent={query.agent} agents={report?.agents ?? []} onApply={onQuery} />
      <p class="care__status" role="status" aria-busy={loading}>
        {loading
          ? t('care.loading')
          : report
            ? t('care.period', { from: format.day(report.from, 'long'), to: format.day(report.to, 'long') })
            : ''}
      </p>
      {error ? (
        <p class="app__error" role="alert">
          {error}
        </p>
      ) : null}
      {report ? (
        <>
          {report.agent ? (
            <p class="care__note">
              <Interpolated
                text={t('care.agentNote')}
                values={{ name: <IsolatedText text={agent?.name ?? report.agent} /> }}
              />
            </p>
          ) : null}
          <FeedbackSummary ratings={report.ratings} nps={report.nps} />
          <CampaignTable campaigns={report.campaigns} />
          <CareDays series={report.series} from={report.from} to={report.to} />
          <CareComments comments={report.comments} onOpenConversation={onOpenConversation} />
        </>
      ) : null}
    </section>
  );
}
