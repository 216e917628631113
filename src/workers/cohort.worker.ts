// Web Worker: one part of the browser's cohort run (cohortPart.ts), with the page on the other side of postMessage.
import { getFastStepperStats } from '../../machines/case/fastStepper';
import { createCohortPart, type CohortWorkerMessage, type CohortWorkerRequest } from './cohortPart';

const handle = createCohortPart((message: CohortWorkerMessage) => (self as unknown as Worker).postMessage(message));
self.onmessage = (event: MessageEvent<CohortWorkerRequest>) => handle(event.data);
// For the bench (bench/cohort.bench.ts reads it through the DevTools protocol): steps recorded, imported.
(self as unknown as { fastStepperStats: typeof getFastStepperStats }).fastStepperStats = getFastStepperStats;
