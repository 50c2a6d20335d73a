import type { SchemeDetail } from '@varde/contracts/finder-api';
import type { SchemeEdit } from '@varde/contracts/catalogue-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

/** Saves a new version; 409 `scheme_version_conflict` when someone else saved after `baseVersion`. */
const saveScheme = (api: Api, { schemeId, ...body }: SchemeEdit & { schemeId: string }) =>
  api.send<SchemeDetail>('PUT', `/api/schemes/${encodeURIComponent(schemeId)}`, body);

export const useSaveScheme = () => useMutation(saveScheme);
