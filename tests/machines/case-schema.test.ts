// The case file has one schema, and every edge reads it the same way: the CLI's parser and the UI's.
import { describe, it, expect } from 'vitest';
import { parseCaseFile, parseCaseText } from '../../machines/case/validate';
import { decodeText, MAX_ISSUES_LISTED } from '../../machines/case/issues';
import { parseCase, parseCaseJson } from '../../src/view-model/engine';
import { SCENARIOS } from '../../src/scenarios';
import { setCaseField } from '../../machines/case/casePath';
import { DEFAULT_HORIZON_DAYS } from '../../machines/case/defaults';

const good = () => structuredClone(SCENARIOS[0].case) as Record<string, unknown>;
const issuesOf = (json: unknown) => {
  const r = parseCaseFile(json);
  return r.ok ? [] : r.issues;
};
const pathMessages = (json: unknown) => issuesOf(json).map((i) => `${i.path}: ${i.message}`);

describe('a wrong type at any depth names its field and throws nothing', () => {
  const withAge = (assessment: unknown) => ({ ...good(), age: { doubted: true, assessment } });
  it.each([
    [withAge(5), 'age.assessment: expected an object'],
    [withAge({ exams: 'x' }), 'age.assessment.exams: expected a list of examinations'],
    [withAge({ exams: [null] }), 'age.assessment.exams[0]: expected an object'],
    [withAge({ exams: [{ exam: 'dental', low: '14', high: 16 }] }), 'age.assessment.exams[0].low: expected a number'],
    [{ ...good(), person: 7 }, 'person: expected an object'],
    [{ ...good(), tiesCut: 'yes' }, 'tiesCut: expected true, false or { contactResumedDay }'],
  ])('%j', (json, expected) => {
    for (const parse of [parseCaseFile, parseCase]) {
      const r = parse(json);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => `${i.path}: ${i.message}`.toLowerCase()).join('\n')).toContain(expected.toLowerCase());
    }
  });
});

describe('messages say what is wrong', () => {
  it('a missing field is called missing, an extra one unknown', () => {
    const c = good();
    delete c.detection;
    expect(pathMessages(c)).toContain('detection: missing field (required)');
    expect(pathMessages({ ...good(), colour: 'red' })).toContain('colour: unknown field (not part of pathway-case/1)');
  });
  it('unknown keys inside age.assessment are refused', () => {
    const c = { ...good(), age: { doubted: true, assessment: { low: 16, high: 18, doctor: 'X' } } };
    expect(pathMessages(c)).toContain('age.assessment.doctor: unknown field (not part of pathway-case/1)');
  });
  it('a birth date after detection names its field', () => {
    const c = setCaseField(setCaseField(good() as never, 'person.declaredAge', undefined), 'person.declaredBirthDate', '2030-01-01');
    expect(pathMessages(c)).toEqual(['person.declaredBirthDate: born after the detection date']);
  });
  it('a case file of a newer format is refused with the version, never half-read', () => {
    expect(pathMessages({ ...good(), format: 'pathway-case/2' })).toEqual([
      'format: this case file was written by a newer version of the simulator (version 2); this one reads up to version 1: update the app to open it',
    ]);
    const ui = parseCase({ ...good(), format: 'pathway-case/2' });
    expect(ui.ok).toBe(false);
    if (!ui.ok) expect(ui.issues[0].message).toMatch(/newer version/);
  });
});

describe('the CLI and the UI accept exactly the same files', () => {
  const both = (json: unknown) => [parseCaseText(JSON.stringify(json)).ok, parseCaseJson(JSON.stringify(json)).ok];
  it('a lowercase nationality is read as the country code in capitals', () => {
    const c = setCaseField(good() as never, 'person.nationality', 'ng');
    expect(both(c)).toEqual([true, true]);
    const r = parseCase(c);
    expect(r.ok && r.value.person.nationality).toBe('NG');
  });
  it('a statement after the default horizon is accepted (it falls outside the period followed)', () => {
    const c = setCaseField(good() as never, 'cooperation', { statementDay: DEFAULT_HORIZON_DAYS + 10 });
    expect(both(c)).toEqual([true, true]);
  });
  it('a day beyond 30 years, a fractional declared age or a duplicated examination is refused by both', () => {
    for (const c of [
      setCaseField(good() as never, 'disappearsDay', 99_999),
      setCaseField(good() as never, 'person.declaredAge', 15.5),
      { ...good(), age: { doubted: true, assessment: { exams: [{ exam: 'wrist', low: 15, high: 17 }, { exam: 'wrist', low: 15, high: 17 }] } } },
    ])
      expect(both(c)).toEqual([false, false]);
  });
});

describe('huge inputs are refused with one message each, in linear time', () => {
  it('80,000 unknown reforms and 100,000 examinations', () => {
    const reforms = Array.from({ length: 80_000 }, (_, i) => `reform${i}`);
    expect(pathMessages({ ...good(), reforms })).toEqual(['reforms: at most 5 reforms']);
    const exams = Array.from({ length: 100_000 }, () => ({ exam: 'dental', low: 15, high: 17 }));
    expect(pathMessages({ ...good(), age: { doubted: true, assessment: { exams } } })).toEqual(['age.assessment.exams: at most 3 examinations']);
  });
  it('80,000 unknown fields: refused naming the first, never 80,000 messages', () => {
    const c = good();
    for (let i = 0; i < 80_000; i++) c[`extra${i}`] = i;
    const issues = issuesOf(c);
    expect(issues[0]).toEqual({ path: 'extra0', message: 'unknown field (not part of pathway-case/1)', code: 'unknownField' });
    expect(issues.length).toBeLessThanOrEqual(MAX_ISSUES_LISTED + 1);
  });
});

describe('JSON syntax errors give line and column', () => {
  const text = JSON.stringify(good(), null, 2);
  it.each([
    ['a missing value', text.replace('"date": "2016-03-01"', '"date": '), /line 4, column 11/],
    ['a trailing comma', text.replace(/\n}$/, ',\n}'), /line \d+, column \d+/],
    ['a truncated file', text.slice(0, 100), /line \d+, column \d+ \(the text ends too early/],
    ['a stray word', `${text}\nhello`, /line \d+, column 1/],
    ['single quotes', text.replace('"format"', "'format'"), /line 2, column 3/],
  ])('%s', (_, bad, where) => {
    for (const r of [parseCaseText(bad), parseCaseJson(bad)]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0].message).toMatch(where);
    }
  });
});

describe('files with a byte-order mark', () => {
  const text = JSON.stringify(good());
  const utf16 = (bigEndian: boolean) => {
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      bytes[2 + 2 * i + (bigEndian ? 1 : 0)] = code & 0xff;
      bytes[2 + 2 * i + (bigEndian ? 0 : 1)] = code >> 8;
    }
    return bytes;
  };
  it('UTF-8 with BOM, UTF-16 LE and BE all open', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    for (const bytes of [utf8, utf16(false), utf16(true)]) expect(parseCaseText(decodeText(bytes)).ok).toBe(true);
  });
});
