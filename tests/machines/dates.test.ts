// Dates in traces are formatted by integer arithmetic; they must be exactly what Date#toISOString gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, monthsAsDays, parseIsoDate, toIsoDate } from '../../machines/dates';

describe('toIsoDate', () => {
  it('formats any instant from year 1000 to 9999 as Date#toISOString does', () => {
    const min = Date.UTC(1000, 0, 1);
    const max = Date.UTC(9999, 11, 31, 23, 59, 59);
    fc.assert(
      fc.property(fc.integer({ min, max }), (ms) => {
        expect(toIsoDate(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
      }),
      { numRuns: 20_000 },
    );
  });
  it('formats leap days and century years', () => {
    for (const iso of ['2000-02-29', '1900-03-01', '2024-02-29', '2100-02-28', '1999-12-31']) {
      expect(toIsoDate(Date.parse(`${iso}T12:00:00Z`))).toBe(iso);
    }
  });
});

describe('parseIsoDate', () => {
  // Read digit by digit for speed: every date must still give what Date.UTC gives, invalid ones included.
  const byDate = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  it('reads every calendar date of years 1000–9999 as Date.UTC does', () => {
    const min = Date.UTC(1000, 0, 1);
    const max = Date.UTC(9999, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min, max }), (ms) => {
        const iso = new Date(ms).toISOString().slice(0, 10);
        expect(parseIsoDate(iso)).toBe(byDate(iso));
      }),
      { numRuns: 20_000 },
    );
  });
  it('gives what Date.UTC gives for dates that do not exist or are not written as ISO', () => {
    for (const iso of ['2018-02-29', '2018-02-30', '2018-13-01', '2018-00-10', '2018-01-00', '1900-02-29', '0999-12-31', '0050-01-01', '2018-1-01', '2018x01x01', '2018-01-01T10:00', 'abcd', '']) {
      expect(Object.is(parseIsoDate(iso), byDate(iso)), iso).toBe(true);
    }
  });
});

describe('monthsAsDays', () => {
  // Document validity in calendar months from any day of a run: the days from that date to the same day months
  // later (the month's last day when it has none), as addMonths counts them.
  it('counts the days to the same calendar day months later, from any day of a run', () => {
    const detection = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 11, 31) }).map((ms) => toIsoDate(ms));
    fc.assert(
      fc.property(detection, fc.integer({ min: 0, max: 7_300 }), fc.integer({ min: 0, max: 120 }), (start, day, months) => {
        const from = addDays(start, day);
        expect(monthsAsDays(start, day, months)).toBe(daysBetween(from, addMonths(from, months)));
      }),
      { numRuns: 20_000 },
    );
  });
  it('ends a document on the last day of a shorter month', () => {
    expect(monthsAsDays('2019-01-31', 0, 1)).toBe(28);
    expect(monthsAsDays('2020-01-31', 0, 1)).toBe(29);
    expect(monthsAsDays('2019-08-31', 0, 6)).toBe(182);
    expect(monthsAsDays('2018-01-01', 59, 3)).toBe(92); // from 1 March to 1 June
  });
});
