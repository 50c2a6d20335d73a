import { Fieldset } from '@digdir/designsystemet-react';
import type { County } from '@varde/contracts';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { copyApplicants, copyFunding, emptyRound, inputId, type ApplicantsDraft, type FundingDraft, type RoundDraft } from '../editor-model';
import { ApplicantsFields } from './applicants-section';
import { CheckboxField, CheckboxGroup, GroupError, LocalizedFields, type ErrorsByKey } from './editor-fields';
import { FundingFields } from './funding-section';
import { OwnerFields } from './owner-fields';
import { ItemListSection } from './item-list-section';

/**
 * Regional rounds: a scheme run by different owners for different counties (prosjektskjønn). Each
 * round has its region, counties, owner, page and sources; its rules and funding are the scheme's
 * unless "own rules" or "own funding" is ticked, which starts from a copy of the scheme's.
 */
export function RoundsEditor({
  rounds,
  onChange,
  schemeRules,
  counties,
  knownOwners,
  errors,
}: {
  rounds: RoundDraft[];
  onChange: (next: RoundDraft[]) => void;
  /** The scheme's rules and funding as the form holds them: what a round's own rules start from. */
  schemeRules: { applicants: ApplicantsDraft; funding: FundingDraft };
  counties: County[];
  knownOwners: boolean;
  errors: ErrorsByKey;
}) {
  const { t, lang } = useI18n();
  return (
    <ItemListSection
      path="scheme.rounds"
      texts={{
        heading: t('editor.roundsHeading'),
        lead: t('editor.roundsLead'),
        add: t('editor.addRound'),
        remove: t('editor.removeRound'),
        legend: (number, name) => t('editor.roundLegend', { number, name }),
      }}
      items={rounds}
      onChange={onChange}
      empty={emptyRound}
      nameOf={(round) => round.name[lang] || round.id || t('editor.newRound')}
      errors={errors}
    >
      {(round, base, set) => (
        <>
          <TextInput
            id={inputId(`${base}.id`)}
            label={t('editor.idLabel')}
            description={t('editor.roundIdHint')}
            value={round.id}
            error={errors.get(`${base}.id`)}
            onChange={(e) => set({ id: e.currentTarget.value })}
          />
          <LocalizedFields path={`${base}.name`} legend={t('editor.roundName')} value={round.name} onChange={(name) => set({ name })} errors={errors} />
          <CheckboxGroup<string>
            path={`${base}.counties`}
            legend={t('editor.roundCounties')}
            description={t('editor.roundCountiesHint')}
            options={counties.map((c) => ({ value: c.code, label: c.name }))}
            value={round.counties}
            onChange={(v) => set({ counties: v })}
            errors={errors}
          />
          <Fieldset className="localized-fields" id={inputId(`${base}.owner`)} tabIndex={-1}>
            <Fieldset.Legend>{t('editor.roundOwner')}</Fieldset.Legend>
            <GroupError error={errors.get(`${base}.owner`)} />
            <OwnerFields
              path={`${base}.owner`}
              value={round.owner}
              onChange={(patch) => set({ owner: { ...round.owner, ...patch } })}
              errors={errors}
              knownOwners={knownOwners}
            />
          </Fieldset>
          <TextInput
            id={inputId(`${base}.url`)}
            type="url"
            label={t('editor.roundUrl')}
            value={round.url}
            error={errors.get(`${base}.url`)}
            onChange={(e) => set({ url: e.currentTarget.value })}
          />
          <TextInput
            id={inputId(`${base}.sourceIds`)}
            label={t('field.sourceIds')}
            description={t('editor.sourceIdsHint')}
            value={round.sourceIds}
            error={errors.get(`${base}.sourceIds`)}
            onChange={(e) => set({ sourceIds: e.currentTarget.value })}
          />
          <CheckboxField
            path={`${base}.ownApplicants`}
            label={t('editor.roundOwnRules')}
            checked={round.applicants !== null}
            onChange={(own) => set({ applicants: own ? copyApplicants(schemeRules.applicants) : null })}
            errors={errors}
          />
          {round.applicants ? (
            <Fieldset className="localized-fields" id={inputId(`${base}.applicants`)} tabIndex={-1}>
              <Fieldset.Legend>{t('editor.roundRulesLegend', { name: round.name[lang] || round.id || t('editor.newRound') })}</Fieldset.Legend>
              <GroupError error={errors.get(`${base}.applicants`)} />
              <ApplicantsFields
                path={`${base}.applicants`}
                value={round.applicants}
                onChange={(patch) => set({ applicants: { ...(round.applicants as ApplicantsDraft), ...patch } })}
                counties={counties}
                errors={errors}
              />
            </Fieldset>
          ) : null}
          <CheckboxField
            path={`${base}.ownFunding`}
            label={t('editor.roundOwnFunding')}
            checked={round.funding !== null}
            onChange={(own) => set({ funding: own ? copyFunding(schemeRules.funding) : null })}
            errors={errors}
          />
          {round.funding ? (
            <Fieldset className="localized-fields" id={inputId(`${base}.funding`)} tabIndex={-1}>
              <Fieldset.Legend>{t('editor.roundFundingLegend', { name: round.name[lang] || round.id || t('editor.newRound') })}</Fieldset.Legend>
              <GroupError error={errors.get(`${base}.funding`)} />
              <FundingFields
                path={`${base}.funding`}
                value={round.funding}
                onChange={(patch) => set({ funding: { ...(round.funding as FundingDraft), ...patch } })}
                errors={errors}
              />
            </Fieldset>
          ) : null}
        </>
      )}
    </ItemListSection>
  );
}
