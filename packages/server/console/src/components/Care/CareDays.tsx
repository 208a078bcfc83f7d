import { useId } from 'preact/hooks';
import type { CareReport } from '../../agent-types.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { BarChart } from './BarChart.js';

/**
 * The period day by day: two charts (campaign messages; ratings and NPS answers) and the table they are drawn
 * from, which is also what screen readers and keyboard users read.
 */
export function CareDays({ series, from, to }: Pick<CareReport, 'series' | 'from' | 'to'>) {
  const { t, format } = useI18n();
  const captionId = useId();
  const days = series.map((day) => day.date);
  const total = (pick: (day: CareReport['series'][number]) => number) =>
    format.number(series.reduce((sum, day) => sum + pick(day), 0));
  const period = { from: format.day(from, 'long'), to: format.day(to, 'long') };
  const none = t('care.daily.none');
  return (
    <section class="care__section" aria-labelledby="care-days-heading">
      <h3 id="care-days-heading">{t('care.daily.heading')}</h3>
      <div class="care__charts">
        <BarChart
          days={days}
          summary={t('care.daily.campaignChart', {
            sent: total((day) => day.sent),
            seen: total((day) => day.seen),
            answered: total((day) => day.answered),
            ...period,
          })}
          series={[
            {
              label: t('care.campaigns.sent'),
              className: 'bar--sent',
              values: series.map((day) => day.sent),
            },
            {
              label: t('care.campaigns.seen'),
              className: 'bar--seen',
              values: series.map((day) => day.seen),
            },
            {
              label: t('care.campaigns.answered'),
              className: 'bar--answered',
              values: series.map((day) => day.answered),
            },
          ]}
        />
        <BarChart
          days={days}
          summary={t('care.daily.feedbackChart', {
            ratings: total((day) => day.ratings.count),
            nps: total((day) => day.nps.count),
            ...period,
          })}
          series={[
            {
              label: t('care.daily.ratings'),
              className: 'bar--ratings',
              values: series.map((day) => day.ratings.count),
            },
            {
              label: t('care.daily.npsAnswers'),
              className: 'bar--nps',
              values: series.map((day) => day.nps.count),
            },
          ]}
        />
      </div>
      <section
        class="care__table-scroll"
        aria-labelledby={captionId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table taller or wider than its box scrolls, and a keyboard must reach it (WCAG 2.1.1)
        tabIndex={0}
      >
        <table class="care__table care__days">
          <caption id={captionId}>{t('care.daily.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('care.daily.date')}</th>
              <th scope="col">{t('care.campaigns.sent')}</th>
              <th scope="col">{t('care.campaigns.seen')}</th>
              <th scope="col">{t('care.campaigns.answered')}</th>
              <th scope="col">{t('care.daily.ratings')}</th>
              <th scope="col">{t('care.daily.averageRating')}</th>
              <th scope="col">{t('care.daily.npsAnswers')}</th>
              <th scope="col">{t('care.daily.npsScore')}</th>
            </tr>
          </thead>
          <tbody>
            {series.map((day) => (
              <tr key={day.date} data-date={day.date}>
                <th scope="row">
                  <time dateTime={day.date}>{format.day(day.date, 'long')}</time>
                </th>
                <td>{format.number(day.sent)}</td>
                <td>{format.number(day.seen)}</td>
                <td>{format.number(day.answered)}</td>
                <td>{format.number(day.ratings.count)}</td>
                <td>{day.ratings.average === undefined ? none : format.number(day.ratings.average, 2)}</td>
                <td>{format.number(day.nps.count)}</td>
                <td>{day.nps.score === undefined ? none : format.number(day.nps.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
