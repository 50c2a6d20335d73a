import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { ImportDetail, ImportRow } from '@varde/contracts/participation-api';
import type { ImportField } from '@varde/contracts/participation-vocabulary';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { useFixRow } from '../api/imports';
import { PageLinks } from './page-links';

export const DRY_RUN_HEADING = 'dry-run-heading';

/** The dry run: how many rows can be saved, and every invalid row with its reasons and a form to fix it. */
export function DryRun({ detail }: { detail: ImportDetail }) {
  const { t, number } = useI18n();
  const { dryRun } = detail;
  return (
    <section className="section" aria-labelledby={DRY_RUN_HEADING}>
      <Heading level={2} data-size="sm" id={DRY_RUN_HEADING} tabIndex={-1}>
        {t('participationImport.dryRunHeading')}
      </Heading>
      <Paragraph role="status">
        {dryRun.invalid === 0
          ? t('participationImport.allValid', { valid: number(dryRun.valid), skipped: number(dryRun.skipped) })
          : t('participationImport.someInvalid', { valid: number(dryRun.valid), invalid: number(dryRun.invalid), skipped: number(dryRun.skipped) })}
      </Paragraph>
      {dryRun.invalidRows.length > 0 ? (
        <ul className="plain-list import-rows">
          {dryRun.invalidRows.map((row) => (
            <li key={row.row}>
              <RowFix importId={detail.id} row={row} />
            </li>
          ))}
        </ul>
      ) : null}
      <PageLinks
        page={dryRun.page}
        total={dryRun.invalid}
        pageSize={dryRun.pageSize}
        hrefFor={(page) => `/deltakelse/import/${detail.id}${page > 1 ? `?side=${page}` : ''}`}
        label={t('participationImport.rowPagesLabel')}
      />
    </section>
  );
}

function RowFix({ importId, row }: { importId: string; row: ImportRow }) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const fix = useFixRow();
  const headingId = `import-row-${row.row}`;
  const fieldsWithProblems = [...new Set(row.problems.map((p) => p.field))];
  const send = async (values: Partial<Record<ImportField, string>>, skip: boolean) => {
    if ((await fix.mutate({ id: importId, row: row.row, values, skip })).ok) {
      await revalidator.revalidate();
      document.getElementById(DRY_RUN_HEADING)?.focus();
    }
  };
  return (
    <article className="import-row" aria-labelledby={headingId}>
      <Heading level={3} data-size="2xs" id={headingId}>
        {t('participationImport.rowHeading', { row: row.row })}
      </Heading>
      <ul className="import-row__problems">
        {row.problems.map((p) => (
          <li key={`${p.field}-${p.code}`}>{p.message}</li>
        ))}
      </ul>
      <Paragraph data-size="sm" className="muted import-row__values">
        {Object.entries(row.values)
          .filter(([, value]) => value.trim())
          .map(([field, value]) => `${t(`importField.${field as ImportField}`)}: ${value}`)
          .join(' · ')}
      </Paragraph>
      <form
        className="form import-row__form"
        noValidate
        aria-label={t('participationImport.fixLabel', { row: row.row })}
        onSubmit={async (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          await send(Object.fromEntries(fieldsWithProblems.map((f) => [f, String(data.get(f) ?? '')])), false);
        }}
      >
        {fieldsWithProblems.map((field) => {
          const id = `fix-${row.row}-${field}`;
          const choices = row.problems.find((p) => p.field === field && p.choices)?.choices;
          return choices ? (
            <SelectInput
              key={field}
              id={id}
              name={field}
              label={t('participationImport.chooseMunicipality')}
              defaultValue=""
              options={[{ value: '', label: t('participationImport.choose') }, ...choices.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))]}
            />
          ) : (
            <TextInput key={field} id={id} name={field} label={t(`importField.${field}`)} defaultValue={row.values[field] ?? ''} />
          );
        })}
        <div className="form-actions">
          <Button type="submit" data-size="sm" loading={fix.state.status === 'pending'}>
            {t('participationImport.saveFix')}
            <span className="ds-sr-only"> ({t('participationImport.rowHeading', { row: row.row })})</span>
          </Button>
          <Button type="button" data-size="sm" variant="tertiary" onClick={() => send({}, true)}>
            {t('participationImport.skipRow')}
            <span className="ds-sr-only"> ({t('participationImport.rowHeading', { row: row.row })})</span>
          </Button>
        </div>
        {fix.state.status === 'error' ? (
          <Paragraph role="alert" data-size="sm">
            {fix.state.error.fields[0]?.message ?? fix.state.error.message}
          </Paragraph>
        ) : null}
      </form>
    </article>
  );
}
