// Prints the dated rules, the asReported overlay and the reforms as Markdown (used in README.md).
import { PRACTICE_OVERLAYS, REFORMS, RULES, type RuleId } from '../machines/rules/rules';

const cell = (s: unknown) => String(s).replace(/\|/g, '/');
console.log('| rule | from | to | value | basis | source |\n|---|---|---|---|---|---|');
for (const id of Object.keys(RULES) as RuleId[]) {
  for (const v of RULES[id].values as { from?: string; to?: string; value: unknown; basis: string; source: string; assumption?: string }[]) {
    const note = v.assumption ? ` *Assumption: ${v.assumption}*` : '';
    console.log(`| \`${id}\` | ${v.from ?? '…'} | ${v.to ?? '…'} | ${cell(JSON.stringify(v.value))} | ${cell(v.basis)}${cell(note)} | ${cell(v.source)} |`);
  }
}
console.log('\n| rule | why its dates (or none): dated change vs court ruling |\n|---|---|');
for (const id of Object.keys(RULES) as RuleId[]) console.log(`| \`${id}\` | ${cell(RULES[id].dating)} |`);
console.log('\n| asReported overlay | from | to | value | practice | source |\n|---|---|---|---|---|---|');
for (const o of PRACTICE_OVERLAYS) console.log(`| \`${o.rule}\` | ${o.from ?? '…'} | ${o.to ?? '…'} | ${cell(JSON.stringify(o.value))} | ${cell(o.basis)} | ${cell(o.source)} |`);
console.log('\n| reform | changes | recommendation | source |\n|---|---|---|---|');
for (const r of Object.values(REFORMS)) console.log(`| \`${r.id}\` | ${cell(JSON.stringify(r.overrides))} | ${cell(r.recommendation)} | ${cell(r.source)} |`);
