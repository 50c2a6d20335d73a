import { useEffect, useRef } from 'react';
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { County, Organisation, OrganisationType } from '@varde/contracts';
import { organisationTypes } from '@varde/contracts/vocabulary';
import { AppLink } from '../../../components/app-link';
import { SelectInput } from '../../../components/select-input';
import { useI18n } from '../../../i18n/i18n';
import { organisationTypeLabel } from '../labels';

interface OrganisationTableProps {
  organisations: Organisation[];
  counties: County[];
  type: OrganisationType | undefined;
}

/** Every organisation, filtered by type with a plain GET form (a shareable address). */
export function OrganisationTable({ organisations, counties, type }: OrganisationTableProps) {
  const { t, number } = useI18n();
  const countyName = new Map(counties.map((c) => [c.code, c.name]));
  const formRef = useRef<HTMLFormElement>(null);
  // Keep the menu in step with the address (back button) without re-mounting the form and losing focus.
  useEffect(() => {
    const select = formRef.current?.elements.namedItem('type');
    if (select instanceof HTMLSelectElement) select.value = type ?? '';
  }, [type]);
  return (
    <div className="stack">
      <Form method="get" className="filter-row" preventScrollReset ref={formRef}>
        <SelectInput
          id="org-filter-type"
          name="type"
          label={t('admin.filterType')}
          defaultValue={type ?? ''}
          options={[{ value: '', label: t('admin.allTypes') }, ...organisationTypes.map((value) => ({ value, label: organisationTypeLabel(t, value) }))]}
        />
        <Button type="submit" variant="secondary">
          {t('admin.filterSubmit')}
        </Button>
      </Form>
      <Paragraph role="status">{t('admin.organisationCount', { count: number(organisations.length) })}</Paragraph>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="organisations-caption">
        <Table data-size="sm" zebra>
          <caption id="organisations-caption">{t('admin.organisationsCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('field.name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('field.type')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('field.county')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="num">
                {t('organisation.memberCount')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {organisations.map((o) => (
              <Table.Row key={o.id}>
                <th scope="row">
                  <AppLink to={`/organisasjoner/${o.id}`}>{o.name}</AppLink>
                </th>
                <Table.Cell>{organisationTypeLabel(t, o.type)}</Table.Cell>
                <Table.Cell>{o.countyCode ? (countyName.get(o.countyCode) ?? o.countyCode) : '–'}</Table.Cell>
                <Table.Cell className="num">{number(o.memberCount)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}
