// The fast stepper's recordings shared between the cohort workers: each sends its peers what it recorded from
// XState since it last sent (machines/case/fastShare.ts), and takes up theirs, so that a step met by both is
// recorded by the first to meet it only (recording is ≈0.18 ms a step; a worker met ≈1,990 of a run's ≈2,160).
import { exportRecordings, importRecordings, type FastStepperExport } from '../../machines/case/fastStepper';

export interface RecordingsMessage {
  type: 'recordings';
  data: FastStepperExport;
}

/** A message channel's round trip: a task of its own (timers are clamped to 4 ms once nested), after those queued. */
function nextMessageTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function createRecordingsShare(peers: () => (MessagePort | null)[]) {
  let sent = 0;
  let failed = false;
  /** Sends the peers what this worker recorded since it last sent (nothing if it recorded nothing). */
  function send() {
    const ports = peers().filter((p): p is MessagePort => p !== null);
    if (ports.length === 0 || failed) return;
    let exported: ReturnType<typeof exportRecordings>;
    try {
      exported = exportRecordings({ since: sent, recordedHere: true });
    } catch (error) {
      // A recording that cannot be data: the peers record for themselves, the run goes on.
      failed = true;
      console.warn(error);
      return;
    }
    const { data, next } = exported;
    sent = next;
    if (data.body.tapes.length === 0) return;
    const message: RecordingsMessage = { type: 'recordings', data };
    for (const port of ports) port.postMessage(message);
  }
  return {
    send,
    /** Between two chunks of machine runs: send, then let the peers' recordings in. */
    async between() {
      send();
      await nextMessageTask();
    },
    /** A peer's recordings: taken up; a refused export is left out (this worker records for itself). */
    take(message: RecordingsMessage) {
      try {
        importRecordings(message.data);
      } catch (error) {
        console.warn(error);
      }
    },
  };
}
