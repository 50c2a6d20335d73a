import type { SchemeQuery } from '@varde/contracts/pipeline';

/** The finder address of a saved query: the same parameter names as `GET /api/schemes`, themes repeated. */
export function finderLink(query: SchemeQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.municipality) params.set('municipality', query.municipality);
  for (const theme of query.theme ?? []) params.append('theme', theme);
  if (query.role) params.set('role', query.role);
  if (query.openNow) params.set('openNow', 'true');
  if (query.deadlineWithin) params.set('deadlineWithin', String(query.deadlineWithin));
  if (query.funding) params.set('funding', query.funding);
  if (query.collaboration) params.set('collaboration', query.collaboration);
  if (query.owner) params.set('owner', query.owner);
  const search = params.toString();
  return `/ordninger${search ? `?${search}` : ''}`;
}
