import { describe, expect, it } from 'vitest';
import { finderHref, parseFinderQuery } from './api/list-schemes';
import { calendarHref, deadlinesHref, parseDeadlineQuery, webcalHref } from './api/list-deadlines';
import { monthWeeks, shiftMonth } from './components/deadline-calendar';
import { osloIsoDate } from '../../i18n/format-date';

describe('finder address', () => {
  it('reads every filter and drops what it does not know', () => {
    const query = parseFinderQuery(
      new URLSearchParams(
        'q=+helse+&municipality=5033&theme=health_care&theme=nope&theme=health_care&theme=digitalisation&role=partner&openNow=true&deadlineWithin=90&funding=guidance&collaboration=rewarded&owner=digdir&status=ended&page=2',
      ),
    );
    expect(query).toEqual({
      q: 'helse',
      municipality: '5033',
      theme: ['health_care', 'digitalisation'],
      role: 'partner',
      openNow: true,
      deadlineWithin: 90,
      funding: 'guidance',
      collaboration: 'rewarded',
      owner: 'digdir',
      status: 'ended',
      page: 2,
    });
    expect(parseFinderQuery(new URLSearchParams('municipality=none'))).toEqual({ municipality: 'none', page: 1 });
    expect(parseFinderQuery(new URLSearchParams('municipality=50&role=boss&openNow=1&deadlineWithin=0&funding=huge&status=gone&page=-1'))).toEqual({ page: 1 });
    // An owner is an id now: an old link with an owner's name is dropped rather than sent on.
    expect(parseFinderQuery(new URLSearchParams('owner=Norges+forskningsråd'))).toEqual({ page: 1 });
  });

  it('writes the same parameters back, themes repeated and page 1 left out', () => {
    const query = parseFinderQuery(new URLSearchParams('municipality=1151&theme=health_care&theme=housing&openNow=true&owner=forskningsradet&status=ended'));
    expect(finderHref(query)).toBe('/ordninger?municipality=1151&theme=health_care&theme=housing&openNow=true&owner=forskningsradet&status=ended');
    expect(finderHref(query, 3)).toBe('/ordninger?municipality=1151&theme=health_care&theme=housing&openNow=true&owner=forskningsradet&status=ended&page=3');
    expect(parseFinderQuery(new URL(`http://x${finderHref(query, 3)}`).searchParams)).toEqual({ ...query, page: 3 });
  });
});

describe('deadline page address', () => {
  it('defaults to a year with forecasts in a list, and leaves defaults out of links', () => {
    const query = parseDeadlineQuery(new URLSearchParams(''));
    expect(query).toEqual({ municipality: null, days: 365, includeForecasts: true, includeIneligible: false, view: 'list', month: null });
    expect(deadlinesHref(query)).toBe('/frister');
    const calendar = parseDeadlineQuery(new URLSearchParams('view=calendar&days=92&forecasts=hide&month=2027-01'));
    expect(deadlinesHref(calendar)).toBe('/frister?view=calendar&days=92&forecasts=hide&month=2027-01');
    expect(parseDeadlineQuery(new URLSearchParams('days=7&month=2027-13')).days).toBe(365);
  });

  it('keeps the municipality (or none) in its links and drops anything else', () => {
    const trana = parseDeadlineQuery(new URLSearchParams('municipality=1835&days=92'));
    expect(trana).toMatchObject({ municipality: '1835', days: 92 });
    expect(deadlinesHref({ ...trana, view: 'calendar', month: '2027-03' })).toBe('/frister?municipality=1835&view=calendar&days=92&month=2027-03');
    expect(parseDeadlineQuery(new URLSearchParams('municipality=none')).municipality).toBe('none');
    expect(deadlinesHref(parseDeadlineQuery(new URLSearchParams('municipality=none')))).toBe('/frister?municipality=none');
    for (const bad of ['183', '18355', 'alle', '']) expect(parseDeadlineQuery(new URLSearchParams({ municipality: bad })).municipality).toBeNull();
  });

  it('keeps "show all" in its links, and the calendar address follows the filter', () => {
    const all = parseDeadlineQuery(new URLSearchParams('municipality=1835&ineligible=show&forecasts=hide'));
    expect(all).toMatchObject({ municipality: '1835', includeIneligible: true, includeForecasts: false });
    expect(deadlinesHref(all)).toBe('/frister?municipality=1835&forecasts=hide&ineligible=show');
    const origin = 'https://varde.example.org';
    expect(calendarHref(origin, { ...all, lang: 'nb' })).toBe(
      `${origin}/api/calendar/schemes.ics?municipality=1835&includeForecasts=false&includeIneligible=true`,
    );
    expect(calendarHref(origin, { municipality: 'none', includeForecasts: true, includeIneligible: true, lang: 'en' })).toBe(
      `${origin}/api/calendar/schemes.ics?lang=en`,
    );
    expect(calendarHref(origin, { municipality: null, includeForecasts: true, includeIneligible: false, lang: 'nb' })).toBe(
      `${origin}/api/calendar/schemes.ics`,
    );
    expect(webcalHref(`${origin}/api/calendar/schemes.ics?municipality=1835`)).toBe('webcal://varde.example.org/api/calendar/schemes.ics?municipality=1835');
    expect(webcalHref('http://localhost:3000/api/calendar/schemes.ics')).toBe('webcal://localhost:3000/api/calendar/schemes.ics');
  });
});

describe('calendar', () => {
  it('lays a month out in weeks from Monday', () => {
    // February 2027 starts on a Monday and has 28 days: exactly four weeks.
    const february = monthWeeks('2027-02');
    expect(february).toHaveLength(4);
    expect(february[0]![0]).toBe('2027-02-01');
    // January 2027 starts on a Friday.
    const january = monthWeeks('2027-01');
    expect(january[0]).toEqual([null, null, null, null, '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(january.at(-1)).toEqual(['2027-01-25', '2027-01-26', '2027-01-27', '2027-01-28', '2027-01-29', '2027-01-30', '2027-01-31']);
  });

  it('moves between months across a new year', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
  });

  it('puts a deadline on its day in Norwegian time', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Oslo.
    expect(osloIsoDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(osloIsoDate('2027-06-30T22:30:00Z')).toBe('2027-07-01');
    expect(osloIsoDate('2027-01-15T23:59:00+01:00')).toBe('2027-01-15');
  });
});
