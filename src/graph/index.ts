export * from './types';
export { toGraph, toLabel, toGuardName } from './toGraph';
