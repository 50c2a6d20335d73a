import type { Certainty, LocalizedText, SchemeSource } from '@varde/contracts/schemes';
import { useI18n } from '../../../i18n/i18n';
import { Icon, type IconName } from './icons';

const certaintyIcon: Record<Certainty, IconName> = { verified: 'check', partial: 'info', uncertain: 'question' };

/** How sure the catalogue is of a group of facts, in words with an icon. */
function CertaintyBadge({ certainty }: { certainty: Certainty }) {
  const { t } = useI18n();
  return (
    <span className={`certainty certainty--${certainty}`}>
      <Icon name={certaintyIcon[certainty]} />
      {t(`certainty.${certainty}`)}
    </span>
  );
}

export const sourceAnchor = (id: string) => `kilde-${id}`;

/** Links to entries of the page's source list. */
export function SourceRefs({ ids, sources }: { ids: string[]; sources: SchemeSource[] }) {
  const known = ids.map((id) => sources.find((s) => s.id === id)).filter((s): s is SchemeSource => !!s);
  return (
    <>
      {known.map((source, i) => (
        <span key={source.id}>
          {i > 0 ? '; ' : null}
          <a className="ds-link" href={`#${sourceAnchor(source.id)}`}>
            {source.title}
          </a>
        </span>
      ))}
    </>
  );
}

/** Under each group of facts: how certain they are, what is uncertain, and where they come from. */
export function Evidence({
  evidence,
  sources,
}: {
  evidence: { certainty: Certainty; note?: LocalizedText | undefined; sourceIds: string[] };
  sources: SchemeSource[];
}) {
  const { t, lang } = useI18n();
  return (
    <div className={`evidence evidence--${evidence.certainty}`}>
      <p>
        <span className="evidence__label">{t('scheme.certaintyLabel')}</span> <CertaintyBadge certainty={evidence.certainty} />
        {evidence.note ? <span className="evidence__note"> {evidence.note[lang]}</span> : null}
      </p>
      <p>
        <span className="evidence__label">{t('scheme.sourcesLabel')}</span> <SourceRefs ids={evidence.sourceIds} sources={sources} />
      </p>
    </div>
  );
}
