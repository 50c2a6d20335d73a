import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Designsystemet's colour roles (see the head of base.css): plain text is neutral. The unnamed
 * `--ds-color-text-*` tokens follow `data-color`, accent at the root, where `text-subtle` is the link
 * colour; `accent-text-subtle` is that colour by name. Secondary text in either looks clickable.
 */
const linkColoured = /var\(--ds-color-(?:text-(?:subtle|default)|accent-text-subtle)\)/;

const stylesheets = readdirSync(__dirname)
  .filter((name) => name.endsWith('.css'))
  .map((name) => ({ name, css: readFileSync(`${__dirname}/${name}`, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '') }));

describe('colour roles', () => {
  it('finds the stylesheets', () => {
    expect(stylesheets.map((s) => s.name)).toContain('base.css');
  });

  it('writes text in the neutral text colours, never in the colour links use', () => {
    const offending = stylesheets.flatMap(({ name, css }) =>
      css
        .split('\n')
        .map((line, i) => ({ line: line.trim(), at: `${name}:${i + 1}` }))
        .filter(({ line }) => linkColoured.test(line))
        .map(({ line, at }) => `${at} ${line}`),
    );
    expect(offending).toEqual([]);
  });

  it('sets the body text neutral, as Designsystemet’s own base does', () => {
    const base = stylesheets.find((s) => s.name === 'base.css')!.css;
    const body = /(?:^|\n)body \{([^}]*)\}/.exec(base)?.[1] ?? '';
    expect(body).toContain('color: var(--ds-color-neutral-text-default)');
  });
});
