import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Eligibility } from '@varde/contracts/finder-api';
import type { Language, Messages } from '@varde/contracts';
import { nb } from '@varde/contracts/i18n/nb';
import { nn } from '@varde/contracts/i18n/nn';
import { I18nContext } from '../../../i18n/i18n';
import { CallStatusText, DeadlineText } from './call-deadline';
import { VerdictBadge, VerdictWithChecklist } from './verdict';

const catalogues: Partial<Record<Language, Messages>> = { nb, nn };

function render(node: ReactNode, lang: Language = 'nb') {
  return renderToStaticMarkup(<I18nContext value={{ lang, messages: catalogues[lang]! }}>{node}</I18nContext>);
}

/** The text a reader (or a screen reader) gets: tags out, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const eligibility = (overrides: Partial<Eligibility> = {}): Eligibility => ({
  verdict: 'eligible_with_conditions',
  role: 'lead',
  checklist: [
    {
      conditionId: 'register:county',
      kind: 'register',
      state: 'met',
      label: 'Gjelder Nordland, og kommunen ligger i Nordland',
      confirmation: null,
      membership: null,
    },
    { conditionId: 'partner:rd_organisation', kind: 'partner', state: 'to_check', label: 'Partner med i søknaden: FoU', confirmation: null, membership: null },
    { conditionId: 'register:centrality', kind: 'register', state: 'blocker', label: 'Bare sentralitetsklasse 5 og 6', confirmation: null, membership: null },
  ],
  checkYourself: [],
  reasons: [{ code: 'needs_partner_type', kind: 'condition', message: 'Krever partner: FoU.' }],
  roundId: null,
  ...overrides,
});

describe('verdict and checklist', () => {
  it('lists each line with its state in words, the icon hidden from screen readers', () => {
    const html = render(<VerdictWithChecklist eligibility={eligibility()} />);
    const items = [...html.matchAll(/<li class="check check--(\w+)" data-condition="([^"]+)">(.*?)<\/li>/g)];
    expect(items.map((m) => [m[1], m[2]])).toEqual([
      ['met', 'register:county'],
      ['to_check', 'partner:rd_organisation'],
      ['blocker', 'register:centrality'],
    ]);
    for (const [, , , inner] of items) expect(inner).toMatch(/^<svg class="icon check__icon"[^>]*aria-hidden="true"/);
    // "Oppfylt" for screen readers only; "Må sjekkes" and "Stopper" are shown.
    expect(items[0]![3]).toContain(`<span class="ds-sr-only">${nb['checklist.state.met']}:</span>`);
    expect(items[1]![3]).toContain(`<span class="check__state">${nb['checklist.state.to_check']}:</span>`);
    expect(items[2]![3]).toContain(`<span class="check__state">${nb['checklist.state.blocker']}:</span>`);
    expect(html).toContain(`aria-label="${nb['checklist.label'].replace('{verdict}', nb['verdict.eligible_with_conditions'])}"`);
    expect(textOf(html)).toContain('Krever partner: FoU.');
  });

  it('says "Kan være partner" for a partner-only verdict, never "Kan søke"', () => {
    const html = render(
      <VerdictWithChecklist
        eligibility={eligibility({
          verdict: 'eligible',
          role: 'partner',
          checklist: [],
          reasons: [{ code: 'can_be_partner', kind: 'info', message: 'Kommunen kan være partner.' }],
        })}
      />,
    );
    expect(textOf(html)).toContain(nb['verdict.partner.eligible']);
    expect(textOf(html)).not.toContain(nb['verdict.eligible']);
    // The key reason only restates the badge: not repeated beside it.
    expect(textOf(html)).not.toContain('Kommunen kan være partner.');
    expect(textOf(render(<VerdictBadge verdict="not_eligible" eligibilityRole="partner" />, 'nn'))).toBe(nn['verdict.partner.not_eligible']);
  });
});

describe('deadlines and forecasts', () => {
  it('writes a deadline as its source states it: a time only when stated, never a made-up one', () => {
    const withoutTime = render(<DeadlineText deadline={{ date: '2027-02-15', time: null, timeSourceId: null }} />);
    expect(withoutTime).toContain('<time dateTime="2027-02-15">15. februar 2027</time>');
    expect(textOf(withoutTime)).toBe(`15. februar 2027, ${nb['deadline.timeNotStated']}`);
    const withTime = render(<DeadlineText deadline={{ date: '2027-02-15', time: '13:00', timeSourceId: 'kilde' }} />, 'nn');
    expect(withTime).toContain('<time dateTime="2027-02-15T13:00">15. februar 2027 kl. 13:00</time>');
    expect(textOf(render(<DeadlineText deadline={null} />))).toBe(nb['deadline.none']);
    expect(textOf(render(<DeadlineText deadline={{ date: '2027-02-15', time: null, timeSourceId: null }} />, 'nn'))).toContain(nn['deadline.timeNotStated']);
  });

  it('marks a forecast with its certainty, and "old" when its basis is over two years old', () => {
    const html = render(
      <CallStatusText call={{ status: 'forecast', predicted: true, forecast: { callIds: ['a'], ownerMoved: true, certainty: 'low', old: true } }} short />,
    );
    expect(textOf(html)).toBe(`${nb['finder.forecastShort']}${nb['forecast.certainty.low']}, ${nb['forecast.old']}`);
    expect(html).toContain('forecast__certainty--low');
    expect(textOf(render(<CallStatusText call={{ status: 'open', predicted: false, forecast: null }} />))).toBe(nb['callStatus.open']);
  });
});
