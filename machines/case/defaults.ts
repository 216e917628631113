// What a case file may say and what it means when it says nothing: the schema (schema.ts), the form
// (src/components/builder) and the engine all read these, so a bound is changed in one place.
import { REFORM_IDS } from '../rules/rules';

/** The case-file format this version writes and reads; older versions are migrated (migrate.ts). */
export const CASE_FORMAT = 'pathway-case/1';
export const CASE_FORMAT_VERSION = 1;

/** No horizon given: the case is followed for five years. */
export const DEFAULT_HORIZON_DAYS = 1825;
/** Detection dates the dated rules cover. */
export const MODELLED_PERIOD = { from: '1995-01-01', to: '2030-12-31' } as const;

export const CASE_BOUNDS = {
  /** A day of any act, and the horizon: at most 30 years after detection. */
  maxDay: 365 * 30,
  /** Declared ages and bone-age bounds above 80 are not plausible for this procedure. */
  maxAge: 80,
  /** The triple test has three examinations (dental, wrist, collarbone), each at most once. */
  maxExams: 3,
  maxTitleLength: 300,
  /** Each known reform at most once. */
  maxReforms: REFORM_IDS.length,
} as const;

/** Kept for the modules that import it by this name. */
export const MAX_HORIZON_DAYS = CASE_BOUNDS.maxDay;
