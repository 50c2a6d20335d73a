import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { ImportDetail, ImportMapping } from '@varde/contracts/participation-api';
import { importFields, type ImportField } from '@varde/contracts/participation-vocabulary';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { SelectInput } from '../../../components/select-input';
import { useI18n } from '../../../i18n/i18n';
import { useMapImport } from '../api/imports';

const required = new Set<ImportField>(['municipality', 'scheme', 'role', 'status', 'year']);
const idFor = (path: string) => `mapping-${path.replace(/^mapping\./, '')}`;

/** Which column holds which field: guessed from the headers, changed here, then the rows are checked again. */
export function MappingForm({ detail, onChecked }: { detail: ImportDetail; onChecked: () => void }) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const map = useMapImport();
  const { fields, problems } = useFormProblems(map.state);
  const sample = (column: number) => detail.sample.find((row) => row[column]?.trim())?.[column];
  const options = [
    { value: '', label: t('participationImport.notInFile') },
    ...detail.headers.map((header, i) => {
      const example = sample(i);
      return { value: String(i), label: example ? t('participationImport.columnWithExample', { header, example: example.slice(0, 40) }) : header };
    }),
  ];
  return (
    <form
      className="form form--wide"
      noValidate
      aria-labelledby="mapping-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const mapping = Object.fromEntries(importFields.map((f) => [f, data.get(f) ? Number(data.get(f)) : null])) as ImportMapping;
        if ((await map.mutate({ id: detail.id, mapping })).ok) {
          await revalidator.revalidate();
          onChecked();
        }
      }}
    >
      <Heading level={2} data-size="sm" id="mapping-heading">
        {t('participationImport.mappingHeading')}
      </Heading>
      <Paragraph>{t('participationImport.mappingLead')}</Paragraph>
      {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
      <div className="mapping-grid">
        {importFields.map((field) => (
          <SelectInput
            key={field}
            id={idFor(field)}
            name={field}
            label={required.has(field) ? t('participationImport.requiredField', { field: t(`importField.${field}`) }) : t(`importField.${field}`)}
            defaultValue={detail.mapping[field] === null || detail.mapping[field] === undefined ? '' : String(detail.mapping[field])}
            error={messageFor(fields, `mapping.${field}`)}
            options={options}
          />
        ))}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="secondary" loading={map.state.status === 'pending'}>
          {t('participationImport.checkRows')}
        </Button>
      </div>
    </form>
  );
}
