import type { ReactNode } from 'react';
import { Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { inputId } from '../editor-model';
import type { ErrorsByKey } from './editor-fields';

interface ItemListSectionProps<T extends { key: string }> {
  /** The list's path in the document (`scheme.calls`); item `i` is `<path>.<i>`. */
  path: string;
  headingId: string;
  texts: { heading: string; lead: string; add: string; remove: string; legend: (number: number, name: string) => string };
  items: T[];
  onChange: (next: T[]) => void;
  /** A new, empty item. */
  empty: () => T;
  /** The item's name, in its legend and after its remove button's label. */
  nameOf: (item: T) => string;
  errors: ErrorsByKey;
  /** The item's inputs; `base` is its path, `set` changes some of its fields. */
  children: (item: T, base: string, set: (patch: Partial<T>) => void) => ReactNode;
}

/**
 * A repeated group of the form (calls, sources): each item in its own fieldset with a remove button,
 * and an add button. A new item's first input (`<path>.<index>.id`) takes focus; after a removal
 * focus goes to the section's heading.
 */
export function ItemListSection<T extends { key: string }>({
  path,
  headingId,
  texts,
  items,
  onChange,
  empty,
  nameOf,
  errors,
  children,
}: ItemListSectionProps<T>) {
  const set = (index: number, patch: Partial<T>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  function add() {
    onChange([...items, empty()]);
    requestAnimationFrame(() => document.getElementById(inputId(`${path}.${items.length}.id`))?.focus());
  }

  function remove(index: number) {
    onChange(items.filter((_, i) => i !== index));
    requestAnimationFrame(() => document.getElementById(headingId)?.focus());
  }

  return (
    <section className="section editor-section" aria-labelledby={headingId} id={inputId(path)}>
      <Heading level={2} data-size="sm" id={headingId} tabIndex={-1}>
        {texts.heading}
      </Heading>
      <Paragraph>{texts.lead}</Paragraph>
      {errors.get(path) ? <Paragraph className="field-error">{errors.get(path)}</Paragraph> : null}
      {items.map((item, index) => {
        const name = nameOf(item);
        return (
          <Fieldset key={item.key} className="editor-item">
            <Fieldset.Legend>{texts.legend(index + 1, name)}</Fieldset.Legend>
            {children(item, `${path}.${index}`, (patch) => set(index, patch))}
            <div>
              <Button type="button" variant="tertiary" data-color="danger" data-size="sm" onClick={() => remove(index)}>
                {texts.remove}
                <span className="ds-sr-only"> ({name})</span>
              </Button>
            </div>
          </Fieldset>
        );
      })}
      <div>
        <Button type="button" variant="secondary" onClick={add}>
          {texts.add}
        </Button>
      </div>
    </section>
  );
}
