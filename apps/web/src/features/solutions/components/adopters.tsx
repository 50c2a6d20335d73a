import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { Adoption, SolutionFigures } from '@varde/contracts/solutions-api';
import { AppLink } from '../../../components/app-link';
import { centralityOption } from '../../municipalities/components/centrality-legend';
import { useI18n } from '../../../i18n/i18n';
import { adoptionStateLabel, percent } from '../labels';

/** The spread in three figures: adopters now, counties reached, the share of adopters in the least central classes. */
export function SpreadFigures({ figures }: { figures: SolutionFigures }) {
  const { t, number } = useI18n();
  const share = percent(figures.shareLeastCentral, number);
  return (
    <dl className="figures">
      <div>
        <dt>{t('library.figures.adopters')}</dt>
        <dd>{number(figures.adopters)}</dd>
        <dd className="figures__note">
          {t('library.figures.adoptersNote', { using: number(figures.using), testing: number(figures.testing), stopped: number(figures.stopped) })}
        </dd>
      </div>
      <div>
        <dt>{t('library.figures.counties')}</dt>
        <dd>{number(figures.countiesReached)}</dd>
        <dd className="figures__note">{t('library.figures.countiesNote')}</dd>
      </div>
      <div>
        <dt>{t('library.figures.leastCentral')}</dt>
        <dd>{share ?? t('library.figures.none')}</dd>
        <dd className="figures__note">{t('library.figures.leastCentralNote')}</dd>
      </div>
    </dl>
  );
}

/** Every municipality that uses, tests or stopped using the solution, with when and their note. */
export function AdopterTable({ adoptions }: { adoptions: Adoption[] }) {
  const { t, date } = useI18n();
  if (adoptions.length === 0) return <Paragraph>{t('library.noAdopters')}</Paragraph>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="adopters-caption">
      <Table zebra data-size="sm">
        <caption id="adopters-caption">{t('library.adoptersCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('field.municipality')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('library.field.adoptionState')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('library.field.adoptionDate')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('field.centrality')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('library.field.adoptionNote')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {adoptions.map((a) => (
            <Table.Row key={a.organisationId}>
              <th scope="row">
                <AppLink to={`/kommuner/${a.municipalityCode}`}>{a.municipalityName}</AppLink>
                {a.isExample ? (
                  <>
                    {' '}
                    <Tag data-color="warning" data-size="sm">
                      {t('participation.exampleTag')}
                    </Tag>
                  </>
                ) : null}
              </th>
              <Table.Cell>{adoptionStateLabel(t, a.state)}</Table.Cell>
              <Table.Cell>{date(a.date)}</Table.Cell>
              <Table.Cell>{centralityOption(t, a.centralityClass)}</Table.Cell>
              <Table.Cell>{a.note ?? '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** The adopters section of the solution page. */
export function AdoptersSection({ adoptions, figures }: { adoptions: Adoption[]; figures: SolutionFigures }) {
  const { t } = useI18n();
  return (
    <section className="section" aria-labelledby="adopters-heading">
      <Heading level={2} data-size="sm" id="adopters-heading" tabIndex={-1}>
        {t('library.adoptersHeading')}
      </Heading>
      <SpreadFigures figures={figures} />
      <AdopterTable adoptions={adoptions} />
    </section>
  );
}
