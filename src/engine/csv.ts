// A cohort result as one CSV table: each row says which figure it is (table, id, to) and its count.
// `to` holds the flow's target, an outcome's track, a variant's outcome, a time distribution's quantiles or a target's check.
import type { CohortResult } from './aggregate';

/** A CSV cell, quoted when it holds a comma, quote or newline. */
export function cell(value: string | number): string {
  const s = String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(result: CohortResult): string {
  const rows: (string | number)[][] = [['table', 'id', 'to', 'count', 'share', 'example_child']];
  const share = (n: number) => +(n / result.cohort).toFixed(6);
  for (const [id, n] of Object.entries(result.outcomes))
    rows.push([
      'outcome',
      id,
      '',
      n!,
      share(n!),
      result.outcomeExamples[id as keyof typeof result.outcomeExamples] ?? '',
    ]);
  // `to`: the procedure the outcome's children are in at the horizon (the trace's track).
  for (const [id, tracks] of Object.entries(result.outcomeTracks ?? {}))
    for (const [track, n] of Object.entries(tracks ?? {})) rows.push(['outcomeTrack', id, track, n!, share(n!), '']);
  for (const [id, n] of Object.entries(result.milestones))
    rows.push([
      'milestone',
      id,
      '',
      n!,
      share(n!),
      result.milestoneExamples[id as keyof typeof result.milestoneExamples] ?? '',
    ]);
  for (const f of result.flows)
    rows.push(['flow', f.from, f.to, f.count, share(f.count), f.example]);
  for (const v of result.variants)
    rows.push([
      'variant',
      v.milestones.join(' > '),
      `outcome:${v.outcome}`,
      v.count,
      share(v.count),
      v.example,
    ]);
  for (const [id, t] of Object.entries(result.times.milestones))
    rows.push([
      'days_to_milestone',
      id,
      `p10=${t!.p10} p50=${t!.p50} p90=${t!.p90}`,
      t!.count,
      share(t!.count),
      '',
    ]);
  for (const t of result.targets)
    rows.push([
      'target',
      t.id,
      `measured ${t.measured === null ? 'n/a' : +t.measured.toFixed(4)}; cited ${t.value} ± ${t.tolerance}; ${t.within ? 'within' : 'outside'}`,
      '',
      '',
      '',
    ]);
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
