// One concept, one place: a style rule block repeated in two step components drifts apart (one panel's
// decisions end up framed differently from the quiz's). Shared pieces live in their own component.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = 'src/components/step';

/** Each rule of a component's <style>, as selector + sorted declarations, for rules of 3 or more declarations. */
function rules(file: string): string[] {
  const style = /<style>([\s\S]*?)<\/style>/.exec(readFileSync(join(DIR, file), 'utf8'))?.[1] ?? '';
  return [...style.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .map(([, selector, body]) => [selector.trim().replace(/\s+/g, ' '), body.split(';').map((d) => d.trim()).filter(Boolean).sort()] as const)
    .filter(([, decls]) => decls.length >= 3)
    .map(([selector, decls]) => `${selector} { ${decls.join('; ')} }`);
}

describe('step component styles', () => {
  it('declares no rule block twice across the step components (the decision frame, the quiz verdict)', () => {
    const where = new Map<string, string[]>();
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.svelte')))
      for (const rule of new Set(rules(file))) where.set(rule, [...(where.get(rule) ?? []), file]);
    const repeated = [...where].filter(([, files]) => files.length > 1).map(([rule, files]) => `${files.join(' + ')}: ${rule}`);
    expect(repeated).toEqual([]);
  });
});
