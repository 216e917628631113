// Mutated inputs for the fuzz properties: a valid case (or session, or link payload) with one to three of
// wrong types at any path, deletions, unknown keys, huge values and lists, or damaged text.
import fc from 'fast-check';
import { SCENARIOS } from '../../src/scenarios';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path in a JSON value, the root included (lists: their first 20 items; no recursion, any depth). */
export function listPaths(value: Json): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const todo: [Json, (string | number)[]][] = [[value, []]];
  while (todo.length && paths.length < 5_000) {
    const [node, path] = todo.pop()!;
    paths.push(path);
    if (Array.isArray(node)) node.slice(0, 20).forEach((item, i) => todo.push([item, [...path, i]]));
    else if (node && typeof node === 'object') for (const [key, item] of Object.entries(node)) todo.push([item, [...path, key]]);
  }
  return paths;
}

const hugeString = fc.integer({ min: 10_000, max: 100_000 }).map((n) => 'x'.repeat(n));
const deep = fc.integer({ min: 100, max: 3_000 }).map((depth) => {
  let value: Json = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
});
const hugeList = fc.oneof(
  fc.tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom<Json>(0, 'reform', null)),
  fc.tuple(fc.integer({ min: 1_000, max: 20_000 }), fc.constantFrom<Json>({}, [], { exam: 'dental', low: 1, high: 2 })),
).map(([n, item]) => Array.from({ length: n }, () => (typeof item === 'object' && item !== null ? structuredClone(item) : item)));
/** Values of every JSON type; the huge and deep ones are rarer (about one input in twelve carries one). */
export const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  // Copied on each draw: a later mutation may add keys inside it, and a shared constant would then grow.
  { weight: 12, arbitrary: fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, -1e308, '', 'x', 'ng', '2016-02-30', [], {}, [null], { exams: 'x' }, { refused: 'yes' }).map((v) => structuredClone(v)) },
  { weight: 8, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 4, arbitrary: fc.integer({ min: -1e9, max: 1e9 }) },
  { weight: 2, arbitrary: fc.oneof(hugeString, deep, hugeList) },
);
const unknownKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'doctor', 'exam', 'low', 'v', 'version'), fc.string({ maxLength: 12 }));

type Mutation = { kind: 'replace'; at: number; value: Json } | { kind: 'delete'; at: number } | { kind: 'addKey'; at: number; key: string; value: Json };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: wrongValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('addKey' as const), at: fc.nat(), key: unknownKey, value: wrongValue }) },
);

function apply(root: Json, m: Mutation): Json {
  const paths = listPaths(root);
  const path = paths[m.at % paths.length];
  if (path.length === 0) {
    if (m.kind === 'replace') return m.value;
    if (m.kind === 'delete') return {};
    if (root && typeof root === 'object' && !Array.isArray(root)) Object.defineProperty(root, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    return root;
  }
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key as string], root) as Record<string, Json> | Json[];
  const key = path[path.length - 1];
  if (m.kind === 'replace') (parent as Record<string, Json>)[key as string] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else {
    const target = (parent as Record<string, Json>)[key as string];
    if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    else (parent as Record<string, Json>)[key as string] = { [m.key]: m.value };
  }
  return root;
}

/** Damage to the text itself: cut short, a character inserted or dropped. */
type TextDamage = { kind: 'none' } | { kind: 'truncate' | 'drop'; at: number } | { kind: 'insert'; at: number; char: string };
const textDamage: fc.Arbitrary<TextDamage> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('truncate' as const, 'drop' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: fc.constantFrom('{', '}', '"', ',', ':', '\\', 'x', '\u0000', '\uFEFF') }) },
);
export function damageText(text: string, d: TextDamage): string {
  if (d.kind === 'none' || text.length === 0) return text;
  const at = d.at % text.length;
  if (d.kind === 'insert') return text.slice(0, at) + d.char + text.slice(at);
  if (d.kind === 'truncate') return text.slice(0, at);
  return text.slice(0, at) + text.slice(at + 1);
}

export const validCase = fc.constantFrom(...SCENARIOS.map((s) => s.case));

/** A JSON value built from `base`, then mutated one to three times; serialised, maybe damaged. */
export function mutatedText<T>(base: fc.Arbitrary<T>): fc.Arbitrary<{ text: string; mutations: number }> {
  return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 }), textDamage).map(([value, mutations, damage]) => {
    let json = structuredClone(value) as Json;
    for (const m of mutations) json = apply(json, m);
    return { text: damageText(JSON.stringify(json) ?? 'null', damage), mutations: mutations.length };
  });
}
