import { Button, Field, Fieldset, Heading, Input, Label, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { FactReport } from '@varde/contracts/provenance-api';
import { factReportLimits, factReportOutcomes } from '@varde/contracts/vocabulary';
import { AppLink } from '../../../components/app-link';
import { ExternalLink } from '../../../components/external-link';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { ActionStatus, useListActions } from '../../../components/list-actions';
import { TextareaInput } from '../../../components/textarea-input';
import { useI18n } from '../../../i18n/i18n';
import { useResolveFactReport } from '../api/reports';

/** Where on a scheme's page each group is shown. */
const sectionOf: Record<FactReport['group'], string> = {
  applicants: 'hvem-kan-soke',
  funding: 'tilskudd',
  criteria: 'kriterier',
  requiredParts: 'soknaden',
  reporting: 'rapportering',
  cadence: 'utlysninger',
  calls: 'utlysninger',
  lifecycle: 'om',
  rounds: 'runder',
};

/**
 * The reports on the work list: what is reported, by whom and when, the reporter's text and source;
 * open ones with the answer form (resolved, or rejected with a comment), answered ones with the answer.
 */
export function FactReportList({ items, status, headingId }: { items: FactReport[]; status: 'open' | 'closed'; headingId: string }) {
  const { t } = useI18n();
  const actions = useListActions(headingId);
  return (
    <>
      <ActionStatus done={actions.done} error={null} alert />
      {items.length === 0 ? (
        <Paragraph>{status === 'open' ? t('factReports.none') : t('factReports.noneClosed')}</Paragraph>
      ) : (
        <ul className="plain-list fact-report-list">
          {items.map((report) => (
            <li key={report.id} className="fact-report">
              <ReportItem report={report} actions={actions} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ReportItem({ report, actions }: { report: FactReport; actions: ReturnType<typeof useListActions> }) {
  const { t, dateTime } = useI18n();
  const group = report.callTitle ? `${t(`factGroup.${report.group}`)} (${report.callTitle})` : t(`factGroup.${report.group}`);
  const headingId = `report-${report.id}`;
  return (
    <article aria-labelledby={headingId} className="stack">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('factReports.itemHeading', { scheme: report.schemeName, group })}
      </Heading>
      <p className="muted">
        {report.reportedBy
          ? t('factReports.reportedBy', { date: dateTime(report.reportedAt), name: report.reportedBy.name })
          : t('factReports.reportedByGone', { date: dateTime(report.reportedAt) })}
      </p>
      <blockquote className="fact-report__text">{report.text}</blockquote>
      {report.sourceUrl ? (
        <p>
          {t('factReports.source')} <ExternalLink href={report.sourceUrl}>{report.sourceUrl}</ExternalLink>
        </p>
      ) : null}
      <ul className="link-list inline-actions">
        <li>
          <AppLink to={`/ordninger/${report.schemeId}#${sectionOf[report.group]}`}>{report.schemeName}</AppLink>
        </li>
        {report.status === 'open' ? (
          <li>
            <AppLink to={`/ordninger/${report.schemeId}/rediger`}>
              {t('factReports.editScheme')}
              <span className="ds-sr-only"> ({report.schemeName})</span>
            </AppLink>
          </li>
        ) : null}
      </ul>
      {report.status === 'open' ? (
        <ResolveForm report={report} actions={actions} />
      ) : (
        <div className="fact-report__answer">
          <p>
            <Tag data-color={report.status === 'resolved' ? 'success' : 'neutral'} data-size="sm">
              {t(`factReports.status.${report.status}`)}
            </Tag>{' '}
            {report.resolvedAt
              ? report.resolvedBy
                ? t('factReports.answeredBy', { date: dateTime(report.resolvedAt), name: report.resolvedBy.name })
                : t('factReports.answeredByGone', { date: dateTime(report.resolvedAt) })
              : null}
          </p>
          {report.comment ? <blockquote className="fact-report__text">{report.comment}</blockquote> : null}
        </div>
      )}
    </article>
  );
}

/** Resolved or rejected, with a comment for the reporter (required when rejecting: the API says so). */
function ResolveForm({ report, actions }: { report: FactReport; actions: ReturnType<typeof useListActions> }) {
  const { t } = useI18n();
  const { state, mutate } = useResolveFactReport();
  const { fields, problems } = useFormProblems(state);
  const idFor = (path: string) => `resolve-${report.id}-${path}`;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const outcome = data.get('outcome') === 'rejected' ? 'rejected' : 'resolved';
        const comment = String(data.get('comment') ?? '');
        void actions.run(
          () => mutate({ reportId: report.id, outcome, ...(comment.trim() ? { comment } : {}) }),
          t('factReports.answered', { scheme: report.schemeName }),
        );
      }}
    >
      {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
      <Fieldset id={idFor('outcome')} tabIndex={-1}>
        <Fieldset.Legend>{t('field.outcome')}</Fieldset.Legend>
        {factReportOutcomes.map((outcome) => (
          <Field asChild key={outcome}>
            <div>
              <Input type="radio" id={`${idFor('outcome')}-${outcome}`} name="outcome" value={outcome} defaultChecked={outcome === 'resolved'} />
              <Label htmlFor={`${idFor('outcome')}-${outcome}`} weight="regular">
                {t(`factReports.outcome.${outcome}`)}
              </Label>
            </div>
          </Field>
        ))}
      </Fieldset>
      <TextareaInput
        id={idFor('comment')}
        name="comment"
        label={t('field.comment')}
        description={t('factReports.commentHint')}
        maxLength={factReportLimits.commentMax}
        rows={3}
        error={messageFor(fields, 'comment')}
      />
      <div className="form-actions">
        <Button type="submit" variant="secondary" loading={state.status === 'pending'}>
          {t('factReports.submit')}
          <span className="ds-sr-only"> ({report.schemeName})</span>
        </Button>
      </div>
    </form>
  );
}
