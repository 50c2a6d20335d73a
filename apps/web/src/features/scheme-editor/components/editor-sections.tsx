import type { Dispatch, SetStateAction } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import type { County } from '@varde/contracts';
import { schemeThemes, type SchemeTheme } from '@varde/contracts/vocabulary';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { inputId, type EditorModel } from '../editor-model';
import { ApplicantsSection } from './applicants-section';
import { CallsEditor } from './calls-editor';
import { CheckboxGroup, GroupError, LocalizedFields, type ErrorsByKey } from './editor-fields';
import { CertaintySection } from './evidence-fields';
import { FundingSection } from './funding-section';
import { LifecycleSection, type SchemeOption } from './lifecycle-section';
import { OWNER_IDS_LIST, OwnerSection } from './owner-fields';
import { RoundsEditor } from './rounds-editor';
import { SourcesEditor } from './sources-editor';

/** What the catalogue offers the selects: its schemes (for the successor) and the owner ids in use. */
export interface CatalogueOptions {
  schemes: SchemeOption[];
  owners: { id: string; name: string }[];
}

/**
 * Every section of the scheme document, in the order a reader meets the facts: texts, owner,
 * lifecycle, who may apply, funding, rounds, calls, sources, and the certainty of the rest.
 */
export function EditorSections({
  schemeId,
  model,
  setModel,
  counties,
  catalogue,
  errors,
}: {
  schemeId: string;
  model: EditorModel;
  setModel: Dispatch<SetStateAction<EditorModel>>;
  counties: County[];
  catalogue: CatalogueOptions | null;
  errors: ErrorsByKey;
}) {
  const { t } = useI18n();
  const update = <K extends keyof EditorModel>(key: K, value: EditorModel[K]) => setModel((m) => ({ ...m, [key]: value }));
  const updateIn = <K extends 'owner' | 'lifecycle' | 'funding' | 'applicants'>(key: K, patch: Partial<EditorModel[K]>) =>
    setModel((m) => ({ ...m, [key]: { ...m[key], ...patch } }));
  const knownOwners = !!catalogue?.owners.length;

  return (
    <>
      {knownOwners ? (
        <datalist id={OWNER_IDS_LIST}>
          {catalogue?.owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </datalist>
      ) : null}

      <section className="section editor-section" aria-labelledby="edit-section-texts-heading" id={inputId('scheme')} tabIndex={-1}>
        <Heading level={2} data-size="sm" id="edit-section-texts-heading">
          {t('editor.textsHeading')}
        </Heading>
        <GroupError error={errors.get('scheme')} />
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
        <TextInput
          id={inputId('scheme.url')}
          type="url"
          label={t('editor.schemeUrl')}
          value={model.url}
          error={errors.get('scheme.url')}
          onChange={(e) => update('url', e.currentTarget.value)}
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

      <OwnerSection value={model.owner} onChange={(patch) => updateIn('owner', patch)} errors={errors} knownOwners={knownOwners} />
      <LifecycleSection
        schemeId={schemeId}
        value={model.lifecycle}
        onChange={(patch) => updateIn('lifecycle', patch)}
        schemes={catalogue?.schemes ?? null}
        errors={errors}
      />
      <ApplicantsSection value={model.applicants} onChange={(patch) => updateIn('applicants', patch)} counties={counties} errors={errors} />
      <FundingSection value={model.funding} onChange={(patch) => updateIn('funding', patch)} errors={errors} />
      <RoundsEditor
        rounds={model.rounds}
        onChange={(v) => update('rounds', v)}
        schemeRules={{ applicants: model.applicants, funding: model.funding }}
        counties={counties}
        knownOwners={knownOwners}
        errors={errors}
      />
      <CallsEditor calls={model.calls} onChange={(v) => update('calls', v)} rounds={model.rounds} sources={model.sources} errors={errors} />
      <SourcesEditor sources={model.sources} onChange={(v) => update('sources', v)} errors={errors} />
      <CertaintySection
        groups={model.groups}
        cadence={model.cadence}
        onChange={(group, patch) => setModel((m) => ({ ...m, groups: { ...m.groups, [group]: { ...m.groups[group], ...patch } } }))}
        onCadence={(cadence) => update('cadence', cadence)}
        errors={errors}
      />
    </>
  );
}
