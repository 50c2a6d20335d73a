import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { PublishOffers as Offers } from '@varde/contracts/participation-api';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';

/**
 * On the pipeline page: items that reached granted or rejected, offered as public participation
 * records. Each link opens a prefilled form; nothing is published until the member saves it there.
 */
export function PublishOffers({ organisationId, offers }: { organisationId: string; offers: Offers }) {
  const { t } = useI18n();
  if (offers.items.length === 0) return null;
  return (
    <section className="section" aria-labelledby="publish-heading">
      <Heading level={2} data-size="sm" id="publish-heading">
        {t('participation.offersHeading')}
      </Heading>
      <Paragraph>{t('participation.offersLead')}</Paragraph>
      <ul className="link-list">
        {offers.items.map((o) => (
          <li key={o.pipelineItemId}>
            <AppLink to={`/deltakelse/ny?soknad=${o.pipelineItemId}&organisasjon=${organisationId}`}>
              {t('participation.offerLink', {
                scheme: o.callTitle ? `${o.schemeName} (${o.callTitle})` : o.schemeName,
                status: t(`participationStatus.${o.status}`),
              })}
            </AppLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
