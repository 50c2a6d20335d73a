import type { ParticipationList, ParticipationQuery } from '@varde/contracts/participation-api';
import { participationStatuses, type ParticipationStatus } from '@varde/contracts/participation-vocabulary';
import { toQuery, type Api } from '../../../app/api-client';

/** The list's filters from the page address (anything unreadable is left out, as the API would refuse it). */
export function parseRecordQuery(params: URLSearchParams): ParticipationQuery {
  const year = Number(params.get('ar'));
  const page = Number(params.get('side'));
  const status = params.get('status');
  const query: ParticipationQuery = {};
  const municipality = params.get('kommune');
  if (municipality && /^[0-9]{4}$/.test(municipality)) query.municipality = municipality;
  const county = params.get('fylke');
  if (county && /^[0-9]{2}$/.test(county)) query.county = county;
  const scheme = params.get('ordning');
  if (scheme && /^[a-z0-9-]{1,80}$/.test(scheme)) query.scheme = scheme;
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) query.year = year;
  if (status && (participationStatuses as readonly string[]).includes(status)) query.status = status as ParticipationStatus;
  if (params.get('eksempel') === 'nei') query.example = 'exclude';
  if (Number.isInteger(page) && page > 1 && page <= 10_000) query.page = page;
  return query;
}

export const listRecords = (api: Api, query: ParticipationQuery) => api.get<ParticipationList>(`/api/participation${toQuery({ ...query })}`);
