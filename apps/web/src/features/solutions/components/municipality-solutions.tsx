import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { MunicipalitySolutions as Data } from '@varde/contracts/solutions-api';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';
import { adoptionStateLabel } from '../labels';
import { SolutionList } from './solution-list';
import { SolutionExampleNotice } from './solution-notes';

/** The municipality page's "solutions we share" (it owns them) and "solutions we use" (it adopted them). */
export function MunicipalitySolutions({ name, solutions }: { name: string; solutions: Data }) {
  const { t, date } = useI18n();
  return (
    <>
      <section className="section" aria-labelledby="shared-solutions-heading">
        <Heading level={2} data-size="sm" id="shared-solutions-heading">
          {t('library.municipality.sharedHeading')}
        </Heading>
        {solutions.includesExamples ? <SolutionExampleNotice /> : null}
        {solutions.shared.length ? (
          <SolutionList items={solutions.shared} headingLevel={3} />
        ) : (
          <Paragraph>{t('library.municipality.sharedNone', { name })}</Paragraph>
        )}
      </section>
      <section className="section" aria-labelledby="used-solutions-heading">
        <Heading level={2} data-size="sm" id="used-solutions-heading">
          {t('library.municipality.usedHeading')}
        </Heading>
        {solutions.used.length ? (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="used-solutions-caption">
            <Table zebra data-size="sm">
              <caption id="used-solutions-caption">{t('library.municipality.usedCaption', { name })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('library.solutionColumn')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('library.field.adoptionState')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('library.field.adoptionDate')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('library.field.owners')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {solutions.used.map(({ solution: s, state, date: when }) => (
                  <Table.Row key={s.id}>
                    <th scope="row">
                      <AppLink to={`/losninger/${s.id}`}>{s.title}</AppLink>
                      {s.isExample ? (
                        <>
                          {' '}
                          <Tag data-color="warning" data-size="sm">
                            {t('participation.exampleTag')}
                          </Tag>
                        </>
                      ) : null}
                    </th>
                    <Table.Cell>{adoptionStateLabel(t, state)}</Table.Cell>
                    <Table.Cell>{date(when)}</Table.Cell>
                    <Table.Cell>{s.owners.map((o) => o.name).join(', ') || '–'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ) : (
          <Paragraph>{t('library.municipality.usedNone', { name })}</Paragraph>
        )}
      </section>
    </>
  );
}
