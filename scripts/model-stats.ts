import { getStateNodes } from 'xstate/graph';
import { procedureMachine } from '../machines/procedure/machine';
const nodes = getStateNodes(procedureMachine.root);
let transitions = 0;
for (const n of nodes) {
  for (const ts of n.transitions.values()) transitions += ts.length;
  transitions += n.always?.length ?? 0;
}
console.log('state nodes', nodes.length + 1, 'atomic', nodes.filter((n) => n.type === 'atomic' || n.type === 'final').length, 'transitions (incl. delayed, eventless)', transitions);
console.log('guards', Object.keys(procedureMachine.implementations.guards).length, 'actions', Object.keys(procedureMachine.implementations.actions).length, 'delays', Object.keys(procedureMachine.implementations.delays).length);
