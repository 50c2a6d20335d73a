import type { CreateSolutionBody, SolutionDraft, SolutionDraftBody } from '@varde/contracts/solutions-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

type SaveInput = { id: null; body: CreateSolutionBody } | { id: string; body: SolutionDraftBody };

/** A new draft answers with its id; a saved draft with the draft. Either way the page goes to the solution. */
const saveDraft = async (api: Api, input: SaveInput): Promise<{ id: string }> =>
  input.id === null
    ? api.send<{ id: string }>('POST', '/api/solutions', input.body)
    : api.send<SolutionDraft>('PUT', `/api/solutions/${input.id}/draft`, input.body);

const discardDraft = (api: Api, id: string) => api.send('DELETE', `/api/solutions/${id}/draft`);

export const useSaveDraft = () => useMutation(saveDraft);
export const useDiscardDraft = () => useMutation(discardDraft);
