import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapStylesheet, municipalityLabels, municipalityShapes, renderLocatorMap, renderNorwayMap } from './map.service';

const referenceDir = new URL('../../../../../data/reference/', import.meta.url);
const municipalities = JSON.parse(readFileSync(new URL('municipalities.json', referenceDir), 'utf8')) as {
  code: string;
  nameLatest: string;
  centralityClass: number;
}[];
const neighbours = JSON.parse(readFileSync(new URL('neighbours.json', referenceDir), 'utf8')) as Record<string, { land: string[] }>;
const allCodes = municipalities.map((m) => m.code).sort();
const labels = municipalityLabels();

/** Every municipality `<path>`: its classes, code and path data. */
function municipalityPaths(svg: string): { classes: string[]; code: string; d: string }[] {
  return [...svg.matchAll(/<path class="([^"]*)" data-code="([^"]*)" d="([^"]*)"\/>/g)]
    .map(([, classes, code, d]) => ({ classes: classes!.split(' '), code: code!, d: d! }))
    .filter((p) => p.classes.includes('m'));
}

const codesWithClass = (svg: string, cls: string) =>
  municipalityPaths(svg)
    .filter((p) => p.classes.includes(cls))
    .map((p) => p.code)
    .sort();

/** Absolute start point of a path (first `M x y`). */
function startOf(d: string): [number, number] {
  const m = /^M(-?\d*\.?\d+)[ ,]?(-?\d*\.?\d+)/.exec(d);
  if (!m) throw new Error(`unexpected path data ${d.slice(0, 30)}`);
  return [Number(m[1]), Number(m[2])];
}

const pathData = /^(M-?[\d.]+[ -]?-?[\d.]+(l[-\d. ]+)?z)+$/;

describe('renderNorwayMap', () => {
  const svg = renderNorwayMap({ colourBy: 'centrality', labels });

  it('is a standalone SVG document with a viewBox, an accessible title and a style element', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="varde-map" viewBox="0 0 \d+ \d+"/);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('role="img" aria-labelledby="varde-map-title"');
    expect(svg).toContain('<title id="varde-map-title">');
    expect(svg).toContain(`<style>${mapStylesheet}</style>`);
  });

  it('draws each of the 357 municipalities exactly once', () => {
    const paths = municipalityPaths(svg);
    expect(paths).toHaveLength(357);
    expect(paths.map((p) => p.code).sort()).toEqual(allCodes);
    for (const p of paths) expect(p.d, p.code).toMatch(pathData);
  });

  it('colours every municipality by its centrality class', () => {
    const byCode = new Map(municipalityPaths(svg).map((p) => [p.code, p.classes]));
    for (const m of municipalities) {
      const classes = byCode.get(m.code)!;
      expect(
        classes.filter((c) => /^c\d$/.test(c)),
        m.code,
      ).toEqual([`c${m.centralityClass}`]);
    }
    expect(codesWithClass(svg, 'hl')).toEqual([]);
  });

  it('stays within the size budget', () => {
    expect(Buffer.byteLength(svg)).toBeLessThan(150_000);
    const linked = renderNorwayMap({ colourBy: 'centrality', links: true, labels });
    expect(Buffer.byteLength(linked)).toBeLessThan(150_000);
  });

  it('is north-up and not mirrored', () => {
    const start = new Map(municipalityPaths(svg).map((p) => [p.code, startOf(p.d)]));
    const [osloX, osloY] = start.get('0301')!;
    const [tromsoX, tromsoY] = start.get('5501')!;
    const [bergenX] = start.get('4601')!;
    const [kirkenesX, kirkenesY] = start.get('5605')!; // Sør-Varanger
    expect(tromsoY).toBeLessThan(osloY); // north is up
    expect(bergenX).toBeLessThan(osloX); // west is left
    expect(kirkenesX).toBeGreaterThan(tromsoX);
    expect(kirkenesY).toBeLessThan(osloY);
  });

  it('draws county borders on top, without pointer events', () => {
    const border = /<path class="border"[^>]*\/>/.exec(svg)?.[0];
    expect(border).toBeDefined();
    expect(border).toContain('pointer-events="none"');
    expect(svg.lastIndexOf('class="m')).toBeLessThan(svg.indexOf('class="border"'));
  });

  it('wraps municipalities in links with their names when asked', () => {
    const linked = renderNorwayMap({ links: true, labels: { ...labels, '0301': 'Oslo & <Oslove>' } });
    const links = [...linked.matchAll(/<a href="\/kommuner\/(\d{4})" tabindex="-1"><title>([^<]*)<\/title><path [^>]*data-code="(\d{4})"/g)];
    expect(links).toHaveLength(357);
    for (const [, href, , code] of links) expect(href).toBe(code);
    const titles = new Map(links.map(([, code, title]) => [code!, title!]));
    expect(titles.get('5033')).toBe('Tydal');
    expect(titles.get('0301')).toBe('Oslo &#38; &#60;Oslove&#62;');
    expect(linked).toContain('role="group"');
    // Without colourBy, no class colours.
    expect(municipalityPaths(linked).some((p) => p.classes.some((c) => /^c\d$/.test(c)))).toBe(false);
  });

  it('marks highlighted municipalities', () => {
    const highlighted = renderNorwayMap({ colourBy: 'centrality', highlight: ['5033', '0301'], labels });
    expect(codesWithClass(highlighted, 'hl')).toEqual(['0301', '5033']);
  });

  it('omits the style element for inline use', () => {
    const inline = renderNorwayMap({ colourBy: 'centrality', links: true, labels, inlineStyles: false });
    expect(inline).not.toContain('<style');
    expect(municipalityPaths(inline)).toHaveLength(357);
  });
});

