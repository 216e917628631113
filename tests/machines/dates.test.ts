// Dates in traces are formatted by integer arithmetic; they must be exactly what Date#toISOString gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../machines/dates';

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
