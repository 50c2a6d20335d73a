import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { County } from '@varde/contracts';
import type { ApplicantType, Certainty, CollaborationMode, SchemeTheme } from '@varde/contracts/schemes';
import type { SchemeDetail } from '@varde/contracts/schemes-api';
import { AppLink } from '../../../components/app-link';
import { FormProblems, type FieldMessage } from '../../../components/form-problems';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { TextareaInput } from '../../../components/textarea-input';
import { useI18n, type Translate } from '../../../i18n/i18n';
import { schemeThemes } from '../../schemes/vocabulary';
import { useSaveScheme } from '../api/save-scheme';
import { certaintyGroups, fieldKey, inputId, toModel, toScheme, type EditorModel } from '../editor-model';
import { CallsEditor } from './calls-editor';
import { CheckboxField, CheckboxGroup, LocalizedFields } from './editor-fields';
import { SourcesEditor } from './sources-editor';

/** Copies of the contract's lists (importing them would bring the schema library into the chunk). */
const applicantTypes = [
  'municipality',
  'county_authority',
  'state_agency',
  'regional_council',
  'municipal_company',
  'rd_organisation',
  'business',
  'ngo',
  'health_trust',
  'ks',
] as const satisfies readonly ApplicantType[];
const certainties = ['verified', 'partial', 'uncertain'] as const satisfies readonly Certainty[];
const collaborationModes = ['required', 'rewarded', 'neutral'] as const satisfies readonly CollaborationMode[];
const COMMENT_MAX = 500;

/** Where the error summary links to when an error's input is not on the form (criteria texts, owner …). */
function sectionOf(key: string): string {
  const group = key.split('.')[1] ?? '';
  if (group === 'funding') return 'edit-section-funding';
  if (group === 'applicants') return 'edit-section-applicants';
  if (group === 'calls' || group === 'sources') return inputId(`scheme.${group}`);
  if (['criteria', 'requiredParts', 'reporting', 'cadence'].includes(group)) return 'edit-section-certainty';
  return 'edit-section-texts';
}

function renderedKeys(model: EditorModel): Set<string> {
  const keys = new Set<string>(['comment', 'scheme.themes', 'scheme.calls', 'scheme.sources']);
  for (const text of ['name', 'summary', 'purpose', 'funding.description']) for (const l of ['nb', 'nn', 'en']) keys.add(`scheme.${text}.${l}`);
  for (const f of ['isGrant', 'minGrantNok', 'maxGrantNok', 'maxGrantShare', 'minOwnShare', 'certainty', 'sourceIds']) keys.add(`scheme.funding.${f}`);
  for (const f of ['leadTypes', 'partnerTypes', 'minMunicipalities', 'requiredPartnerTypes', 'counties', 'politicalAnchoringRequired', 'collaboration', 'certainty', 'sourceIds']) {
    keys.add(`scheme.applicants.${f}`);
  }
  for (const g of certaintyGroups) keys.add(`scheme.${g}.certainty`).add(`scheme.${g}.sourceIds`);
  model.calls.forEach((_, i) => {
    for (const f of ['id', 'opensAt', 'deadline', 'budgetNok', 'counties', 'sourceIds']) keys.add(`scheme.calls.${i}.${f}`);
    for (const l of ['nb', 'nn', 'en']) keys.add(`scheme.calls.${i}.title.${l}`);
  });
  model.sources.forEach((_, i) => {
    for (const f of ['id', 'url', 'title', 'checkedAt']) keys.add(`scheme.sources.${i}.${f}`);
  });
  return keys;
}

/** In the summary, say which call or source an error belongs to: the field labels repeat in each. */
function summaryMessage(t: Translate, { path, message }: FieldMessage): FieldMessage {
  const match = /^scheme\.(calls|sources)\.(\d+)\./.exec(path);
  if (!match) return { path, message };
  return { path, message: t(match[1] === 'calls' ? 'editor.inCall' : 'editor.inSource', { number: Number(match[2]) + 1, message }) };
}

const certaintyOptions = (t: Translate) => certainties.map((c) => ({ value: c, label: t(`certainty.${c}`) }));