describe('municipalityShapes', () => {
  it('returns the overview outlines with the same viewBox as the map', () => {
    const { viewBox, shapes } = municipalityShapes();
    expect(renderNorwayMap({ labels })).toContain(`viewBox="${viewBox}"`);
    expect(shapes.map((s) => s.code).sort()).toEqual(allCodes);
    for (const s of shapes) expect(s.d, s.code).toMatch(pathData);
  });
});

describe('renderLocatorMap', () => {
  it('shows Tydal highlighted in Trøndelag with its land neighbours marked', () => {
    const svg = renderLocatorMap('5033', labels)!;
    expect(svg).not.toBeNull();
    expect(svg).toMatch(/viewBox="0 0 300 300"/);
    expect(svg).toContain('role="img" aria-labelledby="varde-locator-5033-title"');
    expect(svg).toContain('<title id="varde-locator-5033-title">Tydal i Trøndelag - Trööndelage</title>');
    expect(codesWithClass(svg, 'hl')).toEqual(['5033']);
    expect(codesWithClass(svg, 'nb')).toEqual([...neighbours['5033']!.land].sort());
    // The rest of the county is drawn as well.
    const county = allCodes.filter((c) => c.startsWith('50') && c !== '5033' && !neighbours['5033']!.land.includes(c));
    expect(codesWithClass(svg, 'lk')).toEqual(county);
    expect(codesWithClass(svg, 'lo').every((c) => !c.startsWith('50'))).toBe(true);
    expect(Buffer.byteLength(svg)).toBeLessThan(60_000);
  });

  it('fits Oslo to itself and its neighbours', () => {
    const svg = renderLocatorMap('0301', labels)!;
    expect(codesWithClass(svg, 'hl')).toEqual(['0301']);
    expect(codesWithClass(svg, 'nb')).toEqual([...neighbours['0301']!.land].sort());
    expect(codesWithClass(svg, 'lk')).toEqual([]);
  });

  it('returns null for an unknown code', () => {
    expect(renderLocatorMap('9999', labels)).toBeNull();
    expect(renderLocatorMap('03', labels)).toBeNull();
    expect(renderLocatorMap('', labels)).toBeNull();
  });

  it('renders every municipality, marking tiny ones with a ring', () => {
    for (const code of allCodes) {
      const svg = renderLocatorMap(code, labels, { inlineStyles: false });
      expect(svg, code).not.toBeNull();
      expect(codesWithClass(svg!, 'hl'), code).toEqual([code]);
      expect(svg).not.toContain('<style');
    }
    expect(renderLocatorMap('1856', labels)).toContain('<circle class="marker"'); // Røst
    expect(renderLocatorMap('5033', labels)).not.toContain('<circle');
  });
});

describe('Content-Security-Policy', () => {
  it('never uses a style attribute', () => {
    const outputs = [
      renderNorwayMap({ labels }),
      renderNorwayMap({ colourBy: 'centrality', links: true, highlight: ['0301'], labels }),
      renderNorwayMap({ colourBy: 'centrality', links: true, labels, inlineStyles: false }),
      JSON.stringify(municipalityShapes()),
      ...allCodes.map((code) => renderLocatorMap(code, labels)!),
    ];
    for (const output of outputs) expect(output).not.toMatch(/\sstyle\s*=/);
  });
});
