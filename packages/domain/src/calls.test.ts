import { describe, expect, it } from 'vitest';
import type { Scheme, SchemeCall } from '@varde/contracts/schemes';
import { callStatus, callsWithForecast, deadlineInstant, osloDateTime } from './calls';
import { call, copyOf, klimasats, prosjektskjonn, scheme } from './test-fixtures/schemes';

const yearly = (calls: SchemeCall[], change: (s: Scheme) => void = () => {}) =>
  scheme('ordning', 'Ordning', (s) => {
    s.calls = calls;
    change(s);
  });
const forecastOf = (s: Scheme, now: Date) => callsWithForecast(s, now).find((c) => c.predicted);

describe('Oslo time', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(osloDateTime(2027, 2, 15, 23, 59)).toBe('2027-02-15T23:59:00+01:00');
    expect(osloDateTime(2027, 9, 16, 13, 0)).toBe('2027-09-16T13:00:00+02:00');
    // The hour skipped when summer time starts is taken as the hour after.
    expect(osloDateTime(2026, 3, 29, 2, 30)).toBe('2026-03-29T03:30:00+02:00');
  });

  it('puts a deadline with a time at that Oslo time, and one without at the end of the Oslo day', () => {
    expect(deadlineInstant({ date: '2027-01-15', time: '12:00', timeSourceId: 'main' }).toISOString()).toBe('2027-01-15T11:00:00.000Z');
    expect(deadlineInstant({ date: '2026-09-16', time: '13:00', timeSourceId: 'main' }).toISOString()).toBe('2026-09-16T11:00:00.000Z');
    expect(deadlineInstant({ date: '2027-02-15', time: null, timeSourceId: null }).toISOString()).toBe('2027-02-15T23:00:00.000Z');
    expect(deadlineInstant({ date: '2026-09-01', time: null, timeSourceId: null }).toISOString()).toBe('2026-09-01T22:00:00.000Z');
    // The day before summer time starts ends at midnight winter time; the last day of summer time at midnight winter time.
    expect(deadlineInstant({ date: '2026-03-28', time: null, timeSourceId: null }).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(deadlineInstant({ date: '2026-10-24', time: null, timeSourceId: null }).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(deadlineInstant({ date: '2026-12-31', time: null, timeSourceId: null }).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });
});

describe('callStatus', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  it('is closed after the deadline, open before it, and forecast before opening', () => {
    expect(callStatus(call('a', '2026-09-16 13:00'), now)).toBe('closed');
    expect(callStatus(call('b', '2027-02-15'), now)).toBe('open');
    expect(callStatus(call('c', '2027-02-15', { opensOn: '2027-01-01' }), now)).toBe('forecast');
  });

  it('keeps a call without a stated time open through the end of that Oslo day', () => {
    const dateOnly = call('d', '2026-11-28');
    expect(callStatus(dateOnly, new Date('2026-11-28T22:59:00Z'))).toBe('open');
    expect(callStatus(dateOnly, new Date('2026-11-28T23:00:00Z'))).toBe('closed');
    const timed = call('t', '2026-11-28 12:00');
    expect(callStatus(timed, new Date('2026-11-28T10:59:00Z'))).toBe('open');
    expect(callStatus(timed, new Date('2026-11-28T11:00:00Z'))).toBe('closed');
  });

  it('opens a call on its opening day, and never closes one without a published deadline', () => {
    expect(callStatus(call('o', '2027-02-15', { opensOn: '2026-11-28' }), now)).toBe('open');
    expect(callStatus(call('n', null), now)).toBe('open');
    expect(callStatus(call('n', null, { opensOn: '2027-01-01' }), now)).toBe('forecast');
  });
});

