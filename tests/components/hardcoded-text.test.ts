// Every visible word in a component comes from a message catalogue: a scan of each .svelte template for text
// and accessible-name attributes written as literals. Symbols (→, ✔, ×) and numbers are fine; words are not.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';

const ROOT = join(import.meta.dirname, '../../src');
const NAMED = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext']);
const WORD = /\p{L}{2,}/u;

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : svelteFiles(path);
    return name.endsWith('.svelte') ? [path] : [];
  });
}

type Node = { type: string; data?: string; name?: string; value?: unknown; start: number; [key: string]: unknown };

/** Literal words in a template: text nodes and static accessible-name attributes. */
export function findLiteralText(source: string): string[] {
  const ast = parse(source, { modern: true }) as unknown as { fragment: Node };
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    // Citations and proper names are kept as written: elements marked translate="no" or with a lang of their own.
    const attributes = (n.attributes as Node[] | undefined) ?? [];
    if (attributes.some((a) => a.type === 'Attribute' && (a.name === 'lang' || (a.name === 'translate' && JSON.stringify(a.value).includes('no'))))) return;
    if (n.type === 'Text' && n.data && WORD.test(n.data)) found.push(n.data.trim());
    if (n.type === 'Attribute' && NAMED.has(n.name ?? '') && Array.isArray(n.value))
      for (const part of n.value as Node[]) if (part.type === 'Text' && part.data && WORD.test(part.data)) found.push(`${n.name}="${part.data.trim()}"`);
    if (n.type === 'Attribute') return; // other attributes (class, data-*, ids) are not shown
    for (const [key, value] of Object.entries(n)) if (key !== 'type' && typeof value === 'object') visit(value);
  };
  visit(ast.fragment);
  return found;
}

describe('no hard-coded text in components', () => {
  it('the scan finds a literal word (so it can fail)', () => {
    expect(findLiteralText('<p>Hello {m.x()}</p><button aria-label="Close">×</button>')).toEqual(['Hello', 'aria-label="Close"']);
    expect(findLiteralText('<p>{m.x()} → ✔ 3</p><span class="muted" data-x="abc"></span>')).toEqual([]);
    expect(findLiteralText('<p>{m.x()} <span translate="no">art. 7 §3</span> <span lang="en">{basis}</span></p>')).toEqual([]);
  });

  for (const file of svelteFiles(ROOT)) {
    it(relative(ROOT, file), () => {
      expect(findLiteralText(readFileSync(file, 'utf8'))).toEqual([]);
    });
  }
});
