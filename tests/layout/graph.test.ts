import { describe, expect, it } from 'vitest';
import { toGraph, toLabel } from '../../src/graph';
import { fixtureMachine } from './fixture-machine';

describe('toGraph', () => {
  const graph = toGraph(fixtureMachine);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));

  it('lists every state node with its parent and kind', () => {
    expect(graph.rootId).toBe('fixture');
    expect(byId.get('fixture')?.parentId).toBeNull();
    expect(byId.get('fixture.protection')?.kind).toBe('parallel');
    expect(byId.get('fixture.protection.guardianship')?.kind).toBe('compound');
    expect(byId.get('fixture.protection.guardianship')?.parentId).toBe('fixture.protection');
    expect(byId.get('fixture.protection.guardianship.reported')?.kind).toBe('atomic');
    expect(byId.get('fixture.missing')?.kind).toBe('final');
    expect(graph.nodes).toHaveLength(12);
  });

  it('carries the legal basis, source, description and assumption', () => {
    const reflection = byId.get('fixture.protection.residence.reflection');
    expect(reflection).toMatchObject({ basis: 'art 61/2 §2', source: 'seed 001:91', assumption: '45 days', label: 'Reflection' });
    expect(byId.get('fixture.detection')?.description).toBe('The child is found.');
  });

  it('marks initial children', () => {
    expect(byId.get('fixture.detection')?.initial).toBe(true);
    expect(byId.get('fixture.protection.guardianship.reported')?.initial).toBe(true);
    expect(byId.get('fixture.protection.guardianship.appointed')?.initial).toBe(false);
  });

  it('turns guarded, delayed and cross-hierarchy transitions into edges', () => {
    const guarded = graph.edges.filter((e) => e.source === 'fixture.protection.guardianship.reported');
    expect(guarded.map((e) => [e.target, e.eventType, e.guard])).toEqual([
      ['fixture.protection.guardianship.appointed', 'age.assessed', 'isMinor'],
      ['fixture.protection.guardianship.ended', 'age.assessed', 'not(isMinor)'],
    ]);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);

    const delayed = graph.edges.find((e) => e.delay !== undefined);
    expect(delayed).toMatchObject({
      source: 'fixture.protection.residence.reflection',
      target: 'fixture.protection.residence.orderToLeave',
      delay: 'reflectionPeriod',
      label: 'after reflectionPeriod',
    });
    expect(delayed?.eventType).toMatch(/^xstate\.after\.reflectionPeriod\./);

    const combined = graph.edges.find((e) => e.eventType === 'statement.given');
    expect(combined?.guard).toBe('and(isMinor, hasStatement)');
    expect(graph.edges.find((e) => e.eventType === 'disappear')).toMatchObject({ source: 'fixture.protection', target: 'fixture.missing' });
  });

  it('is deterministic and JSON-only', () => {
    const again = toGraph(fixtureMachine);
    expect(again).toEqual(graph);
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
  });

  it('does not touch the machine', () => {
    const before = JSON.stringify(fixtureMachine.root.definition, (k, v) => (k === 'source' || k === 'parent' ? undefined : v));
    toGraph(fixtureMachine);
    const after = JSON.stringify(fixtureMachine.root.definition, (k, v) => (k === 'source' || k === 'parent' ? undefined : v));
    expect(after).toBe(before);
  });

  it('makes readable labels from keys', () => {
    expect(toLabel('ageAssessment')).toBe('Age assessment');
    expect(toLabel('guardian_appointed')).toBe('Guardian appointed');
  });
});
