import type { CareReport } from '../../agent-types.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { IsolatedText } from '../IsolatedText.js';

/**
 * Per campaign: how many were sent, seen and answered in the period (with the share of those sent), and the CSAT
 * of the conversations the campaign started.
 */
export function CampaignTable({ campaigns }: Pick<CareReport, 'campaigns'>) {
  const { t, format } = useI18n();
  // The share of those sent, when any were sent in the period.
  const share = (count: number, sent: number) =>
    sent > 0
      ? t('care.campaigns.share', { count: format.number(count), percent: format.percent(count, sent) })
      : format.number(count);
  return (
    <section class="care__section" aria-labelledby="care-campaigns-heading">
      <h3 id="care-campaigns-heading">{t('care.campaigns.heading')}</h3>
      {campaigns.length === 0 ? (
        <p class="muted">{t('care.campaigns.none')}</p>
      ) : (
        <table class="care__table">
          <thead>
            <tr>
              <th scope="col">{t('care.campaigns.campaign')}</th>
              <th scope="col">{t('care.campaigns.sent')}</th>
              <th scope="col">{t('care.campaigns.seen')}</th>
              <th scope="col">{t('care.campaigns.answered')}</th>
              <th scope="col">{t('care.campaigns.csat')}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((campaign) => (
              <tr key={campaign.id} data-campaign={campaign.id}>
                <th scope="row">
                  <IsolatedText text={campaign.id} />
                </th>
                <td>{format.number(campaign.sent)}</td>
                <td>{share(campaign.seen, campaign.sent)}</td>
                <td>{share(campaign.answered, campaign.sent)}</td>
                <td>
                  {campaign.csat.count > 0 && campaign.csat.average !== undefined
                    ? t('care.campaigns.csatValue', {
                        count: campaign.csat.count,
                        average: format.number(campaign.csat.average, 2),
                      })
                    : t('care.campaigns.csatNone')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