export function SchemeEditorForm({ detail, counties, onSaved }: { detail: SchemeDetail; counties: County[]; onSaved: (saved: SchemeDetail) => void }) {
  const { t } = useI18n();
  const { state, mutate } = useSaveScheme();
  const [model, setModel] = useState(() => toModel(detail.scheme));
  const [local, setLocal] = useState<{ problems: FieldMessage[]; attempt: number }>({ problems: [], attempt: 0 });
  const update = <K extends keyof EditorModel>(key: K, value: EditorModel[K]) => setModel((m) => ({ ...m, [key]: value }));
  const updateIn = <K extends 'funding' | 'applicants'>(key: K, patch: Partial<EditorModel[K]>) => setModel((m) => ({ ...m, [key]: { ...m[key], ...patch } }));

  const apiError = state.status === 'error' ? state.error : null;
  const conflict = apiError?.status === 409 ? apiError : null;
  const problems: FieldMessage[] = local.problems.length ? local.problems : (apiError?.fields ?? []).map(({ path, message }) => ({ path, message }));
  const known = useMemo(() => renderedKeys(model), [model]);
  const errors = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const p of problems) {
      const key = fieldKey(p.path);
      if (!byKey.has(key)) byKey.set(key, p.message);
    }
    return byKey;
  }, [problems]);
  const idFor = (path: string) => {
    const key = fieldKey(path);
    return known.has(key) ? inputId(key) : sectionOf(key);
  };
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
        <FormProblems fields={problems.map((p) => summaryMessage(t, p))} message={problems.length ? undefined : apiError?.message} attempt={attempt} idFor={idFor} />
      ) : null}

      <section className="section editor-section" aria-labelledby="edit-section-texts-heading" id="edit-section-texts" tabIndex={-1}>
        <Heading level={2} data-size="sm" id="edit-section-texts-heading">
          {t('editor.textsHeading')}
        </Heading>
        <LocalizedFields path="scheme.name" legend={t('editor.name')} value={model.name} onChange={(v) => update('name', v)} errors={errors} />
        <LocalizedFields path="scheme.summary" legend={t('editor.summary')} value={model.summary} onChange={(v) => update('summary', v)} errors={errors} multiline />
        <LocalizedFields path="scheme.purpose" legend={t('editor.purpose')} value={model.purpose} onChange={(v) => update('purpose', v)} errors={errors} multiline />
        <CheckboxGroup<SchemeTheme>
          path="scheme.themes"
          legend={t('field.themes')}
          options={schemeThemes.map((theme) => ({ value: theme, label: t(`theme.${theme}`) }))}
          value={model.themes}
          onChange={(v) => update('themes', v)}
          errors={errors}
        />
      </section>

      <section className="section editor-section" aria-labelledby="edit-section-applicants-heading" id="edit-section-applicants" tabIndex={-1}>
        <Heading level={2} data-size="sm" id="edit-section-applicants-heading">
          {t('editor.applicantsHeading')}
        </Heading>
        {(['leadTypes', 'partnerTypes', 'requiredPartnerTypes'] as const).map((field) => (
          <CheckboxGroup<ApplicantType>
            key={field}
            path={`scheme.applicants.${field}`}
            legend={t(`field.${field}`)}
            description={field === 'requiredPartnerTypes' ? t('editor.requiredPartnersHint') : undefined}
            options={applicantTypes.map((type) => ({ value: type, label: t(`applicantType.${type}`) }))}
            value={model.applicants[field]}
            onChange={(v) => updateIn('applicants', { [field]: v })}
            errors={errors}
          />
        ))}
        <TextInput
          id={inputId('scheme.applicants.minMunicipalities')}
          label={t('field.minMunicipalities')}
          description={t('editor.minMunicipalitiesHint')}
          inputMode="numeric"
          value={model.applicants.minMunicipalities}
          error={errors.get('scheme.applicants.minMunicipalities')}
          onChange={(e) => updateIn('applicants', { minMunicipalities: e.currentTarget.value })}
        />
        <CheckboxGroup<string>
          path="scheme.applicants.counties"
          legend={t('field.counties')}
          description={t('editor.countiesHint')}
          options={counties.map((c) => ({ value: c.code, label: c.name }))}
          value={model.applicants.counties}
          onChange={(v) => updateIn('applicants', { counties: v })}
          errors={errors}
        />
        <CheckboxField
          path="scheme.applicants.politicalAnchoringRequired"
          label={t('editor.politicalAnchoring')}
          checked={model.applicants.politicalAnchoringRequired}
          onChange={(v) => updateIn('applicants', { politicalAnchoringRequired: v })}
          errors={errors}
        />
        <SelectInput
          id={inputId('scheme.applicants.collaboration')}
          label={t('field.collaboration')}
          value={model.applicants.collaboration}
          error={errors.get('scheme.applicants.collaboration')}
          onChange={(e) => updateIn('applicants', { collaboration: e.currentTarget.value as CollaborationMode })}
          options={collaborationModes.map((c) => ({ value: c, label: t(`collaboration.${c}`) }))}
        />
        <EvidenceFields
          path="scheme.applicants"
          certainty={model.applicants.certainty}
          sourceIds={model.applicants.sourceIds}
          onChange={(patch) => updateIn('applicants', patch)}
          errors={errors}
        />
      </section>

      <section className="section editor-section" aria-labelledby="edit-section-funding-heading" id="edit-section-funding" tabIndex={-1}>
        <Heading level={2} data-size="sm" id="edit-section-funding-heading">
          {t('editor.fundingHeading')}
        </Heading>
        <CheckboxField path="scheme.funding.isGrant" label={t('editor.isGrant')} checked={model.funding.isGrant} onChange={(v) => updateIn('funding', { isGrant: v })} errors={errors} />
        <div className="two-columns two-columns--tight">
          {(
            [
              ['minGrantNok', 'minGrantNok', 'editor.nokHint'],
              ['maxGrantNok', 'maxGrantNok', 'editor.nokHint'],
              ['maxGrantShare', 'maxGrantSharePct', 'editor.percentHint'],
              ['minOwnShare', 'minOwnSharePct', 'editor.percentHint'],
            ] as const
          ).map(([field, draftField, hint]) => (
            <TextInput
              key={field}
              id={inputId(`scheme.funding.${field}`)}
              label={t(`field.${field}`)}
              description={t(hint)}
              inputMode="decimal"
              value={model.funding[draftField]}
              error={errors.get(`scheme.funding.${field}`)}
              onChange={(e) => updateIn('funding', { [draftField]: e.currentTarget.value })}
            />
          ))}
        </div>
        <LocalizedFields
          path="scheme.funding.description"
          legend={t('field.description')}
          value={model.funding.description}
          onChange={(v) => updateIn('funding', { description: v })}
          errors={errors}
          multiline
        />
        <EvidenceFields path="scheme.funding" certainty={model.funding.certainty} sourceIds={model.funding.sourceIds} onChange={(patch) => updateIn('funding', patch)} errors={errors} />
      </section>

      <CallsEditor calls={model.calls} onChange={(v) => update('calls', v)} errors={errors} />
      <SourcesEditor sources={model.sources} onChange={(v) => update('sources', v)} errors={errors} />

      <section className="section editor-section" aria-labelledby="edit-section-certainty-heading" id="edit-section-certainty" tabIndex={-1}>
        <Heading level={2} data-size="sm" id="edit-section-certainty-heading">
          {t('editor.certaintyHeading')}
        </Heading>
        <Paragraph>{t('editor.certaintyLead')}</Paragraph>
        {certaintyGroups.map((group) => (
          <div key={group} className="stack editor-item">
            <Heading level={3} data-size="2xs">
              {t(`editor.group.${group}`)}
            </Heading>
            <EvidenceFields
              path={`scheme.${group}`}
              certainty={model.certainty[group]}
              sourceIds={model.groupSources[group]}
              onChange={(patch) =>
                setModel((m) => ({
                  ...m,
                  certainty: patch.certainty ? { ...m.certainty, [group]: patch.certainty } : m.certainty,
                  groupSources: patch.sourceIds !== undefined ? { ...m.groupSources, [group]: patch.sourceIds } : m.groupSources,
                }))
              }
              errors={errors}
            />
          </div>
        ))}
      </section>

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

