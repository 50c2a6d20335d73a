import type { AskBody, MessageBody, QuestionThread, QuestionThreadList } from '@varde/contracts/solutions-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

export const getThread = (api: Api, threadId: string) => api.get<QuestionThread>(`/api/solution-questions/${threadId}`);
export const listOrganisationQuestions = (api: Api, organisationId: string) => api.get<QuestionThreadList>(`/api/organisations/${organisationId}/questions`);

const ask = (api: Api, { id, ...body }: AskBody & { id: string }) => api.send<QuestionThread>('POST', `/api/solutions/${id}/questions`, body);
const reply = (api: Api, { threadId, ...body }: MessageBody & { threadId: string }) =>
  api.send<QuestionThread>('POST', `/api/solution-questions/${threadId}/messages`, body);

export const useAsk = () => useMutation(ask);
export const useReply = () => useMutation(reply);
