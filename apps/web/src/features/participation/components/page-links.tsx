import { Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';

/** "Previous" and "next" as plain links (they work without JavaScript), with where the reader is. */
export function PageLinks({
  page,
  total,
  pageSize,
  hrefFor,
  label,
}: {
  page: number;
  total: number;
  pageSize: number;
  hrefFor: (page: number) => string;
  label: string;
}) {
  const { t, number } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="page-links">
      <Paragraph data-size="sm">
        {page > 1 ? <AppLink to={hrefFor(page - 1)}>{t('participation.previousPage')}</AppLink> : null}{' '}
        <span>{t('participation.pageOf', { page: number(page), pages: number(pages) })}</span>{' '}
        {page < pages ? <AppLink to={hrefFor(page + 1)}>{t('participation.nextPage')}</AppLink> : null}
      </Paragraph>
    </nav>
  );
}
