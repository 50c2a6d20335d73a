import type { Confirmation, ConfirmationCreate } from '@varde/contracts/confirmations-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const base = (organisationId: string) => `/api/organisations/${encodeURIComponent(organisationId)}/confirmations`;

/** A member states that the municipality meets a condition ("Vi har dette"); replaces an earlier one. */
const confirmCondition = (api: Api, { organisationId, ...body }: ConfirmationCreate & { organisationId: string }) =>
  api.send<Confirmation>('PUT', base(organisationId), body);

/** Takes a confirmation back. */
const undoConfirmation = (api: Api, input: { organisationId: string; confirmationId: string }) =>
  api.send('DELETE', `${base(input.organisationId)}/${encodeURIComponent(input.confirmationId)}`);

export const useConfirmCondition = () => useMutation(confirmCondition);
export const useUndoConfirmation = () => useMutation(undoConfirmation);
