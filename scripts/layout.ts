// `npm run layout`: lay the procedure statechart out with ELK at build time and write the JSON the app imports,
// so ELK (~466 KB gzip) never reaches the browser. `--check` exits non-zero when the committed layout is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnyStateMachine } from 'xstate';
import { toGraph } from '../src/graph';
import { getGraphKey } from '../src/layout/graphKey';
import { layoutGraph } from '../src/layout/layoutGraph';
import type { LaidOutGraph, LayoutOptions } from '../src/layout/types';
import { getStateText, getTransitionText, STATE_WRAP, TRANSITION_WRAP, wrapWords, type Translate } from '../src/graph/plainLabels';

export const layoutFile = fileURLToPath(new URL('../src/layout/procedure.layout.json', import.meta.url));

/** Two decimals are plenty for pixels and keep the JSON diff-able. */
function toJson(layout: LaidOutGraph): string {
  return JSON.stringify(layout, (_k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v)) + '\n';
}

async function loadMachine(modulePath: string, exportName: string): Promise<AnyStateMachine> {
  const mod = (await import(modulePath)) as Record<string, AnyStateMachine | undefined>;
  const machine = mod[exportName];
  if (!machine) throw new Error(`${modulePath} has no export "${exportName}"`);
  return machine;
}

/** A message catalogue read as the page would (simple `{name}` placeholders). */
function readCatalogue(locale: string): Translate {
  const file = fileURLToPath(new URL(`../messages/${locale}.json`, import.meta.url));
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return (key, params = {}) => messages[key]?.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** Boxes fit the plain-language labels of every UI language (and the code, for the expert view). */
function getLabelVariants(): LayoutOptions['labelVariants'] {
  const catalogues = ['en', 'fr', 'nl', 'de'].map(readCatalogue);
  return {
    state: (node) => catalogues.map((t) => wrapWords(getStateText(node, t), STATE_WRAP)),
    transition: (edge) => catalogues.map((t) => wrapWords(getTransitionText(edge, t), TRANSITION_WRAP)),
  };
}

const args = process.argv.slice(2);
const fixture = args.includes('--fixture'); // development only: lay out the small test machine
const machine = fixture
  ? await loadMachine('../tests/layout/fixture-machine.ts', 'fixtureMachine')
  : await loadMachine('../machines/procedure/machine.ts', 'procedureMachine');
const graph = toGraph(machine);

if (args.includes('--check')) {
  const committed = JSON.parse(readFileSync(layoutFile, 'utf8')) as LaidOutGraph;
  if (committed.graphKey !== getGraphKey(graph)) {
    console.error(`${layoutFile} is stale: the statechart changed. Run \`npm run layout\` and commit the result.`);
    process.exit(1);
  }
  console.log('layout is up to date');
} else {
  const started = performance.now();
  const layout = await layoutGraph(graph, { labelVariants: getLabelVariants() });
  writeFileSync(layoutFile, toJson(layout));
  console.log(
    `wrote ${layoutFile}: ${layout.nodes.length} states, ${layout.edges.length} transitions, ` +
      `${Math.round(layout.width)}×${Math.round(layout.height)} px, in ${Math.round(performance.now() - started)} ms`,
  );
}
