import type { ImportDetail, ImportList, ImportMapping, RowFixBody, UndoBody, UndoPreview } from '@varde/contracts/participation-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const base = '/api/participation-imports';

export const listImports = (api: Api) => api.get<ImportList>(base);
export const getImport = (api: Api, id: string, page = 1) => api.get<ImportDetail>(`${base}/${id}${page > 1 ? `?page=${page}` : ''}`);
export const getUndoPreview = (api: Api, id: string) => api.get<UndoPreview>(`${base}/${id}/undo`);

const mapImport = (api: Api, { id, mapping }: { id: string; mapping: ImportMapping }) => api.send<ImportDetail>('PUT', `${base}/${id}/mapping`, { mapping });
const fixRow = (api: Api, { id, row, ...body }: RowFixBody & { id: string; row: number }) => api.send<ImportDetail>('PUT', `${base}/${id}/rows/${row}`, body);
const commitImport = (api: Api, id: string) => api.send<{ recordCount: number }>('POST', `${base}/${id}/commit`);
const undoImport = (api: Api, { id, ...body }: UndoBody & { id: string }) => api.send<{ removed: number; kept: number }>('POST', `${base}/${id}/undo`, body);
const discardImport = (api: Api, id: string) => api.send('DELETE', `${base}/${id}`);

export const useMapImport = () => useMutation(mapImport);
export const useFixRow = () => useMutation(fixRow);
export const useCommitImport = () => useMutation(commitImport);
export const useUndoImport = () => useMutation(undoImport);
export const useDiscardImport = () => useMutation(discardImport);
