import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { en } from '@varde/contracts/i18n/en';
import { nb } from '@varde/contracts/i18n/nb';
import { createTranslate, I18nContext } from '../i18n/i18n';
import { withLabels } from './form-problems';
import { characterCount, nearLimit, TextareaInput } from './textarea-input';

function render(props: Partial<Parameters<typeof TextareaInput>[0]>) {
  return renderToStaticMarkup(
    <I18nContext value={{ lang: 'nb', messages: nb }}>
      <TextareaInput id="notes" label="Notater" {...props} />
    </I18nContext>,
  );
}

describe('a long text field’s counter', () => {
  it('shows the characters left from the first paint, tied to the field', () => {
    const html = render({ defaultValue: 'Ti tegn!!!', maxLength: 4000 });
    expect(html).toContain('<p id="notes-counter" class="field-counter">3990 tegn igjen</p>');
    expect(html).toMatch(/aria-describedby="notes-counter"/);
    expect(html).not.toContain('aria-invalid');
    // Not the HTML attribute: that would cut pasted text off without a word.
    expect(html).not.toMatch(/maxlength=/i);
  });

  it('says how much is too much and marks the field invalid', () => {
    const html = render({ value: 'x'.repeat(505), onChange: () => {}, maxLength: 500 });
    expect(html).toContain('5 tegn for mye');
    expect(html).toContain('field-counter--over');
    expect(html).toContain('aria-invalid="true"');
  });

  it('has a polite live region that starts empty, and none without a limit', () => {
    expect(render({ maxLength: 10 })).toMatch(/<span class="ds-sr-only" aria-live="polite"><\/span>/);
    const plain = render({});
    expect(plain).not.toContain('aria-live');
    expect(plain).not.toContain('field-counter');
  });

  it('counts characters as the server does, and speaks up only near the limit', () => {
    expect(characterCount('Æøå 👍🏽')).toBe(6);
    expect(nearLimit(500, 4000)).toBe(false);
    expect(nearLimit(400, 4000)).toBe(true);
    expect(nearLimit(20, 100)).toBe(true);
    expect(nearLimit(-3, 100)).toBe(true);
  });
});

describe('field errors in the form’s own words', () => {
  it('names the field by the label the form shows, keeping what it cannot reword', () => {
    const t = createTranslate(en);
    const fields = [
      { path: 'description', code: 'too_long', limit: 4000, message: 'Description can have at most 4000 characters.' },
      { path: 'themes', code: 'invalid_value', message: 'Themes has a value we do not recognise.' },
      { path: 'description', message: 'Checked in the browser.' },
    ];
    expect(withLabels(fields, { description: 'What does your municipality struggle with?' }, t).map((f) => f.message)).toEqual([
      '“What does your municipality struggle with?” can have at most 4000 characters.',
      'Themes has a value we do not recognise.',
      'Checked in the browser.',
    ]);
    expect(withLabels(fields, undefined, t)).toBe(fields);
  });
});
