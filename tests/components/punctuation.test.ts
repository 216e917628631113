// @vitest-environment jsdom
// Punctuation the code puts between a label and what follows comes from the catalogue: French writes a narrow
// no-break space (U+202F) before ":" and ";", the other languages none. Walked through every step of a scenario
// in the step card, the decision panel, the rules panel and the Debrief's export.
import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import StepCard from '../../src/components/step/StepCard.svelte';
import DecisionPanel from '../../src/components/step/DecisionPanel.svelte';
import RulesPanel from '../../src/components/step/RulesPanel.svelte';
import { StepSession } from '../../src/view-model/StepSession.svelte';
import { findScenario } from '../../src/scenarios';
import { language } from '../../src/i18n/language.svelte';
import { debriefLabels } from '../../src/components/step/debrief';
import { toMarkdown, type Debrief } from '../../src/view-model/quiz';

afterEach(() => {
  cleanup();
  language.set('en');
});

/** Colons and semicolons in the text a class reads, with the character before each (citations kept as written). */
function marks(root: HTMLElement): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let before = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? '';
    const quoted = n.parentElement?.closest('[lang]');
    if (!n.parentElement?.closest('code, .visually-hidden, [hidden]') && (!quoted || quoted === document.documentElement)) {
      // the character before a mark may end the previous text node ("Centre" then ":" in the next one)
      const joined = before + text;
      for (const match of joined.slice(before.length ? 1 : 0).matchAll(/[:;]/g)) {
        const at = match.index! + (before.length ? 1 : 0);
        found.push(joined.slice(Math.max(0, at - 1), at + 1));
      }
    }
    if (text) before = text.slice(-1);
  }
  return found;
}

function walk(locale: 'fr' | 'en'): string[] {
  language.set(locale);
  const s = new StepSession(structuredClone(findScenario('nigerian_girl_2016')!.case));
  const roots = [StepCard, DecisionPanel, RulesPanel].map((component) => render(component, { props: { session: s, presenter: false } }).container);
  const found: string[] = [];
  for (;;) {
    for (const root of roots) found.push(...marks(root));
    if (s.isAtEnd) break;
    s.next();
    flushSync();
  }
  return found;
}

describe('punctuation between a label and its text', () => {
  it('French: a narrow no-break space before every colon the step view joins on', () => {
    const found = walk('fr');
    // the step card says what happens ("Ce qui se passe :") at every step, the decision who decides
    expect(found.filter((m) => m === '\u202f:').length).toBeGreaterThan(10);
    // never glued to the word before (a plain or no-break space from the catalogue is allowed)
    expect(found.filter((m) => !/^[\s\u202f\u00a0][:;]$/.test(m))).toEqual([]);
  });

  it('English: the colon right after the word', () => {
    const found = walk('en');
    expect(found.length).toBeGreaterThan(10);
    expect(found.filter((m) => /^\s/.test(m))).toEqual([]);
  });

  it('the debrief download writes French punctuation too', () => {
    language.set('fr');
    const debrief: Debrief = {
      title: 'Cas',
      outcome: 'Séjour définitif',
      items: [{ stepIndex: 0, day: 1, date: '2016-03-02', who: 'Centre', question: 'Reste-t-il ?', picked: 'Oui', procedure: 'Oui', matched: true, bases: [{ milestone: 'Carte A', basis: 'Art. 61/2', source: 'loi-1980' }] }],
    } as Debrief;
    const markdown = toMarkdown(debrief, debriefLabels());
    expect(markdown).toContain('**Centre\u202f:** Reste-t-il ?');
    expect(markdown).not.toMatch(/\S[:;] /);
  });
});
