import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { SolutionStatus } from '@varde/contracts/solutions-vocabulary';
import { useI18n } from '../../../i18n/i18n';

/** Said wherever example solutions are shown (EXAMPLE_DATA=on): they are invented, as example participation records are. */
export function SolutionExampleNotice() {
  const { t } = useI18n();
  return (
    <Alert data-color="warning" className="participation-example-notice">
      <Heading level={2} data-size="xs">
        {t('participation.exampleNoticeHeading')}
      </Heading>
      <Paragraph>{t('library.exampleNotice')}</Paragraph>
    </Alert>
  );
}

/** "Not described yet": what a field without content says, instead of a guess. */
export function NotDescribed() {
  const { t } = useI18n();
  return <span className="not-described">{t('library.notDescribed')}</span>;
}

/** The tags beside a solution's name: example, withdrawn, draft, hidden. */
export function SolutionTags({ status, isExample, hidden }: { status: SolutionStatus; isExample: boolean; hidden: boolean }) {
  const { t } = useI18n();
  if (!isExample && !hidden && status === 'published') return null;
  return (
    <span className="solution-tags">
      {isExample ? (
        <Tag data-color="warning" data-size="sm">
          {t('participation.exampleTag')}
        </Tag>
      ) : null}
      {status === 'withdrawn' ? (
        <Tag data-color="neutral" data-size="sm">
          {t('library.status.withdrawn')}
        </Tag>
      ) : null}
      {status === 'draft' ? (
        <Tag data-color="info" data-size="sm">
          {t('library.status.draft')}
        </Tag>
      ) : null}
      {hidden ? (
        <Tag data-color="danger" data-size="sm">
          {t('library.hiddenTag')}
        </Tag>
      ) : null}
    </span>
  );
}
