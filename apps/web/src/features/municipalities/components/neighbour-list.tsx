import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { MessageKey, MunicipalityDetail, NeighbourKind } from '@varde/contracts';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';

const kinds: { kind: NeighbourKind; heading: MessageKey; explanation: MessageKey }[] = [
  { kind: 'land', heading: 'neighbours.land', explanation: 'neighbours.landExplanation' },
  { kind: 'touching', heading: 'neighbours.touching', explanation: 'neighbours.touchingExplanation' },
  { kind: 'sea', heading: 'neighbours.sea', explanation: 'neighbours.seaExplanation' },
];

export function NeighbourList({ neighbours }: { neighbours: MunicipalityDetail['neighbours'] }) {
  const { t, number } = useI18n();
  if (neighbours.length === 0) return <Paragraph>{t('neighbours.none')}</Paragraph>;
  return (
    <div className="stack">
      {kinds.map(({ kind, heading, explanation }) => {
        const group = neighbours.filter((n) => n.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} className="section" aria-labelledby={`neighbours-${kind}`}>
            <Heading level={3} data-size="xs" id={`neighbours-${kind}`}>
              {t(heading)}{' '}
              <Tag data-color={kind === 'sea' ? 'warning' : 'neutral'} data-size="sm">
                {number(group.length)}
              </Tag>
            </Heading>
            <Paragraph data-size="sm" className="muted">
              {t(explanation)}
            </Paragraph>
            <ul className="neighbour-list">
              {group.map((n) => (
                <li key={n.code}>
                  <AppLink to={`/kommuner/${n.code}`}>{n.name}</AppLink>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
