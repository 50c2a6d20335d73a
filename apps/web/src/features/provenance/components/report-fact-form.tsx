import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useLocation, useRevalidator } from 'react-router';
import { factReportLimits, isFactGroup, type FactGroup } from '@varde/contracts/vocabulary';
import { AppLink } from '../../../components/app-link';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { TextareaInput } from '../../../components/textarea-input';
import { useSession } from '../../auth/api/get-session';
import { useI18n } from '../../../i18n/i18n';
import { useReportFact } from '../api/reports';

const HEADING_ID = 'meld-feil';
/** The group and the call are one choice on the page: both errors land on the select. */
const idFor = (path: string) => (path === 'group' || path === 'callId' ? 'report-target' : `report-${path}`);

/** A choice of the select: `group:<group>` or `call:<id>` (a call is in the group `calls`). */
function target(value: string): { group: FactGroup; callId: string | null } | null {
  const [kind, id = ''] = value.split(':', 2) as [string, string | undefined];
  if (kind === 'call' && id) return { group: 'calls', callId: id };
  return kind === 'group' && isFactGroup(id) ? { group: id, callId: null } : null;
}

/**
 * "Report an error" on a scheme's page: which group of facts or which call, what is wrong, and where
 * the right fact is stated. Signed-out visitors are asked to sign in.
 */
export function ReportFactForm({
  schemeId,
  groups,
  calls,
}: {
  schemeId: string;
  groups: { group: FactGroup; label: string }[];
  calls: { id: string; title: string }[];
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const location = useLocation();
  const revalidator = useRevalidator();
  const { state, mutate } = useReportFact();
  const { fields, problems } = useFormProblems(state);
  const [sent, setSent] = useState(false);

  return (
    <section className="section" aria-labelledby={HEADING_ID}>
      <Heading level={2} data-size="sm" id={HEADING_ID} tabIndex={-1}>
        {t('report.heading')}
      </Heading>
      <Paragraph>{t('report.lead')}</Paragraph>
      {!user ? (
        <Paragraph>
          <AppLink to={`/logg-inn?neste=${encodeURIComponent(`${location.pathname}${location.search}#${HEADING_ID}`)}`}>{t('report.signIn')}</AppLink>
        </Paragraph>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            setSent(false);
            const form = event.currentTarget;
            const data = new FormData(form);
            const chosen = target(String(data.get('target') ?? ''));
            const sourceUrl = String(data.get('sourceUrl') ?? '').trim();
            const result = await mutate({
              schemeId,
              group: chosen?.group ?? ('' as FactGroup),
              callId: chosen?.callId ?? null,
              text: String(data.get('text') ?? ''),
              sourceUrl: sourceUrl || null,
            });
            if (!result.ok) return;
            form.reset();
            await revalidator.revalidate();
            setSent(true);
          }}
        >
          {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
          <SelectInput
            id="report-target"
            name="target"
            label={t('field.group')}
            error={messageFor(fields, 'group') ?? messageFor(fields, 'callId')}
            options={[
              ...groups.map((g) => ({ value: `group:${g.group}`, label: g.label })),
              ...calls.map((c) => ({ value: `call:${c.id}`, label: t('report.callOption', { title: c.title }) })),
            ]}
          />
          <TextareaInput
            id="report-text"
            name="text"
            label={t('field.text')}
            description={t('report.textHint', { limit: factReportLimits.textMax })}
            maxLength={factReportLimits.textMax}
            rows={4}
            error={messageFor(fields, 'text')}
          />
          <TextInput
            id="report-sourceUrl"
            name="sourceUrl"
            type="url"
            inputMode="url"
            autoComplete="url"
            label={t('field.sourceUrl')}
            description={t('report.urlHint')}
            error={messageFor(fields, 'sourceUrl')}
          />
          <div className="form-actions">
            <Button type="submit" loading={state.status === 'pending'}>
              {t('report.submit')}
            </Button>
          </div>
        </form>
      )}
      <div role="status">
        {sent ? (
          <Alert data-color="success">
            <Paragraph>{t('report.sent')}</Paragraph>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