describe('callsWithForecast', () => {
  const now = new Date('2026-11-28T12:00:00Z');

  it('predicts a yearly scheme’s next call on the newest date, with its basis, newest calls after the forecast', () => {
    const views = callsWithForecast(yearly([call('ipo-2024', '2024-09-18'), call('ipo-2025', '2025-09-17'), call('ipo-2026', '2026-09-16')]), now);
    expect(views[0]).toMatchObject({
      id: 'ipo-forecast-2027',
      status: 'forecast',
      predicted: true,
      deadline: { date: '2027-09-16', time: null, timeSourceId: null },
      opensOn: null,
      budgetNok: null,
      roundId: null,
      region: null,
      forecast: { callIds: ['ipo-2026', 'ipo-2025', 'ipo-2024'], ownerMoved: false, certainty: 'high', old: false },
    });
    expect(views.slice(1).map((c) => [c.id, c.status, c.predicted, c.forecast])).toEqual([
      ['ipo-2026', 'closed', false, null],
      ['ipo-2025', 'closed', false, null],
      ['ipo-2024', 'closed', false, null],
    ]);
  });

  it('rates the forecast by how many past calls fell on the same date (± 7 days)', () => {
    const certainty = (...deadlines: string[]) => forecastOf(yearly(deadlines.map((d, i) => call(`k-${i}`, d))), now)!.forecast;
    expect(certainty('2023-02-15', '2024-02-20', '2025-02-13')).toMatchObject({ certainty: 'high', ownerMoved: false });
    expect(certainty('2024-02-15', '2025-02-15')).toMatchObject({ certainty: 'medium', ownerMoved: false });
    expect(certainty('2025-02-15')).toMatchObject({ certainty: 'low', ownerMoved: false, callIds: ['k-0'] });
    // The owner moved the date (15 February to 1 March): low, whatever came before.
    expect(certainty('2022-02-15', '2023-02-15', '2024-02-15', '2025-03-01')).toMatchObject({ certainty: 'low', ownerMoved: true });
    expect(certainty('2023-03-01', '2024-02-15', '2025-03-01')).toMatchObject({ certainty: 'low', ownerMoved: true });
    // Three on the new date outweigh an older one on another date: only the newest three are the basis.
    expect(certainty('2021-09-01', '2023-02-15', '2024-02-15', '2025-02-15')).toMatchObject({ certainty: 'high', ownerMoved: false });
    // Around the new year: 30 December and 3 January are the same date of the year.
    expect(certainty('2023-12-30', '2025-01-03')).toMatchObject({ certainty: 'medium', ownerMoved: false });
  });

  it('marks a forecast old when its newest basis is more than two years back', () => {
    expect(forecastOf(yearly([call('a', '2024-11-29')]), now)!.forecast!.old).toBe(false);
    expect(forecastOf(yearly([call('a', '2024-11-27')]), now)!.forecast!.old).toBe(true);
    expect(forecastOf(yearly([call('a', '2020-02-15'), call('b', '2021-02-15'), call('c', '2022-02-15')]), now)!.forecast).toMatchObject({
      certainty: 'high',
      old: true,
    });
  });

  it('keeps the time only when the basis deadline’s time has a source', () => {
    expect(forecastOf(yearly([call('a', '2026-09-16 13:00')]), now)!.deadline).toEqual({ date: '2027-09-16', time: '13:00', timeSourceId: 'main' });
    expect(forecastOf(yearly([call('a', '2026-09-16')]), now)!.deadline).toEqual({ date: '2027-09-16', time: null, timeSourceId: null });
  });

  it('predicts this year when the date is still ahead, and takes 28 February for 29 February', () => {
    expect(forecastOf(yearly([call('k-2023', '2023-03-01')]), new Date('2026-01-10T00:00:00Z'))!.deadline!.date).toBe('2026-03-01');
    // The forecast day has begun but not ended: still this year (open through the end of the day).
    expect(forecastOf(yearly([call('k-2023', '2023-03-01')]), new Date('2026-03-01T20:00:00Z'))!.deadline!.date).toBe('2026-03-01');
    expect(forecastOf(yearly([call('k-2023', '2023-03-01')]), new Date('2026-03-01T23:30:00Z'))!.deadline!.date).toBe('2027-03-01');
    expect(forecastOf(yearly([call('l-2024', '2024-02-29')]), now)!.deadline!.date).toBe('2027-02-28');
  });

  it('does not predict when a call is open or announced, for other cadences, or for paused and ended schemes', () => {
    expect(callsWithForecast(yearly([call('old', '2025-02-15'), call('open', '2027-02-15')]), now).some((c) => c.predicted)).toBe(false);
    expect(callsWithForecast(yearly([call('old', '2025-02-15'), call('undated', null)]), now).some((c) => c.predicted)).toBe(false);
    const closed = [call('old', '2025-02-15')];
    expect(
      callsWithForecast(
        yearly(closed, (s) => (s.cadence.kind = 'irregular')),
        now,
      ).some((c) => c.predicted),
    ).toBe(false);
    const paused = yearly(closed, (s) => (s.lifecycle = { status: 'paused', endedOn: null, successorId: null, sourceIds: ['main'] }));
    expect(callsWithForecast(paused, now).some((c) => c.predicted)).toBe(false);
    expect(callsWithForecast(yearly([]), now)).toEqual([]);
  });

  it('predicts one call per round, named by its region, and none for a round with a current call', () => {
    const views = callsWithForecast(prosjektskjonn, now);
    const forecasts = views.filter((c) => c.predicted);
    expect(forecasts.map((c) => [c.id, c.roundId, c.region?.nb, c.deadline!.date, c.forecast!.certainty])).toEqual([
      ['innlandet-forecast-2027', 'innlandet', 'Innlandet', '2027-01-13', 'low'],
      ['oslo-og-viken-forecast-2027', 'oslo-og-viken', 'Oslo og Viken', '2027-03-31', 'low'],
      ['trondelag-forecast-2027', 'trondelag', 'Trøndelag', '2027-09-01', 'medium'],
      ['vestland-forecast-2027', 'vestland', 'Vestland', '2027-11-01', 'low'],
    ]);
    expect(views.filter((c) => !c.predicted).every((c) => c.region?.nb && c.region.nb === prosjektskjonn.rounds.find((r) => r.id === c.roundId)!.name.nb)).toBe(
      true,
    );

    const withOpenVestland = copyOf(prosjektskjonn);
    withOpenVestland.calls.push(call('vestland-2027', '2027-01-10', { roundId: 'vestland' }));
    expect(
      callsWithForecast(withOpenVestland, now)
        .filter((c) => c.predicted)
        .map((c) => c.roundId),
    ).toEqual(['innlandet', 'oslo-og-viken', 'trondelag']);
  });

  it('gives a forecast and the real call that replaces it the same uid', () => {
    const forecast = forecastOf(klimasats, now)!;
    expect(forecast).toMatchObject({ id: 'hovedfrist-forecast-2027', deadline: { date: '2027-03-01' }, uid: 'klimasats-national-2027@varde' });
    expect(forecast.forecast).toEqual({ callIds: ['hovedfrist-2023', 'hovedfrist-2022', 'hovedfrist-2021'], ownerMoved: true, certainty: 'low', old: true });

    const announced = copyOf(klimasats);
    announced.calls.push(call('hovedfrist-2027', '2027-02-15', { sourceIds: ['soknad'] }), call('ekstra-2027', '2027-09-15', { sourceIds: ['soknad'] }));
    const views = callsWithForecast(announced, now);
    expect(views.some((c) => c.predicted)).toBe(false);
    expect(views.map((c) => [c.id, c.uid])).toEqual([
      ['ekstra-2027', 'klimasats-ekstra-2027@varde'],
      ['hovedfrist-2027', 'klimasats-national-2027@varde'],
      ['hovedfrist-2023', 'klimasats-national-2023@varde'],
      ['hovedfrist-2022', 'klimasats-national-2022@varde'],
      ['hovedfrist-2021', 'klimasats-national-2021@varde'],
    ]);
    // Rounds have a uid per round and year.
    expect(callsWithForecast(prosjektskjonn, now).find((c) => c.id === 'trondelag-forecast-2027')!.uid).toBe('prosjektskjonn-trondelag-2027@varde');
    expect(callsWithForecast(prosjektskjonn, now).find((c) => c.id === 'trondelag-2021')!.uid).toBe('prosjektskjonn-trondelag-2021@varde');
  });

  it('lists a call without a deadline before the dated ones, with its own uid', () => {
    const views = callsWithForecast(yearly([call('a-2025', '2025-02-15'), call('undated', null)]), now);
    expect(views.map((c) => [c.id, c.status, c.uid])).toEqual([
      ['undated', 'open', 'ordning-undated@varde'],
      ['a-2025', 'closed', 'ordning-national-2025@varde'],
    ]);
  });
});
