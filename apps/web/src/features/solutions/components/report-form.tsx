import { useState } from 'react';
import { Button, Details, Paragraph } from '@digdir/designsystemet-react';
import { solutionLimits as L } from '@varde/contracts/solutions-vocabulary';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { useI18n } from '../../../i18n/i18n';
import { useReportSolution } from '../api/solution-actions';
import { checkTexts } from '../check-text';
import { CountedTextarea } from './counted-field';

/** Anyone signed in reports inappropriate content; platform administrators look at it. Folded away: it is rarely needed. */
export function ReportForm({ solutionId }: { solutionId: string }) {
  const { t } = useI18n();
  const report = useReportSolution();
  const { fields, problems, reject, clear } = useFormProblems(report.state);
  const [sent, setSent] = useState(false);
  return (
    <Details className="report-details">
      <Details.Summary>{t('library.reportHeading')}</Details.Summary>
      <Details.Content>
        <form
          className="form"
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            clear();
            setSent(false);
            const form = event.currentTarget;
            const reason = String(new FormData(form).get('reason') ?? '').trim();
            const found = checkTexts(t, [{ path: 'reason', label: t('library.reportReason'), value: reason, max: L.reportReasonMax }]);
            if (found.length) return reject(found);
            if ((await report.mutate({ id: solutionId, reason })).ok) {
              form.reset();
              setSent(true);
            }
          }}
        >
          <Paragraph data-size="sm">{t('library.reportLead')}</Paragraph>
          {problems ? <FormProblems {...problems} idFor={(path) => `report-${path}`} /> : null}
          <CountedTextarea
            id="report-reason"
            name="reason"
            label={t('library.reportReason')}
            max={L.reportReasonMax}
            initial=""
            rows={3}
            error={messageFor(fields, 'reason')}
          />
          <div className="form-actions">
            <Button type="submit" variant="secondary" loading={report.state.status === 'pending'}>
              {t('library.reportSubmit')}
            </Button>
          </div>
          <div role="status">{sent ? <Paragraph>{t('library.reportSent')}</Paragraph> : null}</div>
        </form>
      </Details.Content>
    </Details>
  );
}
