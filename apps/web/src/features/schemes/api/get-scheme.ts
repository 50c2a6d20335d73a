import type { ApplicantType } from '@varde/contracts/schemes';
import type { EligibilityAnswer, SchemeDetail } from '@varde/contracts/finder-api';
import { toQuery, type Api } from '../../../app/api-client';

/** The scheme with every fact and, when a municipality is given, the verdicts for both roles. */
export const getScheme = (api: Api, schemeId: string, municipality?: string) =>
  api.get<SchemeDetail>(`/api/schemes/${encodeURIComponent(schemeId)}${toQuery({ municipality })}`);

/** One role's verdict with the planned partners taken into account. */
export function checkEligibility(api: Api, schemeId: string, input: { municipality: string; role: 'lead' | 'partner'; partners: ApplicantType[] }) {
  const params = new URLSearchParams({ municipality: input.municipality, role: input.role });
  for (const partner of input.partners) params.append('partners', partner);
  return api.get<EligibilityAnswer>(`/api/schemes/${encodeURIComponent(schemeId)}/eligibility?${params.toString()}`);
}
