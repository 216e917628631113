// Dates in traces are formatted by integer arithmetic; they must be exactly what Date#toISOString gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, monthsAsDays, toIsoDate } from '../../machines/dates';

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
