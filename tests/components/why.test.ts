// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ConditionsChecklist from '../../src/components/why/ConditionsChecklist.svelte';
import AgeAxis from '../../src/components/why/AgeAxis.svelte';
import { language } from '../../src/i18n/language.svelte';

afterEach(() => {
  cleanup();
  language.set('en');
});

describe('ConditionsChecklist', () => {
  const conditions = { statement: 'met', definition: 'pending', cooperation: 'met', tiesCut: 'unmet', publicOrder: 'met' } as const;

  it('lists the five conditions in order with their status in words, not colour alone', () => {
    const { container } = render(ConditionsChecklist, { props: { conditions } });
    const items = [...container.querySelectorAll('li')];
    expect(items.map((li) => li.getAttribute('data-condition'))).toEqual(['statement', 'definition', 'cooperation', 'tiesCut', 'publicOrder']);
    expect(items.map((li) => li.querySelector('.status')!.textContent)).toEqual(['met', 'pending', 'met', 'not met', 'met']);
    expect(items[1].textContent).toContain('433quinquies');
    // each status has its own icon shape
    expect(items[0].querySelector('svg circle')).not.toBeNull();
    expect(items[3].querySelector('svg rect')).not.toBeNull();
    expect(container.querySelector('.summary')!.textContent).toBe('3 of 5 met, 1 pending');
  });

  it('updates live when a condition changes', async () => {
    const { container, rerender } = render(ConditionsChecklist, { props: { conditions } });
    await rerender({ conditions: { ...conditions, tiesCut: 'met', definition: 'met' } });
    expect(container.querySelector('[data-condition="tiesCut"]')!.getAttribute('data-status')).toBe('met');
    expect(container.querySelector('.summary')!.textContent).toBe('5 of 5 met, 0 pending');
  });
});

describe('AgeAxis', () => {
  const exams = [
    { exam: 'dental' as const, low: 14.5, high: 19.5 },
    { exam: 'wrist' as const, low: 17.9, high: 22.1 },
    { exam: 'collarbone' as const, low: 18, high: 23 },
  ];

  it('draws each exam and the combined range as intervals on one age axis, with the 18 line', () => {
    const { container } = render(AgeAxis, { props: { declaredAge: 16, exams, range: { low: 18, high: 19.5 }, decidedAge: 18, rule: 'lowest' } });
    const rows = [...container.querySelectorAll('.interval')];
    expect(rows.map((r) => r.getAttribute('data-row'))).toEqual(['dental', 'wrist', 'collarbone', 'range']);
    const ends = (row: Element) => {
      const line = row.querySelector('line')!;
      return [Number(line.getAttribute('x1')), Number(line.getAttribute('x2'))];
    };
    const majority = Number(container.querySelector('.majority line')!.getAttribute('x1'));
    const [dentalLow, dentalHigh] = ends(rows[0]);
    expect(dentalLow).toBeLessThan(majority); // 14.5 is left of 18
    expect(dentalHigh).toBeGreaterThan(majority);
    const [collarLow] = ends(rows[2]);
    expect(collarLow).toBeCloseTo(majority, 5); // starts exactly at 18
    expect(container.textContent).toContain('Teeth (dental X-ray): 14.5 to 19.5 years');
  });

  it('marks the lowest-age rule at the low end of the combined range', () => {
    const { container } = render(AgeAxis, { props: { declaredAge: 16, exams, range: { low: 17.9, high: 19.5 }, decidedAge: 17.9, rule: 'lowest' } });
    const rangeLow = Number(container.querySelector('.interval[data-row="range"] line')!.getAttribute('x1'));
    const marker = container.querySelector('.lowest-rule path')!.getAttribute('d')!;
    expect(Number(/^M([\d.]+),/.exec(marker)![1])).toBeCloseTo(rangeLow, 5);
    expect(container.querySelector('.rule')!.textContent).toContain('art. 7 §3');
    expect(container.textContent).toContain('Age decided: 17.9 (minor)');
  });

  it('names the reported practice instead when the doctor’s conclusion is followed', () => {
    const { container } = render(AgeAxis, { props: { declaredAge: 16, range: { low: 17.9, high: 19.5 }, decidedAge: 19, rule: 'doctor' } });
    expect(container.querySelector('.lowest-rule')).toBeNull();
    expect(container.querySelector('.rule')!.getAttribute('data-rule')).toBe('doctor');
    expect(container.textContent).toContain('Age decided: 19 (adult)');
  });
});

describe('AgeAxis in the UI language', () => {
  it('writes ages with the language’s decimal sign, in the facts and on the drawing (16,5 in French and German)', () => {
    for (const [locale, decided, low] of [['fr', '16,5', '15,5'], ['de', '16,5', '15,5'], ['en', '16.5', '15.5']] as const) {
      language.set(locale);
      const { container, unmount } = render(AgeAxis, { props: { declaredAge: 15, range: { low: 15.5, high: 17.25 }, decidedAge: 16.5, rule: 'doctor' } });
      const facts = container.querySelector('.facts')!.textContent!;
      expect(facts, locale).toContain(decided);
      expect(facts, locale).toContain(low);
      const drawn = [...container.querySelectorAll('svg text')].map((t) => t.textContent);
      expect(drawn, locale).toContain(low);
      expect(drawn.join(' '), locale).toContain(locale === 'en' ? '17.3' : '17,3');
      unmount();
    }
  });
});
