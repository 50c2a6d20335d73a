import { Pagination } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n';

/** Page numbers to show: all of a few, else the first, the last and the neighbours of the current. */
function pageNumbers(current: number, count: number): (number | 'gap')[] {
  if (count <= 7) return Array.from({ length: count }, (_, i) => i + 1);
  const shown = [...new Set([1, current - 1, current, current + 1, count])].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? ['gap' as const, n] : [n]));
}

/** Links to the other result pages: plain links, so they work without JavaScript. */
export function FinderPagination({ page, total, pageSize, hrefFor }: { page: number; total: number; pageSize: number; hrefFor: (page: number) => string }) {
  const { t } = useI18n();
  const count = Math.ceil(total / pageSize);
  if (count <= 1) return null;
  const pageLink = (n: number, label: string, text: string) => (
    <Pagination.Button asChild variant="tertiary" aria-current={n === page ? 'page' : undefined}>
      <Link to={hrefFor(n)} aria-label={label}>
        {text}
      </Link>
    </Pagination.Button>
  );
  return (
    <Pagination asChild>
      <nav aria-label={t('finder.pagination')}>
        <Pagination.List>
          {/* Designsystemet draws the arrows on the first and last item; an absent one keeps its place. */}
          <Pagination.Item>{page > 1 ? pageLink(page - 1, t('finder.previousPage'), t('finder.previous')) : <span aria-hidden="true" />}</Pagination.Item>
          {pageNumbers(page, count).map((n, i) =>
            n === 'gap' ? (
              // An empty item: Designsystemet draws the ellipsis.
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
