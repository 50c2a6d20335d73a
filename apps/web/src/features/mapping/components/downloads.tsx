import type { MappingQuery } from '@varde/contracts/mapping-api';
import type { MappingTable } from '@varde/contracts/mapping-vocabulary';
import { useI18n } from '../../../i18n/i18n';
import { tableDownload } from '../api/mapping';

/** CSV and JSON of one table with the page's filters (plain links: the browser downloads them). */
export function TableDownloads({ table, query, label }: { table: MappingTable; query: MappingQuery; label: string }) {
  const { t } = useI18n();
  return (
    <p className="downloads">
      <a className="ds-link" href={tableDownload(table, query, 'csv')} download>
        {t('analytics.downloadCsv', { table: label })}
      </a>
      <a className="ds-link" href={tableDownload(table, query, 'json')}>
        {t('analytics.downloadJson')}
      </a>
    </p>
  );
}
