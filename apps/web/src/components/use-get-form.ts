import { useEffect, useRef, type FormEvent } from 'react';
import { useNavigate, useNavigation } from 'react-router';
import { searchOf } from '../app/api-client';

/**
 * What a filter form's uncontrolled fields should show, by field name: a string for an input or a
 * select, a boolean for a single checkbox, a list for the checked boxes of a group.
 */
export type FieldValues = Record<string, string | boolean | readonly string[]>;

/** The filled-in fields of a form as a query string (`?a=1&b=2`, or '' for none); repeated names stay repeated. */
function formQuery(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') params.append(key, value.trim());
  }
  return searchOf(params);
}

function writeFields(form: HTMLFormElement, values: FieldValues) {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string') {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
    } else {
      for (const box of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
        box.checked = typeof value === 'boolean' ? value : value.includes(box.value);
      }
    }
  }
}

interface GetFormOptions {
  /**
   * The values the address asks for. The fields are uncontrolled (they must work before hydration);
   * when the address changes by other means (a link, "clear filters", the back button) these are
   * written into them without re-mounting the form, so keyboard focus stays where it was.
   */
  values?: FieldValues;
  /** The address to go to; by default `path` with the form's filled-in fields (`formQuery`). */
  href?: (form: HTMLFormElement) => string;
}

/**
 * A plain GET form to `path` (`<Form method="get" action={path}>`): without JavaScript the browser
 * submits it as is, so results are shareable links. With JavaScript the router navigates to the
 * address instead, empty fields left out and the scroll position kept. `busy` is true while that
 * page loads.
 */
export function useGetForm(path: string, { values, href }: GetFormOptions = {}) {
  const navigate = useNavigate();
  const navigation = useNavigation();
  const busy = navigation.state === 'loading' && navigation.location.pathname === path;
  const formRef = useRef<HTMLFormElement>(null);

  const valuesKey = values ? JSON.stringify(values) : null;
  useEffect(() => {
    if (valuesKey !== null && formRef.current) writeFields(formRef.current, JSON.parse(valuesKey) as FieldValues);
  }, [valuesKey]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    void navigate(href ? href(form) : `${path}${formQuery(form)}`, { preventScrollReset: true });
  };
  return { formRef, busy, onSubmit };
}
