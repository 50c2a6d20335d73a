import type { MailPreferences } from '@varde/contracts/mail-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

export const getMailPreferences = (api: Api) => api.get<MailPreferences>('/api/mail/preferences');

const saveMailPreferences = (api: Api, body: MailPreferences) => api.send<MailPreferences>('PUT', '/api/mail/preferences', body);

export const useSaveMailPreferences = () => useMutation(saveMailPreferences);
