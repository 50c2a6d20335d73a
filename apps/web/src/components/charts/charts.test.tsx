import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Language, Messages } from '@varde/contracts';
import { en } from '@varde/contracts/i18n/en';
import { nb } from '@varde/contracts/i18n/nb';
import { I18nContext } from '../../i18n/i18n';
import { BarChart } from './bar-chart';
import { Histogram } from './histogram';
import { RegionMap } from './region-map';
import { countThresholds, percentScale, shorten, thresholdClasses, yearScale } from './scales';
import { Timeline } from './timeline';

const catalogues: Partial<Record<Language, Messages>> = { nb, en };

function render(node: ReactNode, lang: Language = 'nb') {
  return renderToStaticMarkup(
    <MemoryRouter>
      <I18nContext value={{ lang, messages: catalogues[lang]! }}>{node}</I18nContext>
    </MemoryRouter>,
  );
}

const marks = (html: string) => [...html.matchAll(/<(g|a) [^>]*class="chart-mark[^"]*"[^>]*>/g)].map((m) => m[0]);

describe('scales', () => {
  it('rounds the top of a value scale up to a nice number, or keeps a fixed one', () => {
    expect(percentScale([3, 17, 9]).domain()).toEqual([0, 20]);
    expect(percentScale([0.2, 0.4], 1).domain()).toEqual([0, 1]);
    expect(percentScale([]).domain()).toEqual([0, 1]);
  });

  it('spans whole years in UTC, so 1 January is at the same place everywhere', () => {
    const { scale, years } = yearScale(['2023-03-01', '2025-11-30']);
    expect(years).toEqual([2023, 2024, 2025, 2026]);
    expect(scale(new Date('2023-01-01T00:00:00Z'))).toBe(0);
    expect(scale(new Date('2026-01-01T00:00:00Z'))).toBe(100);
  });

  it('puts a value equal to a threshold in the class above (half-open classes)', () => {
    const { classOf, ranges } = thresholdClasses([1, 3, 5]);
    expect([0, 1, 2, 3, 4, 5, 9].map(classOf)).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect(ranges).toEqual([
      { cls: 0, from: null, to: 1 },
      { cls: 1, from: 1, to: 3 },
      { cls: 2, from: 3, to: 5 },
      { cls: 3, from: 5, to: null },
    ]);
  });

  it('keeps 0 a class of its own for counts', () => {
    expect(countThresholds([0, 0, 1])).toEqual([1]);
    expect(countThresholds([0, 2, 4, 7, 12])[0]).toBe(1);
    expect(countThresholds([0, 2, 4, 7, 12]).length).toBeLessThanOrEqual(4);
  });

  it('shortens long labels with an ellipsis', () => {
    expect(shorten('Kort', 10)).toBe('Kort');
    expect(shorten('Tilskudd til klimatilpasning', 10)).toBe('Tilskudd…');
  });
});

describe('bar chart', () => {
  const data = [
    { key: 'a', label: 'Distriktskommuner', value: 12, valueText: '12 av 50 (24 %)' },
    { key: 'b', label: 'Sentrale kommuner', value: 30, valueText: '30 av 40 (75 %)', href: '/kartlegging?class=1' },
  ];

  it('makes every bar a focusable mark named with its label and value, a link when it has an address', () => {
    const html = render(<BarChart data={data} caption="Deltakelse" />);
    const found = marks(html);
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('tabindex="0"');
    expect(found[0]).toContain('role="img"');
    expect(found[0]).toContain('aria-label="Distriktskommuner: 12 av 50 (24 %)"');
    expect(found[1]).toBe('<a href="/kartlegging?class=1" class="chart-mark" aria-label="Sentrale kommuner: 30 av 40 (75 %)">');
    // Widths are percentages of the chart (30 tops a 0–30 scale); a long bar carries its value inside its end.
    expect(html).toContain('<rect class="chart-mark__bar" x="0" y="21" width="40%" height="16" rx="2"></rect><text x="40%" dx="6"');
    expect(html).toContain('<text x="100%" dx="-6" y="77" text-anchor="end" class="chart__value chart__value--inside">30 av 40 (75 %)</text>');
    expect(html).toContain('<figcaption class="chart__caption">Deltakelse</figcaption>');
  });

  it('writes the axis numbers in the page language', () => {
    const big = [{ key: 'a', label: 'A', value: 12_000, valueText: '12 000' }];
    expect(render(<BarChart data={big} caption="x" />, 'nb')).toContain('>12\u00a0000</text>');
    expect(render(<BarChart data={big} caption="x" />, 'en')).toContain('>12,000</text>');
  });

  it('offers the numbers as a table when given one', () => {
    const html = render(<BarChart data={data} caption="x" table={<table />} />);
    expect(html).toContain(nb['chart.showTable']);
  });
});

describe('histogram', () => {
  it('draws one focusable column per bin, named with its description', () => {
    const bins = [0, 1, 2].map((n) => ({
      key: String(n),
      label: String(n),
      value: [100, 40, 7][n]!,
      description: `${n} ordninger: ${[100, 40, 7][n]} kommuner`,
    }));
    const html = render(<Histogram bins={bins} caption="Fordeling" axisLabel="Antall ordninger" />);
    expect(marks(html).map((m) => /aria-label="([^"]+)"/.exec(m)![1])).toEqual([
      '0 ordninger: 100 kommuner',
      '1 ordninger: 40 kommuner',
      '2 ordninger: 7 kommuner',
    ]);
  });
});

