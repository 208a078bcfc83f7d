import type { CareReport } from '../../agent-types.js';
import type { TranslationKey } from '../../i18n/console-i18n.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ShareBar } from './ShareBar.js';

/** Ratings (average and how many of each star) and NPS (score and its three groups) of the period. */
export function FeedbackSummary({ ratings, nps }: Pick<CareReport, 'ratings' | 'nps'>) {
  const { t, format } = useI18n();
  const groups: { key: TranslationKey; count: number }[] = [
    { key: 'care.nps.promoters', count: nps.promoters },
    { key: 'care.nps.passives', count: nps.passives },
    { key: 'care.nps.detractors', count: nps.detractors },
  ];
  return (
    <div class="care__summary">
      <section class="care__card" aria-labelledby="care-ratings-heading">
        <h3 id="care-ratings-heading">{t('care.ratings.heading')}</h3>
        {ratings.count === 0 || ratings.average === undefined ? (
          <p class="muted">{t('care.ratings.none')}</p>
        ) : (
          <>
            <p class="care__figure">
              <strong>{t('care.ratings.average', { average: format.number(ratings.average, 2) })}</strong>{' '}
              <span class="muted">{t('care.ratings.count', { count: ratings.count })}</span>
            </p>
            <table class="care__bars">
              <caption>{t('care.ratings.distribution')}</caption>
              <tbody>
                {[5, 4, 3, 2, 1].map((stars) => {
                  const count = ratings.distribution[stars - 1] ?? 0;
                  return (
                    <tr key={stars}>
                      <th scope="row">{t('care.ratings.stars', { count: stars })}</th>
                      <td>
                        <ShareBar part={count} whole={ratings.count} /> {format.number(count)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section class="care__card" aria-labelledby="care-nps-heading">
        <h3 id="care-nps-heading">{t('care.nps.heading')}</h3>
        {nps.count === 0 || nps.score === undefined ? (
          <p class="muted">{t('care.nps.none')}</p>
        ) : (
          <>
            <p class="care__figure">
              <strong>{t('care.nps.score', { score: format.number(nps.score) })}</strong>{' '}
              <span class="muted">{t('care.nps.answers', { count: nps.count })}</span>
            </p>
            <table class="care__bars">
              <tbody>
                {groups.map((group) => (
                  <tr key={group.key}>
                    <th scope="row">{t(group.key)}</th>
                    <td>
                      <ShareBar part={group.count} whole={nps.count} /> {format.number(group.count)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
