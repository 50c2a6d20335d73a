import type { ReactNode } from 'react';
import { Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { inputId } from '../editor-model';
import { GroupError, type ErrorsByKey } from './editor-fields';

interface ItemListSectionProps<T extends { key: string }> {
  /** The list's path in the document (`scheme.calls`); item `i` is `<path>.<i>`. */
  path: string;
  /** 2: a section of the form (a landmark of its own); 3: a list inside a section or an item. */
  level?: 2 | 3;
  texts: { heading: string; lead: string; add: string; remove: string; legend: (number: number, name: string) => string };
  items: T[];
  onChange: (next: T[]) => void;
  /** A new, empty item. */
  empty: () => T;
  /** The item's name, in its legend and after its remove button's label. */
  nameOf: (item: T, index: number) => string;
  /** The key of a new item's first input, which takes focus (default `<path>.<index>.id`). */
  firstKey?: (base: string) => string;
  errors: ErrorsByKey;
  /** The item's inputs; `base` is its path, `set` changes some of its fields. */
  children: (item: T, base: string, set: (patch: Partial<T>) => void) => ReactNode;
}

/**
 * A repeated group of the form (calls, sources, rounds, conditions): each item in its own fieldset
 * with a remove button, and an add button. A new item's first input takes focus; after a removal
 * focus goes to the list's heading. The list and each item are targets of the error summary's links.
 */
export function ItemListSection<T extends { key: string }>({
  path,
  level = 2,
  texts,
  items,
  onChange,
  empty,
  nameOf,
  firstKey = (base) => `${base}.id`,
  errors,
  children,
}: ItemListSectionProps<T>) {
  const id = inputId(path);
  const headingId = `${id}-heading`;
  const set = (index: number, patch: Partial<T>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  function add() {
    onChange([...items, empty()]);
    requestAnimationFrame(() => document.getElementById(inputId(firstKey(`${path}.${items.length}`)))?.focus());
  }

  function remove(index: number) {
    onChange(items.filter((_, i) => i !== index));
    requestAnimationFrame(() => document.getElementById(headingId)?.focus());
  }

  const content = (
    <>
      <Heading level={level} data-size={level === 2 ? 'sm' : 'xs'} id={headingId} tabIndex={-1}>
        {texts.heading}
      </Heading>
      <Paragraph>{texts.lead}</Paragraph>
      <GroupError error={errors.get(path)} />
      {items.map((item, index) => {
        const name = nameOf(item, index);
        const base = `${path}.${index}`;
        return (
          <Fieldset key={item.key} className="editor-item" id={inputId(base)} tabIndex={-1}>
            <Fieldset.Legend>{texts.legend(index + 1, name)}</Fieldset.Legend>
            <GroupError error={errors.get(base)} />
            {children(item, base, (patch) => set(index, patch))}
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
    </>
  );

  return level === 2 ? (
    <section className="section editor-section" aria-labelledby={headingId} id={id} tabIndex={-1}>
      {content}
    </section>
  ) : (
    <div className="stack" id={id} tabIndex={-1}>
      {content}
    </div>
  );
}
