import { notFound } from '../route-errors';

/** Any unknown path: the 404 status is set by throwing, and the error boundary renders the page. */
export function loader(): never {
  throw notFound();
}

export function Component() {
  return null;
}
