import { Pagination } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n';

/** Page numbers to show: all of a few, else the first, the last and the neighbours of the current. */
export function pageNumbers(current: number, count: number): (number | 'gap')[] {
  if (count <= 7) return Array.from({ length: count }, (_, i) => i + 1);
  const shown = [...new Set([1, current - 1, current, current + 1, count])].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? ['gap' as const, n] : [n]));
}

/** Links to a list's other pages (plain links, so they work without JavaScript); `label` names the list. */
export function ListPagination({
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
  const { t } = useI18n();
  const count = Math.ceil(total / pageSize);
  if (count <= 1) return null;
  const pageLink = (n: number, ariaLabel: string, text: string) => (
    <Pagination.Button asChild variant="tertiary" aria-current={n === page ? 'page' : undefined}>
      <Link to={hrefFor(n)} aria-label={ariaLabel}>
        {text}
      </Link>
    </Pagination.Button>
  );
  return (
    <Pagination asChild>
      <nav aria-label={label}>
        <Pagination.List>
          <Pagination.Item>{page > 1 ? pageLink(page - 1, t('finder.previousPage'), t('finder.previous')) : <span aria-hidden="true" />}</Pagination.Item>
          {pageNumbers(page, count).map((n, i) =>
            n === 'gap' ? (
              <Pagination.Item key={`gap-${i}`} />
            ) : (
              <Pagination.Item key={n}>{pageLink(n, t('finder.pageNumber', { page: n }), String(n))}</Pagination.Item>
            ),
          )}
          <Pagination.Item>{page < count ? pageLink(page + 1, t('finder.nextPage'), t('finder.next')) : <span aria-hidden="true" />}</Pagination.Item>
        </Pagination.List>
      </nav>
    </Pagination>
  );
}
