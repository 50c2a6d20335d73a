import { Paragraph } from '@digdir/designsystemet-react';
import type { ApplicantType, Scheme } from '@varde/contracts/schemes';
import { Facts, type FactRow } from '../../../components/facts';
import { useSchemeFormat } from '../format';

/** Who may apply, as the rules the eligibility engine reads. */
export function ApplicantFacts({ rules, counties }: { rules: Scheme['applicants']; counties: Record<string, string> }) {
  const { t, lang, number } = useSchemeFormat();
  const types = (list: ApplicantType[]) => (list.length ? list.map((type) => t(`applicantType.${type}`)).join(', ') : t('scheme.none'));
  const population =
    rules.minPopulation !== null && rules.maxPopulation !== null
      ? t('scheme.populationBetween', { min: number(rules.minPopulation), max: number(rules.maxPopulation) })
      : rules.maxPopulation !== null
        ? t('scheme.populationMax', { max: number(rules.maxPopulation) })
        : rules.minPopulation !== null
          ? t('scheme.populationMin', { min: number(rules.minPopulation) })
          : t('scheme.noLimit');
  const rows: FactRow[] = [
    [t('scheme.leadTypes'), types(rules.leadTypes)],
    [t('scheme.partnerTypes'), types(rules.partnerTypes)],
    [
      t('scheme.minMunicipalities'),
      rules.minMunicipalities <= 1 ? t('scheme.mayApplyAlone') : t('scheme.minMunicipalitiesValue', { count: rules.minMunicipalities }),
    ],
    [t('scheme.requiredPartners'), types(rules.requiredPartnerTypes)],
    [t('scheme.counties'), rules.counties ? rules.counties.map((code) => counties[code] ?? code).join(', ') : t('scheme.wholeCountry')],
    [t('scheme.centrality'), rules.centralityClasses ? t('scheme.centralityClasses', { classes: rules.centralityClasses.join(', ') }) : t('scheme.noLimit')],
    [t('scheme.population'), population],
    [t('scheme.politicalAnchoring'), rules.politicalAnchoringRequired ? t('scheme.required') : t('scheme.notRequired')],
    [t('scheme.collaboration'), t(`collaboration.${rules.collaboration}`)],
  ];
  if (rules.conditions.length > 0) {
    rows.push([
      t('scheme.conditions'),
      <ul key="conditions" className="plain-bullets">
        {rules.conditions.map((condition) => (
          <li key={condition.id}>{condition.text[lang]}</li>
        ))}
      </ul>,
    ]);
  }
  if (rules.checkYourself.length > 0) {
    rows.push([
      t('scheme.checkYourself'),
      <ul key="check-yourself" className="plain-bullets">
        {rules.checkYourself.map((text, i) => (
          <li key={i}>{text[lang]}</li>
        ))}
      </ul>,
    ]);
  }
  return <Facts rows={rows} />;
}

/** Amounts and shares; what is not published says so. */
export function FundingFacts({ funding }: { funding: Scheme['funding'] }) {
  const { t, lang, nokRange, percent } = useSchemeFormat();
  const unknown = t('scheme.notPublished');
  const rows: FactRow[] = funding.isGrant
    ? [
        [t('scheme.grantRange'), nokRange(funding.minGrantNok, funding.maxGrantNok) ?? unknown],
        [t('scheme.maxGrantShare'), funding.maxGrantShare !== null ? percent(funding.maxGrantShare) : unknown],
        [t('scheme.minOwnShare'), funding.minOwnShare !== null ? percent(funding.minOwnShare) : unknown],
      ]
    : [[t('scheme.grantRange'), t('finder.noGrant')]];
  return (
    <>
      <Facts rows={rows} />
      {funding.description[lang] ? <Paragraph>{funding.description[lang]}</Paragraph> : null}
    </>
  );
}
