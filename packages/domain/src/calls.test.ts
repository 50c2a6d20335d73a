import { describe, expect, it } from 'vitest';
import type { SchemeCall } from '@varde/contracts/schemes';
import { callStatus, callsWithForecast, osloDateTime } from './calls';

const call = (id: string, deadline: string, opensAt: string | null = null, counties: string[] | null = null): SchemeCall => ({
  id,
  title: { nb: id, nn: id, en: id },
  opensAt,
  deadline,
  budgetNok: null,
  counties,
  sourceIds: ['s'],
});

describe('osloDateTime', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(osloDateTime(2027, 2, 15, 23, 59)).toBe('2027-02-15T23:59:00+01:00');
    expect(osloDateTime(2027, 9, 16, 13, 0)).toBe('2027-09-16T13:00:00+02:00');
  });
});

describe('callStatus', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  it('is closed after the deadline, open before it, and forecast before opening', () => {
    expect(callStatus(call('a', '2026-09-16T13:00:00+02:00'), now)).toBe('closed');
    expect(callStatus(call('b', '2027-02-15T23:59:00+01:00'), now)).toBe('open');
    expect(callStatus(call('c', '2027-02-15T23:59:00+01:00', '2027-01-01T00:00:00+01:00'), now)).toBe('forecast');
  });
});

describe('callsWithForecast', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  it('predicts a yearly scheme’s next call on the same day and time, marked as predicted', () => {
    const views = callsWithForecast([call('ipo-2020', '2020-09-16T13:00:00+02:00'), call('ipo-2022', '2022-09-21T13:00:00+02:00')], 'yearly', now);
    expect(views[0]).toMatchObject({ id: 'ipo-forecast-2027', status: 'forecast', predicted: true, deadline: '2027-09-21T13:00:00+02:00', budgetNok: null });
    expect(views.slice(1).map((c) => [c.id, c.status])).toEqual([
      ['ipo-2022', 'closed'],
      ['ipo-2020', 'closed'],
    ]);
  });

  it('predicts this year when the date is still ahead, and keeps a winter time in winter', () => {
    const views = callsWithForecast([call('k-2023', '2023-03-01T23:59:00+01:00')], 'yearly', new Date('2026-01-10T00:00:00Z'));
    expect(views[0]!.deadline).toBe('2026-03-01T23:59:00+01:00');
  });

  it('does not predict when a call is open or announced, or when the scheme is not yearly', () => {
    expect(callsWithForecast([call('open', '2027-02-15T23:59:00+01:00')], 'yearly', now).some((c) => c.predicted)).toBe(false);
    expect(callsWithForecast([call('old', '2020-02-15T23:59:00+01:00')], 'irregular', now).some((c) => c.predicted)).toBe(false);
    expect(callsWithForecast([], 'yearly', now)).toEqual([]);
  });

  it('bases the forecast on national calls rather than one county’s round', () => {
    const views = callsWithForecast([call('n-2021', '2021-01-20T23:59:00+01:00'), call('c-2022', '2022-11-01T23:59:00+01:00', null, ['46'])], 'yearly', now);
    expect(views[0]!.deadline).toBe('2027-01-20T23:59:00+01:00');
  });

  it('predicts one call per county group when a scheme is run county by county', () => {
    const views = callsWithForecast(
      [call('trondelag-2021', '2020-09-01T23:59:00+02:00', null, ['50']), call('vestland-2022', '2021-11-01T23:59:00+01:00', null, ['46'])],
      'yearly',
      now,
    );
    const forecasts = views.filter((c) => c.predicted);
    expect(forecasts.map((c) => [c.id, c.counties, c.deadline])).toEqual([
      ['trondelag-forecast-2027', ['50'], '2027-09-01T23:59:00+02:00'],
      ['vestland-forecast-2027', ['46'], '2027-11-01T23:59:00+01:00'],
    ]);
  });
});
