// The fast stepper primed with the recordings shipped with the app (scripts/recordings.ts): each cohort thread
// (the CLI's, the browser's workers) imports them once before its first machine run instead of recording the same
// commonest steps from XState itself. Steps they do not hold are recorded as before. A file of another machine is
// refused by the stepper (fastShare.ts): the thread then records everything itself, as it did without the file;
// tests/engine/primed.test.ts fails until the file is regenerated.
import { importRecordings } from '../../machines/case/fastStepper';
import shipped from './fast-recordings.json';

let primed: 'yes' | 'refused' | undefined;
export function primeFastStepper(): void {
  if (primed) return;
  try {
    importRecordings(shipped);
    primed = 'yes';
  } catch {
    primed = 'refused';
  }
}
