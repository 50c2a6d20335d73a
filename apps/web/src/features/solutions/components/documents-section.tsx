import { useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { SolutionDocument } from '@varde/contracts/solutions-api';
import { solutionLimits } from '@varde/contracts/solutions-vocabulary';
import { FormProblems, fieldErrorsOf } from '../../../components/form-problems';
import { ActionStatus, ConfirmStep, useListActions } from '../../../components/list-actions';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { useDeleteDocument, useUploadDocument } from '../api/documents';

const megabytes = (bytes: number) => Math.max(0.1, Math.round(bytes / 104_857.6) / 10);

/** The documents: a link each (images and PDF open in the browser, the rest download), and for owners' members upload and removal. */
export function DocumentsSection({ solutionId, documents, canUpload }: { solutionId: string; documents: SolutionDocument[]; canUpload: boolean }) {
  const { t, number } = useI18n();
  const actions = useListActions('documents-heading');
  const remove = useDeleteDocument();
  return (
    <section className="section" aria-labelledby="documents-heading">
      <Heading level={2} data-size="sm" id="documents-heading" tabIndex={-1}>
        {t('library.documentsHeading')}
      </Heading>
      {documents.length === 0 ? (
        <Paragraph>{t('library.noDocuments')}</Paragraph>
      ) : (
        <ul className="document-list">
          {documents.map((d) => (
            <li key={d.id}>
              <a className="ds-link" href={d.url} {...(d.inline ? {} : { download: d.fileName })}>
                {d.title ?? d.fileName}
              </a>{' '}
              <span className="muted">
                {t(d.inline ? 'library.documentOpens' : 'library.documentDownloads', { name: d.fileName, size: number(megabytes(d.bytes), 1) })}
              </span>
              {canUpload ? (
                <span className="document-list__actions">
                  <ConfirmStep
                    actions={actions}
                    rowKey={d.id}
                    id={`remove-document-${d.id}`}
                    label={t('library.removeDocument')}
                    confirmLabel={t('library.confirmRemoveDocument')}
                    name={d.title ?? d.fileName}
                    pending={remove.state.status === 'pending'}
                    onConfirm={() => actions.run(() => remove.mutate({ solutionId, documentId: d.id }), t('library.documentRemoved'))}
                  />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ActionStatus done={actions.done} error={remove.state.status === 'error' ? remove.state.error : null} />
      {canUpload ? <UploadDocumentForm solutionId={solutionId} /> : null}
    </section>
  );
}

function UploadDocumentForm({ solutionId }: { solutionId: string }) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const { state, upload } = useUploadDocument(solutionId);
  const [sent, setSent] = useState<string | null>(null);
  const fields = state.status === 'error' ? fieldErrorsOf(state.error) : [];
  const fileError =
    state.status === 'error' ? (fields.find((f) => f.path !== 'title')?.message ?? (fields.length ? undefined : state.error.message)) : undefined;
  const titleError = fields.find((f) => f.path === 'title')?.message;
  const problems = [...(fileError ? [{ path: 'file', message: fileError }] : []), ...(titleError ? [{ path: 'title', message: titleError }] : [])];
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="upload-document-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        setSent(null);
        const form = event.currentTarget;
        const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
        if (!file) return;
        const title = String(new FormData(form).get('title') ?? '').trim();
        const document = await upload(file, title || null);
        if (document) {
          form.reset();
          await revalidator.revalidate();
          setSent(t('library.documentUploaded', { name: document.fileName }));
        }
      }}
    >
      <Heading level={3} data-size="xs" id="upload-document-heading">
        {t('library.uploadHeading')}
      </Heading>
      {state.status === 'error' ? (
        <FormProblems fields={problems} attempt={state.attempt} idFor={(path) => (path === 'title' ? 'document-title' : 'document-file')} />
      ) : null}
      <Field asChild>
        <div>
          <Label htmlFor="document-file">{t('library.documentFile')}</Label>
          <Field.Description id="document-file-description">
            {t('library.documentFileHint', {
              megabytes: solutionLimits.documentBytes / 1_048_576,
              total: solutionLimits.organisationDocumentBytes / 1_048_576,
            })}
          </Field.Description>
          <input
            id="document-file"
            name="file"
            type="file"
            className="file-input solution-file-input"
            aria-describedby={fileError ? 'document-file-error document-file-description' : 'document-file-description'}
            aria-invalid={fileError ? true : undefined}
            required
          />
          {fileError ? <ValidationMessage id="document-file-error">{fileError}</ValidationMessage> : null}
        </div>
      </Field>
      <TextInput id="document-title" name="title" label={t('library.documentTitle')} maxLength={solutionLimits.documentTitleMax} error={titleError} />
      <div className="form-actions">
        <Button type="submit" variant="secondary" loading={state.status === 'sending'}>
          {t('library.upload')}
        </Button>
      </div>
      <div role="status">{sent ? <Paragraph>{sent}</Paragraph> : null}</div>
    </form>
  );
}
