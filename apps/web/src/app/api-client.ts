import type { ApiErrorBody, FieldError } from '@varde/contracts';

/**
 * One client for the JSON API, used by loaders on both sides. On the server the transport is the
 * host's in-process one (apps/server/src/plugins/ssr-transport.ts: each call runs the API route with
 * its permission and validation, as the visitor and in the page's language, exactly as for the
 * browser; the session is looked up once per page, and a GET asked for twice while rendering one page
 * is answered once); in the browser it is `fetch`.
 */
export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  csrfToken?: string | null;
}

interface ApiResponse {
  status: number;
  body: unknown;
}

export type Transport = (request: ApiRequest) => Promise<ApiResponse>;

/** An error answer from the API. `message` and the field messages are already in the request language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  send<T = void>(method: Exclude<ApiRequest['method'], 'GET'>, path: string, body?: unknown): Promise<T>;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && 'error' in body;
}

export function createApi(transport: Transport, csrfToken: string | null = null): Api {
  async function call<T>(request: ApiRequest): Promise<T> {
    const { status, body } = await transport(request);
    if (status >= 400) {
      if (isErrorBody(body)) throw new ApiError(status, body.error.code, body.error.message, body.error.fields);
      throw new ApiError(status, 'internal', `HTTP ${status}`);
    }
    return body as T;
  }
  return {
    get: (path) => call({ method: 'GET', path }),
    send: (method, path, body) => call({ method, path, body, csrfToken }),
  };
}

export const fetchTransport: Transport = async ({ method, path, body, csrfToken }) => {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed };
};

/** What the server hands loaders through React Router's `requestContext`. */
export interface LoaderContext {
  api: Api;
}

const browserApi = createApi(fetchTransport);

/** The API for a loader: the in-process one on the server, `fetch` in the browser (which has no context). */
export function apiFrom(context: unknown): Api {
  return (context as Partial<LoaderContext> | undefined)?.api ?? browserApi;
}

/** `?a=1&b=2`, or '' when there are no parameters: what follows the path in an address. */
export function searchOf(params: URLSearchParams): string {
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Builds a query string from the values that are set, for API calls and links alike. */
export function toQuery(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  return searchOf(search);
}
