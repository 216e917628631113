// The diagram in plain language: every state and transition of the procedure reads as words in each UI
// language, never as guard or event code; follow mode keeps the state just entered in view at a readable size.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { procedureLayout } from '../../src/layout/procedureLayout';
import { getDelayName, getStateMessageKey, getStateText, getTransitionText, getTriggerText, wrapWords, type Translate } from '../../src/graph/plainLabels';
import { DESK_TEXT_PX, getFollowTransform, MIN_TEXT_PX } from '../../src/components/diagram/panZoom';

const LOCALES = ['en', 'fr', 'nl', 'de'] as const;
function catalogue(locale: string): { translate: Translate; missing: Set<string> } {
  const messages = JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
  const missing = new Set<string>();
  const translate: Translate = (key, params = {}) => {
    if (!(key in messages)) missing.add(key);
    return messages[key]?.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
  };
  return { translate, missing };
}
/** what code looks like: calls (a name, then a bracket: prose brackets a word after a space, "(AI)"), dotted ids,
 * camelCase names, `after <delay>`, square brackets */
const CODE = /\w\(|[[\]]|\b[a-z]+\.[a-z]+|\b[a-z]+[A-Z][a-zA-Z]*\b|\bafter [a-z]+[A-Z]/;

describe('plain-language diagram labels', () => {
  for (const locale of LOCALES) {
    it(`names every state and transition in words in ${locale}, from the catalogue`, () => {
      const { translate, missing } = catalogue(locale);
      for (const node of procedureLayout.nodes) {
        const text = getStateText(node, translate);
        expect(text, node.id).not.toMatch(CODE);
        expect(missing.has(getStateMessageKey(node.id)), node.id).toBe(false);
      }
      for (const edge of procedureLayout.edges) {
        const text = getTransitionText(edge, translate);
        expect(text, edge.id).not.toMatch(CODE);
        if (edge.eventType || edge.guard) expect(text.length, edge.id).toBeGreaterThan(3);
        // a deadline with no words would fall back to its code name, spelled out
        if (getDelayName(edge.eventType)) expect(getTriggerText(edge.eventType, translate), edge.id).toBeDefined();
      }
      expect([...missing]).toEqual([]);
    });
  }

  it('reads a negated, combined guard as a sentence', () => {
    const { translate } = catalogue('en');
    expect(getTransitionText({ eventType: '', guard: 'and(not(isAgeDoubted), not(isDeclaredAdult))' }, translate)).toBe(
      'If nobody doubts the age and the person does not say they are an adult',
    );
    expect(getTransitionText({ eventType: 'xstate.after.reflectionValidity.procedure.pathway.victimTrack.reflectionPeriod' }, translate)).toBe(
      'When the reflection period ends',
    );
    const fr = catalogue('fr').translate;
    expect(getTransitionText({ eventType: '', guard: 'isPresumedVictim' }, fr)).toBe('Si l’intervenant reconnaît les signes de traite');
  });

  it('wraps at word boundaries within the width', () => {
    expect(wrapWords('When the certificate of registration runs out', 20)).toEqual(['When the certificate', 'of registration runs', 'out']);
  });
});

describe('follow mode', () => {
  // a 4000-unit-wide chart in a 600 × 360 pixel panel: 0.15 pixels per unit at zoom 1
  const view = { x: 0, y: 0, width: 4000, height: 2400 };
  it('centres the state just entered, with 13 px labels at 14 px or more on screen', () => {
    const entered = { x: 3000, y: 2000, width: 200, height: 44 };
    const pixelsPerUnit = 0.15;
    const t = getFollowTransform([entered, { x: 100, y: 100, width: 100, height: 44 }], view, pixelsPerUnit, 13);
    expect(13 * t.k * pixelsPerUnit).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    const left = t.x + t.k * entered.x;
    const top = t.y + t.k * entered.y;
    expect(left).toBeGreaterThanOrEqual(view.x);
    expect(top).toBeGreaterThanOrEqual(view.y);
    expect(left + t.k * entered.width).toBeLessThanOrEqual(view.x + view.width);
    expect(top + t.k * entered.height).toBeLessThanOrEqual(view.y + view.height);
  });

  const onScreen = (t: { k: number; x: number; y: number }, b: { x: number; y: number; width: number; height: number }) => {
    const left = t.x + t.k * b.x;
    const top = t.y + t.k * b.y;
    return left >= view.x && top >= view.y && left + t.k * b.width <= view.x + view.width && top + t.k * b.height <= view.y + view.height;
  };
  it('keeps the next transition\'s label whole in view when it fits at reading size, and drops one that does not', () => {
    const entered = { x: 3000, y: 2000, width: 200, height: 44 };
    const nextLabel = { x: 3220, y: 2060, width: 200, height: 40 };
    const farLabel = { x: 100, y: 100, width: 300, height: 40 };
    const t = getFollowTransform([entered], view, 0.15, 13, { extras: [farLabel, nextLabel] });
    expect(t.extrasShown).toEqual([1]);
    expect(onScreen(t, nextLabel)).toBe(true);
    expect(onScreen(t, entered)).toBe(true);
    expect(onScreen(t, farLabel)).toBe(false);
    // without it, the same zoom centred on the state alone leaves the label cut at the right
    expect(onScreen(getFollowTransform([entered], view, 0.15, 13), nextLabel)).toBe(false);
  });
  it('on a desk screen reads at 11 px: less zoom, more of the region in sight', () => {
    const entered = { x: 3000, y: 2000, width: 200, height: 44 };
    const desk = getFollowTransform([entered], view, 0.15, 13, { minTextPx: DESK_TEXT_PX });
    const projector = getFollowTransform([entered], view, 0.15, 13);
    expect(13 * desk.k * 0.15).toBeGreaterThanOrEqual(DESK_TEXT_PX);
    expect(desk.k).toBeLessThan(projector.k);
  });
});
