import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { SolutionSummary } from '@varde/contracts/solutions-api';
import { useClientNavigation } from '../../../components/client-navigation';
import { useI18n } from '../../../i18n/i18n';
import { maturityLabel } from '../labels';
import { NotDescribed, SolutionTags } from './solution-notes';

/**
 * Solutions as cards: name, owners, summary, maturity, themes and how far it has spread. Plain links
 * with one click handler (`useClientNavigation`), as the list may hold 50 of them.
 */
export function SolutionList({ items, headingLevel = 2 }: { items: SolutionSummary[]; headingLevel?: 2 | 3 }) {
  const { t, number, lang } = useI18n();
  const onClick = useClientNavigation();
  return (
    <ul className="solution-list" onClick={onClick}>
      {items.map((s) => (
        <li key={s.id}>
          <article className="solution-card" aria-labelledby={`solution-${s.id}`}>
            <Heading level={headingLevel} data-size="xs" id={`solution-${s.id}`} lang={s.language !== lang ? s.language : undefined}>
              <a className="ds-link" href={`/losninger/${s.id}`}>
                {s.title}
              </a>
            </Heading>
            <SolutionTags status={s.status} isExample={s.isExample} hidden={s.hidden} />
            <Paragraph data-size="sm" className="solution-card__owners">
              {s.owners.length ? s.owners.map((o) => o.name).join(', ') : t('library.noOwners')}
            </Paragraph>
            <Paragraph data-size="sm">{s.summary ?? <NotDescribed />}</Paragraph>
            <dl className="card-facts">
              <div>
                <dt>{t('library.field.maturity')}</dt>
                <dd>{s.maturity ? maturityLabel(t, s.maturity) : <NotDescribed />}</dd>
              </div>
              <div>
                <dt>{t('library.field.themes')}</dt>
                <dd>{s.themes.length ? s.themes.map((theme) => t(`theme.${theme}`)).join(', ') : <NotDescribed />}</dd>
              </div>
              <div>
                <dt>{t('library.figures.adopters')}</dt>
                <dd>{t('library.card.spread', { adopters: number(s.adopters), counties: number(s.countiesReached) })}</dd>
              </div>
            </dl>
          </article>
        </li>
      ))}
    </ul>
  );
}
