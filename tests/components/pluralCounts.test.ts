// Counts are written in the UI language ("1.000" in German and Dutch) but a sentence chooses singular or plural on
// the number itself: "1.000" read as a number is 1, and a screen reader heard "1.000 Kind" for a thousand children.
import { describe, expect, it } from 'vitest';
import { locales, m } from '../../src/i18n/messages';

type Counted = (inputs: { amount: number } & Record<string, string | number>, options: { locale: (typeof locales)[number] }) => string;
const SENTENCES: [string, Counted, string][] = [
  ['funnel bar', m.funnel_bar_label as unknown as Counted, 'n'],
  ['Sankey note', m.cohort_sankey_note as unknown as Counted, 'n'],
  ['procedure map edge', m.dfg_edge_label as unknown as Counted, 'count'],
  ['procedure map selection', m.dfg_selected as unknown as Counted, 'count'],
];

describe('counts in sentences', () => {
  for (const locale of locales)
    for (const [name, sentence, shown] of SENTENCES)
      it(`${locale}, ${name}: 1,000 children read as many, one child as one`, () => {
        const written = new Intl.NumberFormat(locale).format(1000);
        const say = (amount: number) => sentence({ amount, [shown]: written, milestone: 'M', letter: 'A', config: 'C', share: 'S', edge: 'E' }, { locale });
        expect(say(1000)).toBe(say(2000));
        expect(say(1000)).not.toBe(say(1));
      });
});
