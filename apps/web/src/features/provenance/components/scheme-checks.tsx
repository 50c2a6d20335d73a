import { useState } from 'react';
import { Alert, Button, Field, Fieldset, Heading, Input, Label, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { SchemeCheckList } from '@varde/contracts/provenance-api';
import { isFactGroup, type FactGroup } from '@varde/contracts/vocabulary';
import { AppLink } from '../../../components/app-link';
import { FormProblems, useFormProblems } from '../../../components/form-problems';
import { formatOsloDay } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n';
import { useRecordCheck } from '../api/checks';

const HEADING_ID = 'kontroll';
const GROUPS_ID = 'check-groups';

/**
 * For the scheme's owners and platform admins: when each group of facts was last checked against the
 * sources in Varde and by whom, and recording a check made today (every group ticked to begin with).
 */
export function SchemeChecks({
  schemeId,
  checks,
  groups,
  openReports,
}: {
  schemeId: string;
  checks: SchemeCheckList;
  groups: { group: FactGroup; label: string }[];
  /** Open reports of this scheme on the caller's work list. */
  openReports: number;
}) {
  const { t, lang } = useI18n();
  const revalidator = useRevalidator();
  const { state, mutate } = useRecordCheck();
  const { fields, problems } = useFormProblems(state);
  const [saved, setSaved] = useState<string | null>(null);
  const groupError = fields.find((f) => f.path.startsWith('groups'))?.message;
  const byGroup = new Map(checks.items.map((c) => [c.group, c]));

  return (
    <section className="section" aria-labelledby={HEADING_ID}>
      <Heading level={2} data-size="sm" id={HEADING_ID} tabIndex={-1}>
        {t('checks.heading')}
      </Heading>
      <Paragraph>{t('checks.lead')}</Paragraph>
      <Paragraph>
        {t('checks.openReports', { count: openReports })} <AppLink to="/ordninger/rapporter">{t('checks.workListLink')}</AppLink>
      </Paragraph>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="checks-caption">
        <Table zebra data-size="sm">
          <caption id="checks-caption">{t('checks.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <th scope="col">{t('checks.column.group')}</th>
              <th scope="col">{t('checks.column.checked')}</th>
              <th scope="col">{t('checks.column.by')}</th>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {groups.map(({ group, label }) => {
              const check = byGroup.get(group);
              return (
                <Table.Row key={group}>
                  <th scope="row">{label}</th>
                  <Table.Cell>{check ? <time dateTime={check.checkedAt}>{formatOsloDay(check.checkedAt, lang)}</time> : t('checks.never')}</Table.Cell>
                  <Table.Cell>{check ? (check.checkedBy?.name ?? t('checks.formerUser')) : ''}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
      <form
        className="form"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setSaved(null);
          const chosen = new FormData(event.currentTarget).getAll('groups').filter(isFactGroup);
          const result = await mutate({ schemeId, groups: chosen });
          if (!result.ok) return;
          await revalidator.revalidate();
          setSaved(result.data.lastCheckedAt);
        }}
      >
        {problems ? <FormProblems {...problems} idFor={(path) => (path.startsWith('groups') ? GROUPS_ID : path)} /> : null}
        <Fieldset id={GROUPS_ID} tabIndex={-1} aria-describedby={groupError ? `${GROUPS_ID}-error` : undefined} aria-invalid={groupError ? true : undefined}>
          <Fieldset.Legend>{t('checks.groupsLegend')}</Fieldset.Legend>
          <div className="checkbox-columns">
            {groups.map(({ group, label }) => (
              <Field asChild key={group}>
                <div>
                  <Input type="checkbox" id={`check-group-${group}`} name="groups" value={group} defaultChecked />
                  <Label htmlFor={`check-group-${group}`} weight="regular">
                    {label}
                  </Label>
                </div>
              </Field>
            ))}
          </div>
          {groupError ? <ValidationMessage id={`${GROUPS_ID}-error`}>{groupError}</ValidationMessage> : null}
        </Fieldset>
        <div className="form-actions">
          <Button type="submit" loading={state.status === 'pending'}>
            {t('checks.submit')}
          </Button>
        </div>
      </form>
      <div role="status">
        {saved ? (
          <Alert data-color="success">
            <Paragraph>{t('checks.saved', { date: formatOsloDay(saved, lang) })}</Paragraph>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
