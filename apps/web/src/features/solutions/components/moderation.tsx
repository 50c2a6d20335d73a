import { useState } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { SolutionView } from '@varde/contracts/solutions-api';
import { solutionLimits as L } from '@varde/contracts/solutions-vocabulary';
import { AppLink } from '../../../components/app-link';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { useI18n } from '../../../i18n/i18n';
import { useSetVisibility } from '../api/solution-actions';
import { CountedTextarea } from './counted-field';

/** Platform administrators hide a solution (with a reason the owners see) or show it again; both are audited. */
export function Moderation({ solution }: { solution: SolutionView }) {
  const { t, number } = useI18n();
  const revalidator = useRevalidator();
  const visibility = useSetVisibility();
  const { fields, problems } = useFormProblems(visibility.state);
  const [done, setDone] = useState<string | null>(null);
  if (!solution.can.hide) return null;
  return (
    <section className="section" aria-labelledby="moderation-heading">
      <Heading level={2} data-size="sm" id="moderation-heading">
        {t('library.moderationHeading')}
      </Heading>
      {solution.openReports !== null ? (
        <Paragraph data-size="sm">
          {t('library.openReports', { count: number(solution.openReports) })} <AppLink to="/losninger/meldinger">{t('library.reportsLink')}</AppLink>
        </Paragraph>
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setDone(null);
          const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
          const hidden = !solution.hidden;
          if ((await visibility.mutate({ id: solution.id, hidden, reason: hidden ? reason || null : null })).ok) {
            await revalidator.revalidate();
            setDone(hidden ? t('library.hiddenDone') : t('library.restoredDone'));
          }
        }}
      >
        {problems ? <FormProblems {...problems} idFor={(path) => `moderation-${path}`} /> : null}
        {solution.hidden ? null : (
          <CountedTextarea
            id="moderation-reason"
            name="reason"
            label={t('library.hideReason')}
            description={t('library.hideReasonHint')}
            max={L.hideReasonMax}
            initial=""
            rows={3}
            error={messageFor(fields, 'reason')}
          />
        )}
        <div className="form-actions">
          <Button type="submit" variant="secondary" data-color={solution.hidden ? 'accent' : 'danger'} loading={visibility.state.status === 'pending'}>
            {solution.hidden ? t('library.restore') : t('library.hide')}
          </Button>
        </div>
      </form>
      <div role="status">{done ? <Paragraph>{done}</Paragraph> : null}</div>
    </section>
  );
}
