import { useMemo, useState } from 'react';
import { Button, Heading } from '@digdir/designsystemet-react';
import type { County } from '@varde/contracts';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import { schemeThemes, type SchemeTheme } from '@varde/contracts/vocabulary';
import { AppLink } from '../../../components/app-link';
import { FormProblems, fieldErrorsOf, type FieldMessage } from '../../../components/form-problems';
import { TextareaInput } from '../../../components/textarea-input';
import { useI18n } from '../../../i18n/i18n';
import { useSaveScheme } from '../api/save-scheme';
import { fieldKey, inputId, toModel, toScheme, type EditorModel } from '../editor-model';
import { ApplicantsSection } from './applicants-section';
import { CallsEditor } from './calls-editor';
import { ConflictAlert } from './conflict-alert';
import { CheckboxGroup, LocalizedFields } from './editor-fields';
import { errorTarget, summaryMessage } from './error-targets';
import { CertaintySection } from './evidence-fields';
import { FundingSection } from './funding-section';
import { SourcesEditor } from './sources-editor';

const COMMENT_MAX = 500;

/**
 * The whole scheme document as one form, section by section. It is checked in the browser first
 * (`toScheme`), then saved against the version it was opened at: a 409 means someone saved first.
 */
export function SchemeEditorForm({ detail, counties, onSaved }: { detail: SchemeDetail; counties: County[]; onSaved: (saved: SchemeDetail) => void }) {
  const { t } = useI18n();
  const { state, mutate } = useSaveScheme();
  const [model, setModel] = useState(() => toModel(detail.scheme));
  const [local, setLocal] = useState<{ problems: FieldMessage[]; attempt: number }>({ problems: [], attempt: 0 });
  const update = <K extends keyof EditorModel>(key: K, value: EditorModel[K]) => setModel((m) => ({ ...m, [key]: value }));
  const updateIn = <K extends 'funding' | 'applicants'>(key: K, patch: Partial<EditorModel[K]>) => setModel((m) => ({ ...m, [key]: { ...m[key], ...patch } }));

  const apiError = state.status === 'error' ? state.error : null;
  const conflict = apiError?.status === 409 ? apiError : null;
  const problems: FieldMessage[] = local.problems.length ? local.problems : fieldErrorsOf(apiError);
  const idFor = useMemo(() => errorTarget(model), [model]);
  const errors = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const p of problems) {
      const key = fieldKey(p.path);
      if (!byKey.has(key)) byKey.set(key, p.message);
    }
    return byKey;
  }, [problems]);
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

      <section className="section editor-section" aria-labelledby="edit-section-texts-heading" id="edit-section-texts" tabIndex={-1}>
        <Heading level={2} data-size="sm" id="edit-section-texts-heading">
          {t('editor.textsHeading')}
        </Heading>
        <LocalizedFields path="scheme.name" legend={t('editor.name')} value={model.name} onChange={(v) => update('name', v)} errors={errors} />
        <LocalizedFields
          path="scheme.summary"
          legend={t('editor.summary')}
          value={model.summary}
          onChange={(v) => update('summary', v)}
          errors={errors}
          multiline
        />
        <LocalizedFields
          path="scheme.purpose"
          legend={t('editor.purpose')}
          value={model.purpose}
          onChange={(v) => update('purpose', v)}
          errors={errors}
          multiline
        />
        <CheckboxGroup<SchemeTheme>
          path="scheme.themes"
          legend={t('field.themes')}
          options={schemeThemes.map((theme) => ({ value: theme, label: t(`theme.${theme}`) }))}
          value={model.themes}
          onChange={(v) => update('themes', v)}
          errors={errors}
        />
      </section>

      <ApplicantsSection value={model.applicants} onChange={(patch) => updateIn('applicants', patch)} counties={counties} errors={errors} />
      <FundingSection value={model.funding} onChange={(patch) => updateIn('funding', patch)} errors={errors} />

      <CallsEditor calls={model.calls} onChange={(v) => update('calls', v)} errors={errors} />
      <SourcesEditor sources={model.sources} onChange={(v) => update('sources', v)} errors={errors} />

      <CertaintySection
        certainty={model.certainty}
        groupSources={model.groupSources}
        onChange={(group, patch) =>
          setModel((m) => ({
            ...m,
            certainty: patch.certainty ? { ...m.certainty, [group]: patch.certainty } : m.certainty,
            groupSources: patch.sourceIds !== undefined ? { ...m.groupSources, [group]: patch.sourceIds } : m.groupSources,
          }))
        }
        errors={errors}
      />

      <section className="section editor-section" aria-labelledby="edit-section-save-heading">
        <Heading level={2} data-size="sm" id="edit-section-save-heading">
          {t('editor.saveHeading')}
        </Heading>
        <TextareaInput
          id={inputId('comment')}
          label={t('field.comment')}
          description={t('editor.commentHint', { max: COMMENT_MAX })}
          rows={3}
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
