import { useState } from 'react';
import { Alert, Button, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { ImportDetail, UndoPreview } from '@varde/contracts/participation-api';
import { useI18n } from '../../../i18n/i18n';
import { useUndoImport } from '../api/imports';

/**
 * Undo: the import's unchanged records are removed; each record someone changed since is kept unless
 * chosen here (at the revision shown, so a change made meanwhile is kept too).
 */
export function UndoSection({ detail, preview }: { detail: ImportDetail; preview: UndoPreview }) {
  const { t, number, dateTime } = useI18n();
  const revalidator = useRevalidator();
  const undo = useUndoImport();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ removed: number; kept: number } | null>(null);
  return (
    <section className="section" aria-labelledby="undo-heading">
      <Heading level={2} data-size="sm" id="undo-heading" tabIndex={-1}>
        {t('participationImport.undoHeading')}
      </Heading>
      <form
        className="form form--wide"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          if (!confirming) return setConfirming(true);
          const chosen = new FormData(event.currentTarget).getAll('remove').map(String);
          const remove = preview.changed.filter((c) => chosen.includes(c.id)).map((c) => ({ id: c.id, revision: c.revision }));
          const done = await undo.mutate({ id: detail.id, remove });
          setConfirming(false);
          if (done.ok) {
            setResult(done.data);
            await revalidator.revalidate();
            document.getElementById('import-status')?.focus();
          }
        }}
      >
        <Paragraph>{t('participationImport.undoLead', { count: number(preview.unchanged) })}</Paragraph>
        {preview.changed.length > 0 ? (
          <fieldset className="ds-fieldset undo-changed">
            <legend>{t('participationImport.changedLegend', { count: number(preview.changed.length) })}</legend>
            {preview.changed.map((c) => (
              <Field asChild key={c.id}>
                <div>
                  <Input type="checkbox" id={`undo-${c.id}`} name="remove" value={c.id} />
                  <Label htmlFor={`undo-${c.id}`} weight="regular">
                    {t('participationImport.changedRecord', { summary: c.summary, when: dateTime(c.updatedAt) })}
                  </Label>
                </div>
              </Field>
            ))}
          </fieldset>
        ) : null}
        <div className="form-actions">
          {confirming ? (
            <>
              <Button type="submit" data-color="danger" autoFocus loading={undo.state.status === 'pending'}>
                {t('participationImport.confirmUndo')}
              </Button>
              <Button type="button" variant="tertiary" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </>
          ) : (
            <Button type="submit" variant="secondary" data-color="danger">
              {t('participationImport.undo')}
            </Button>
          )}
        </div>
      </form>
      <div role="status">
        {result ? <Paragraph>{t('participationImport.undone', { removed: number(result.removed), kept: number(result.kept) })}</Paragraph> : null}
        {undo.state.status === 'error' ? (
          <Alert data-color="danger">
            <Paragraph>{undo.state.error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
