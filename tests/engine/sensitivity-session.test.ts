// The Sensitivity panel's view-model, without a browser: what it asks the worker for, progress, the table for
// the chosen figure from one analysis, cancel and failure.
import { describe, expect, it } from 'vitest';
import { SensitivitySession } from '../../src/view-model/sensitivity.svelte';
import { DEFAULT_ASSUMPTION_SET as set } from '../../src/engine/assumptions';
import { analyseSensitivity, type SensitivityRequest } from '../../src/engine/sensitivity';
import type { SensitivityWorkerRequest } from '../../src/workers/sensitivity.worker';

const config = { asOf: '2018-01-01', practice: 'asReported' as const, reforms: [] };

/** A stand-in worker that runs the analysis in-process, or answers with `fail`. */
function fakeWorker(log: { requests: SensitivityRequest[]; terminated: number }, fail?: string) {
  return () => {
    const worker = {
      onmessage: null as ((e: MessageEvent) => void) | null,
      postMessage({ runId, request }: SensitivityWorkerRequest) {
        log.requests.push(request);
        const reply = (data: unknown) => worker.onmessage?.({ data } as MessageEvent);
        if (fail) return reply({ type: 'error', runId, message: fail });
        reply({ type: 'progress', runId, progress: { done: 1, total: 2 } });
        reply({ type: 'result', runId, runs: analyseSensitivity(request) });
      },
      terminate() {
        log.terminated++;
      },
    };
    return worker as unknown as Worker;
  };
}

describe('sensitivity view-model', () => {
  it('runs the set and configuration it is given at the chosen size, and shows any figure from that one run', () => {
    const log = { requests: [] as SensitivityRequest[], terminated: 0 };
    const session = new SensitivitySession({ createWorker: fakeWorker(log), labelOf: (p) => `«${p}»` });
    expect(session.table).toBeNull();
    session.cohort = 400;
    session.figure = 'disappeared';
    session.run(set, config, 5);
    expect(log.requests).toHaveLength(1);
    expect(log.requests[0]).toMatchObject({ cohort: 400, seed: 5, config, set: { id: set.id } });
    expect(session.status).toBe('done');
    const disappeared = session.table!;
    expect(disappeared).toMatchObject({ figure: 'disappeared', cohort: 400, seed: 5 });
    expect(disappeared.rows[0].label).toBe(`«${disappeared.rows[0].param}»`);
    session.figure = 'protected';
    expect(session.table!.figure).toBe('protected');
    expect(session.table!.baseline).toBe(session.runs!.baseline.protected);
    expect(log.requests).toHaveLength(1); // no new run for another figure
  }, 60_000);

  it('says why a run failed and starts a fresh worker for the next one', () => {
    const log = { requests: [] as SensitivityRequest[], terminated: 0 };
    const session = new SensitivitySession({ createWorker: fakeWorker(log, 'out of memory') });
    session.run(set, config, 1);
    expect(session.status).toBe('error');
    expect(session.errorMessage).toBe('out of memory');
    expect(log.terminated).toBe(1);
  });

  it('cancels a run by terminating its worker', () => {
    let terminated = 0;
    const silent = () => ({ postMessage() {}, terminate: () => terminated++, onmessage: null }) as unknown as Worker;
    const session = new SensitivitySession({ createWorker: silent });
    session.run(set, config, 1);
    expect(session.status).toBe('running');
    session.cancel();
    expect(session.status).toBe('cancelled');
    expect(terminated).toBe(1);
  });
});
