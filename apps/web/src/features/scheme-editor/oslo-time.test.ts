import { describe, expect, it } from 'vitest';
import { fromIso, toOsloIso } from './oslo-time';

describe('Oslo wall-clock time', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(toOsloIso('2027-02-15', '13:00')).toBe('2027-02-15T13:00:00+01:00');
    expect(toOsloIso('2026-09-01', '23:59')).toBe('2026-09-01T23:59:00+02:00');
  });

  it('switches on the last Sundays of March and October', () => {
    expect(toOsloIso('2026-03-29', '01:59')).toBe('2026-03-29T01:59:00+01:00');
    expect(toOsloIso('2026-03-29', '03:00')).toBe('2026-03-29T03:00:00+02:00');
    expect(toOsloIso('2026-10-25', '01:59')).toBe('2026-10-25T01:59:00+02:00');
    expect(toOsloIso('2026-10-25', '03:00')).toBe('2026-10-25T03:00:00+01:00');
  });

  it('refuses the hour skipped in spring, impossible dates and malformed input', () => {
    expect(toOsloIso('2026-03-29', '02:30')).toBeNull();
    expect(toOsloIso('2026-02-30', '12:00')).toBeNull();
    expect(toOsloIso('2026-02-10', '24:00')).toBeNull();
    expect(toOsloIso('15.02.2027', '13:00')).toBeNull();
  });

  it('reads an instant back as Oslo date and time, whatever offset it was written with', () => {
    expect(fromIso('2027-02-15T12:00:00Z')).toEqual({ date: '2027-02-15', time: '13:00' });
    expect(fromIso('2026-09-01T23:59:00+02:00')).toEqual({ date: '2026-09-01', time: '23:59' });
    expect(fromIso(null)).toEqual({ date: '', time: '' });
  });

  it('round-trips every deadline written by the editor', () => {
    for (const [date, time] of [
      ['2026-01-01', '00:00'],
      ['2026-06-30', '12:00'],
      ['2026-12-31', '23:59'],
    ] as const) {
      expect(fromIso(toOsloIso(date, time))).toEqual({ date, time });
    }
  });
});