function EvidenceFields({
  path,
  certainty,
  sourceIds,
  onChange,
  errors,
}: {
  path: string;
  certainty: Certainty;
  sourceIds: string;
  onChange: (patch: { certainty?: Certainty; sourceIds?: string }) => void;
  errors: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  return (
    <div className="two-columns two-columns--tight">
      <SelectInput
        id={inputId(`${path}.certainty`)}
        label={t('field.certainty')}
        value={certainty}
        error={errors.get(`${path}.certainty`)}
        onChange={(e) => onChange({ certainty: e.currentTarget.value as Certainty })}
        options={certaintyOptions(t)}
      />
      <TextInput
        id={inputId(`${path}.sourceIds`)}
        label={t('field.sourceIds')}
        description={t('editor.sourceIdsHint')}
        value={sourceIds}
        error={errors.get(`${path}.sourceIds`)}
        onChange={(e) => onChange({ sourceIds: e.currentTarget.value })}
      />
    </div>
  );
}

/** 409: someone saved first. Nothing is lost yet: the draft stays in the form until the user reloads. */
function ConflictAlert({ schemeId, message, attempt }: { schemeId: string; message: string; attempt: number }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [attempt]);
  return (
    <Alert ref={ref} data-color="danger" className="form-problems" tabIndex={-1}>
      <Heading level={2} data-size="xs">
        {t('editor.conflictHeading')}
      </Heading>
      <Paragraph>{message}</Paragraph>
      <Paragraph>{t('editor.conflictHelp')}</Paragraph>
      <ul className="link-list">
        <li>
          <AppLink to={`/ordninger/${schemeId}/historikk`} target="_blank">
            {t('editor.conflictHistory')}
          </AppLink>
        </li>
        <li>
          <a className="ds-link" href={`/ordninger/${schemeId}/rediger`}>
            {t('editor.conflictReload')}
          </a>
        </li>
      </ul>
    </Alert>
  );
}
