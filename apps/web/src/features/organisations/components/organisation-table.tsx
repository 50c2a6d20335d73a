import { useEffect, useRef } from 'react';
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { County, Organisation, OrganisationType } from '@varde/contracts';
import { ADMIN_PAGE_SIZE } from '@varde/contracts/admin-api';
import { organisationTypes } from '@varde/contracts/vocabulary';
import { AppLink } from '../../../components/app-link';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { ListPagination } from '../../admin/components/list-pagination';
import { organisationTypeLabel } from '../labels';

interface OrganisationTableProps {
  organisations: Organisation[];
  /** Organisations that match the search, over all pages. */
  total: number;
  counties: County[];
  q: string;
  type: OrganisationType | undefined;
  page: number;
  /** The address of another page of the same search. */
  hrefFor: (page: number) => string;
}

/**
 * Organisations searched by name or municipality number and filtered by type with a plain GET form (a
 * shareable address), by name in Norwegian order, a page at a time.
 */
export function OrganisationTable({ organisations, total, counties, q, type, page, hrefFor }: OrganisationTableProps) {
  const { t, number } = useI18n();
  const countyName = new Map(counties.map((c) => [c.code, c.name]));
  const formRef = useRef<HTMLFormElement>(null);
  // Keep the fields in step with the address (back button) without re-mounting the form and losing focus.
  useEffect(() => {
    const elements = formRef.current?.elements;
    const select = elements?.namedItem('type');
    if (select instanceof HTMLSelectElement) select.value = type ?? '';
    const search = elements?.namedItem('q');
    if (search instanceof HTMLInputElement) search.value = q;
  }, [type, q]);
  const first = (page - 1) * ADMIN_PAGE_SIZE + 1;
  return (
    <div className="stack">
      <Form method="get" className="filter-row" preventScrollReset ref={formRef} role="search" aria-label={t('admin.searchOrganisations')}>
        <TextInput id="org-filter-q" name="q" type="search" label={t('admin.searchOrganisations')} defaultValue={q} maxLength={100} autoComplete="off" />
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
      <Paragraph role="status">
        {total === 0
          ? t('admin.organisationsNone')
          : total <= ADMIN_PAGE_SIZE
            ? t('admin.organisationCount', { count: number(total) })
            : t('admin.organisationRange', { from: number(first), to: number(first + organisations.length - 1), count: number(total) })}
      </Paragraph>
      {organisations.length ? (
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
                    {o.municipalityCode ? <span className="muted"> ({o.municipalityCode})</span> : null}
                  </th>
                  <Table.Cell>{organisationTypeLabel(t, o.type)}</Table.Cell>
                  <Table.Cell>{o.countyCode ? (countyName.get(o.countyCode) ?? o.countyCode) : '–'}</Table.Cell>
                  <Table.Cell className="num">{number(o.memberCount)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      <ListPagination page={page} total={total} pageSize={ADMIN_PAGE_SIZE} hrefFor={hrefFor} label={t('admin.organisationPages')} />
    </div>
  );
}
