import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../i18n/i18n';

/** Said wherever records are listed: the sources are incomplete, so a missing record is not missing participation. */
export function IncompleteNote() {
  const { t } = useI18n();
  return <Paragraph className="source-note participation-incomplete">{t('participation.incomplete')}</Paragraph>;
}

/** Said wherever example records are shown (EXAMPLE_DATA=on): they are invented. */
export function ExampleNotice() {
  const { t } = useI18n();
  return (
    <Alert data-color="warning" className="participation-example-notice">
      <Heading level={2} data-size="xs">
        {t('participation.exampleNoticeHeading')}
      </Heading>
      <Paragraph>{t('participation.exampleNotice')}</Paragraph>
    </Alert>
  );
}

/** The licence of the compiled records and where their quotes come from. */
export function RecordsLicence() {
  const { t } = useI18n();
  return <Paragraph className="source-note">{t('participation.licence')}</Paragraph>;
}
