import { data, redirect } from 'react-router';
import { ApiError } from './api-client';

/** What a loader throws for an error page: the status sets the HTTP status of the server render. */
export interface RouteErrorData {
  code: string;
  message?: string;
}

export function signInRedirect(request: Request) {
  const url = new URL(request.url);
  return redirect(`/logg-inn?neste=${encodeURIComponent(url.pathname + url.search)}`);
}

export function notFound() {
  return data<RouteErrorData>({ code: 'not_found' }, { status: 404 });
}

/**
 * Turns an API error into what the router understands: 401 → go to sign-in and come back, anything
 * else → the error page with the same status (403, 404, 410 …).
 */
function toRouteError(error: unknown, request: Request): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.status === 401) return signInRedirect(request);
  return data<RouteErrorData>({ code: error.code, message: error.message }, { status: error.status || 500 });
}

/** Awaits API calls in a loader and rethrows failures as route errors. */
export async function orRouteError<T>(request: Request, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw toRouteError(error, request);
  }
}