describe('timeline', () => {
  const items = [
    {
      key: '1',
      label: 'Utlysning 2024',
      start: '2024-01-15',
      end: '2024-03-01',
      state: 'past' as const,
      description: 'Utlysning 2024: stengt',
      valueText: '5 mill. kr',
    },
    { key: '2', label: 'Utlysning 2026', start: null, end: '2026-03-01', state: 'predicted' as const, description: 'Utlysning 2026: forventet' },
    { key: '3', label: 'Uten datoer', start: null, end: null, state: 'upcoming' as const, description: 'Uten datoer' },
  ];

  it('draws dated items (a bar for a span, a dot for one day), a line at today, and the same markup every time', () => {
    const html = render(<Timeline items={items} today="2025-06-01" caption="Utlysninger" />);
    expect(marks(html)).toHaveLength(2);
    expect(html).toContain('class="chart-mark is-past"');
    expect(html).toContain('class="chart-mark is-predicted"');
    expect(html).toMatch(/<circle class="chart-mark__bar" cx="[\d.]+%"/);
    expect(html).toContain(`>${nb['chart.today']}</text>`);
    // Years 2024–2026 on the axis; 2027 closes it without a label.
    expect([...html.matchAll(/class="chart__tick">(\d{4})</g)].map((m) => m[1])).toEqual(['2024', '2025', '2026']);
    expect(render(<Timeline items={items} today="2025-06-01" caption="Utlysninger" />)).toBe(html);
  });

  it('draws nothing when no item has a date', () => {
    expect(render(<Timeline items={[items[2]!]} today="2025-06-01" caption="x" />)).toBe('');
  });
});

describe('region map', () => {
  const shapes = {
    viewBox: '0 0 600 750',
    shapes: [
      { code: '0301', d: 'M0 0h10v10h-10z' },
      { code: '1804', d: 'M20 20h10v10h-10z' },
    ],
    counties: [{ code: '03', viewBox: '0 0 12 12' }],
  };

  it('links and names the regions in the selection, draws the rest as context, and zooms to a county', () => {
    const html = render(
      <RegionMap
        shapes={shapes}
        regions={[{ code: '0301', cls: 'seq-3', label: 'Oslo: 4 ordninger', href: '/kommuner/0301' }]}
        county="03"
        caption="Kart"
        legend={[{ cls: 'seq-3', label: '3–4' }]}
        legendTitle="Ordninger"
      />,
    );
    expect(html).toContain('viewBox="0 0 12 12"');
    expect(html).toContain(
      '<a href="/kommuner/0301" data-code="0301" aria-label="Oslo: 4 ordninger" class="region-map__region"><title>Oslo: 4 ordninger</title>',
    );
    expect(html).toMatch(/<g class="region-map__context" aria-hidden="true"><path d="M20 20h10v10h-10z"/);
    expect(html).toContain(nb['chart.skipMap']);
    expect(html).toContain('<span class="swatch seq-3" aria-hidden="true"></span>3–4');
  });
});
