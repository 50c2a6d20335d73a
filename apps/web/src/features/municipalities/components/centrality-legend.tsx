import { Details } from '@digdir/designsystemet-react';
import type { Translate } from '../../../i18n/i18n';
import { useI18n } from '../../../i18n/i18n';
import { centralityClasses } from '../api/list-municipalities';

type CentralityClass = (typeof centralityClasses)[number];

/** The class in words ("lite sentral"). */
export const centralityLabel = (t: Translate, centralityClass: number) => t(`centrality.class${centralityClass as CentralityClass}`);

/** The class as number and words ("5 – lite sentral"), for lists and menus. */
export const centralityOption = (t: Translate, centralityClass: number) =>
  t('centrality.option', { class: centralityClass, label: centralityLabel(t, centralityClass) });

/** The map's legend as real text: each class with its colour and its meaning. */
export function CentralityLegend() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <ul className="legend" aria-label={t('centrality.legendLabel')}>
        {centralityClasses.map((c) => (
          <li key={c}>
            <span className={`swatch c${c}`} aria-hidden="true" />
            {centralityOption(t, c)}
          </li>
        ))}
      </ul>
      <Details>
        <Details.Summary>{t('centrality.whatIsIt')}</Details.Summary>
        <Details.Content>{t('centrality.explanation')}</Details.Content>
      </Details>
    </div>
  );
}
