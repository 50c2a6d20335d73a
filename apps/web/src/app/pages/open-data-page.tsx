import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import type { OpenDataField } from '@varde/contracts/mapping-api';
import type { MessageKey } from '@varde/contracts';
import { ExternalLink } from '../../components/external-link';
import { PageHeading } from '../../components/page-heading';
import { getOpenDataCatalogue } from '../../features/mapping/api/mapping';
import { TableBox } from '../../features/mapping/components/table-box';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

export async function loader({ request, context }: LoaderFunctionArgs) {
  return { catalogue: await orRouteError(request, getOpenDataCatalogue(apiFrom(context))) };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t) => t('openData.title'),
  description: (t) => t('openData.description'),
};

const CLASS_COLUMN = /^class_([1-6])_(municipalities|participants)$/;

/** Each field's description: `openData.field.<name>`; the per-class columns share one text. */
function useFieldText() {
  const { t } = useI18n();
  return (field: OpenDataField) => {
    const perClass = CLASS_COLUMN.exec(field.name);
    if (perClass) return t(`openData.field.class_n_${perClass[2] as 'municipalities' | 'participants'}`, { class: perClass[1]! });
    return t(`openData.field.${field.name}` as MessageKey);
  };
}

/** The open data: every dataset, its addresses, and each field with its type, source and what it means; the licence. */
export function Component() {
  const { catalogue } = useLoaderData<Data>();
  const { t } = useI18n();
  const fieldText = useFieldText();
  return (
    <div className="page open-data-page">
      <div className="stack">
        <PageHeading>{t('openData.heading')}</PageHeading>
        <Paragraph className="lead">{t('openData.lead')}</Paragraph>
        <Paragraph>
          {t('openData.licence')} <ExternalLink href={catalogue.licence.url}>{catalogue.licence.name}</ExternalLink>. {t('openData.attribution')}
        </Paragraph>
        <Paragraph>{t('openData.filters')}</Paragraph>
      </div>
      {catalogue.datasets.map((dataset) => (
        <section className="section" key={dataset.id} aria-labelledby={`data-${dataset.id}`}>
          <Heading level={2} data-size="sm" id={`data-${dataset.id}`}>
            {t(`openData.dataset.${dataset.id}` as MessageKey)}
          </Heading>
          <p className="downloads">
            <a className="ds-link" href={dataset.csv} download>
              {t('openData.csv')}
            </a>
            <a className="ds-link" href={dataset.json}>
              {t('openData.json')}
            </a>
          </p>
          <TableBox id={`fields-${dataset.id}`} caption={t('openData.fieldsCaption', { dataset: t(`openData.dataset.${dataset.id}` as MessageKey) })}>
            <Table.Head>
              <Table.Row>
                <th scope="col">{t('openData.col.field')}</th>
                <th scope="col">{t('openData.col.type')}</th>
                <th scope="col">{t('openData.col.source')}</th>
                <th scope="col">{t('openData.col.meaning')}</th>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {dataset.fields.map((field) => (
                <Table.Row key={field.name}>
                  <th scope="row">
                    <code>{field.name}</code>
                  </th>
                  <Table.Cell>{t(`openData.type.${field.type}`)}</Table.Cell>
                  <Table.Cell>{t(`openData.source.${field.source}`)}</Table.Cell>
                  <Table.Cell>{fieldText(field)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </TableBox>
        </section>
      ))}
    </div>
  );
}
