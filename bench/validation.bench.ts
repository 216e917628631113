// Refusing hostile case files: time to refuse (median of 5) as the input grows. Linear means the time per
// item stays flat from 80,000 to 500,000 items (the issue measured 13–28 s for 80,000 reforms, quadratic).
import { parseCaseText } from '../machines/case/validate';
import { SCENARIOS } from '../src/scenarios';

const base = SCENARIOS[0].case;
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(text: string): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = parseCaseText(text);
    runs.push(performance.now() - t0);
    if (r.ok) throw new Error('a hostile file was accepted');
  }
  return median(runs);
}

export default function bench(): void {
  const inputs: [string, (n: number) => unknown][] = [
    ['unknown reforms', (n) => ({ ...base, reforms: Array.from({ length: n }, (_, i) => `reform${i}`) })],
    ['examinations', (n) => ({ ...base, age: { doubted: true, assessment: { exams: Array.from({ length: n }, () => ({ exam: 'dental', low: 15, high: 17 })) } } })],
    ['unknown fields', (n) => Object.fromEntries([...Object.entries(base), ...Array.from({ length: n }, (_, i) => [`extra${i}`, i])])],
  ];
  for (const [what, make] of inputs) {
    for (const n of [80_000, 500_000]) {
      const text = JSON.stringify(make(n));
      const ms = time(text);
      console.log(`${what.padEnd(16)} ${String(n).padStart(7)} items  ${(text.length / 1e6).toFixed(1).padStart(5)} MB  refused in ${ms.toFixed(0).padStart(5)} ms  (${((ms * 1e6) / n).toFixed(0)} ns per item, JSON.parse included)`);
    }
  }
}
