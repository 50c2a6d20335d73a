import { Button, Field, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import { participationLimits } from '@varde/contracts/participation-vocabulary';
import { FormProblems, fieldErrorsOf } from '../../../components/form-problems';
import { useI18n } from '../../../i18n/i18n';
import { useUploadImport } from '../api/upload-import';

/** Choose a CSV or XLSX file and send it; the bytes sent are shown as they go, then the server reads the rows. */
export function UploadForm({ maxRows }: { maxRows: number }) {
  const { t, number } = useI18n();
  const navigate = useNavigate();
  const { state, upload } = useUploadImport();
  const busy = state.status === 'sending' || state.status === 'reading';
  const fields = state.status === 'error' ? fieldErrorsOf(state.error) : [];
  const fileError = state.status === 'error' ? (fields.find((f) => f.path === 'file')?.message ?? state.error.message) : undefined;
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="upload-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement).files?.[0];
        if (!file) return;
        const detail = await upload(file);
        if (detail) await navigate(`/deltakelse/import/${detail.id}`);
      }}
    >
      {state.status === 'error' ? <FormProblems fields={[{ path: 'file', message: fileError! }]} attempt={state.attempt} idFor={() => 'import-file'} /> : null}
      <Field asChild>
        <div>
          <Label htmlFor="import-file">{t('participationImport.fileLabel')}</Label>
          <Field.Description id="import-file-description">
            {t('participationImport.fileHint', { rows: number(maxRows), megabytes: participationLimits.importFileBytes / 1_048_576 })}
          </Field.Description>
          <input
            id="import-file"
            name="file"
            type="file"
            className="file-input"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fileError ? 'import-file-error import-file-description' : 'import-file-description'}
            aria-invalid={fileError ? true : undefined}
            required
          />
          {fileError ? <ValidationMessage id="import-file-error">{fileError}</ValidationMessage> : null}
        </div>
      </Field>
      <div className="form-actions">
        <Button type="submit" loading={busy}>
          {t('participationImport.upload')}
        </Button>
      </div>
      <div role="status" className="import-progress">
        {state.status === 'sending' ? (
          <>
            <label htmlFor="upload-progress">{t('participationImport.sending', { percent: Math.round((100 * state.sent) / Math.max(state.total, 1)) })}</label>
            <progress id="upload-progress" value={state.sent} max={state.total} />
          </>
        ) : null}
        {state.status === 'reading' ? (
          <>
            <label htmlFor="upload-progress">{t('participationImport.reading')}</label>
            <progress id="upload-progress" />
          </>
        ) : null}
      </div>
      <Paragraph data-size="sm" className="muted">
        {t('participationImport.formats')}
      </Paragraph>
    </form>
  );
}
