import { useMemo, useState } from 'react';
import { Button, Heading } from '@digdir/designsystemet-react';
import type { County } from '@varde/contracts';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import { AppLink } from '../../../components/app-link';
import { FormProblems, fieldErrorsOf, type FieldMessage } from '../../../components/form-problems';
import { TextareaInput } from '../../../components/textarea-input';
import { useI18n } from '../../../i18n/i18n';
import { useSaveScheme } from '../api/save-scheme';
import { inputId, toModel, toScheme, type EditorModel } from '../editor-model';
import { ConflictAlert } from './conflict-alert';
import { EditorSections, type CatalogueOptions } from './editor-sections';
import { errorTarget, errorsByKey, renderedKeys, summaryMessage } from './error-targets';

const COMMENT_MAX = 500;

/**
 * The whole scheme document as one form, section by section. It is checked in the browser first
 * (`toScheme`), then saved against the version it was opened at: a 409 means someone saved first.
 */
export function SchemeEditorForm({
  detail,
  counties,
  catalogue,
  onSaved,
}: {
  detail: SchemeDetail;
  counties: County[];
  /** The catalogue's schemes and owners for the selects; null when they could not be loaded. */
  catalogue: CatalogueOptions | null;
  onSaved: (saved: SchemeDetail) => void;
}) {
  const { t } = useI18n();
  const { state, mutate } = useSaveScheme();
  const [model, setModel] = useState<EditorModel>(() => toModel(detail.scheme));
  const [local, setLocal] = useState<{ problems: FieldMessage[]; attempt: number }>({ problems: [], attempt: 0 });
  const update = <K extends keyof EditorModel>(key: K, value: EditorModel[K]) => setModel((m) => ({ ...m, [key]: value }));

  const apiError = state.status === 'error' ? state.error : null;
  const conflict = apiError?.status === 409 ? apiError : null;
  const problems: FieldMessage[] = local.problems.length ? local.problems : fieldErrorsOf(apiError);
  const rendered = useMemo(() => renderedKeys(model), [model]);
  const idFor = useMemo(() => errorTarget(rendered), [rendered]);
  const errors = useMemo(() => errorsByKey(problems, rendered), [problems, rendered]);
  const attempt = local.problems.length ? local.attempt : state.status === 'error' ? state.attempt + 1000 : 0;

  return (
    <form
      className="editor-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const { scheme, problems: found } = toScheme(detail.scheme, model, t);
        if (found.length) {
          setLocal((l) => ({ problems: found, attempt: l.attempt + 1 }));
          return;
        }
        setLocal((l) => ({ problems: [], attempt: l.attempt }));
        const result = await mutate({ schemeId: detail.scheme.id, scheme, baseVersion: detail.version, comment: model.comment.trim() || undefined });
        if (result.ok) onSaved(result.data);
      }}
    >
      {conflict ? (
        <ConflictAlert schemeId={detail.scheme.id} message={conflict.message} attempt={attempt} />
      ) : problems.length || apiError ? (
        <FormProblems
          fields={problems.map((p) => summaryMessage(t, p))}
          message={problems.length ? undefined : apiError?.message}
          attempt={attempt}
          idFor={idFor}
        />
      ) : null}

      <EditorSections schemeId={detail.scheme.id} model={model} setModel={setModel} counties={counties} catalogue={catalogue} errors={errors} />

      <section className="section editor-section" aria-labelledby="edit-section-save-heading">
        <Heading level={2} data-size="sm" id="edit-section-save-heading">
          {t('editor.saveHeading')}
        </Heading>
        <TextareaInput
          id={inputId('comment')}
          label={t('field.comment')}
          description={t('editor.commentHint', { max: COMMENT_MAX })}
          rows={3}
          maxLength={COMMENT_MAX}
          value={model.comment}
          error={errors.get('comment')}
          onChange={(e) => update('comment', e.currentTarget.value)}
        />
        <div className="form-actions">
          <Button type="submit" loading={state.status === 'pending'}>
            {t('editor.save')}
          </Button>
          <AppLink to={`/ordninger/${detail.scheme.id}`}>{t('editor.cancel')}</AppLink>
        </div>
      </section>
    </form>
  );
}
