// Words for the sensitivity analysis: parameter and figure names in the UI language (the CLI asks for English).
import { m } from '../../i18n/messages';
import type { Locale } from '../../i18n/messages';
import type { ParamName } from '../../engine/assumptions/schema';
import type { SensitivityFigure, SensitivityRow } from '../../engine/sensitivity';
import { getLocale } from '../../i18n/paraglide/runtime.js';
import { countryName } from '../builder/countries';
import { label } from '../step/labels';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const PARAMS: Record<ParamName, Message> = {
  nationality: m.sens_param_nationality,
  female: m.sens_param_female,
  region: m.sens_param_region,
  detectedAtBorder: m.sens_param_detectedAtBorder,
  declaredAge: m.sens_param_declaredAge,
  trulyAdult: m.sens_param_trulyAdult,
  ageDoubtedIfAdult: m.sens_param_ageDoubtedIfAdult,
  ageDoubtedIfMinor: m.sens_param_ageDoubtedIfMinor,
  testRefused: m.sens_param_testRefused,
  testResultIfAdult: m.sens_param_testResultIfAdult,
  testResultIfMinor: m.sens_param_testResultIfMinor,
  asylumIfNonEea: m.sens_param_asylumIfNonEea,
  exploited: m.sens_param_exploited,
  exploitationForm: m.sens_param_exploitationForm,
  indicatorsRecognised: m.sens_param_indicatorsRecognised,
  vulnerableIfEea: m.sens_param_vulnerableIfEea,
  statementGiven: m.sens_param_statementGiven,
  statementDay: m.sens_param_statementDay,
  tiesResumed: m.sens_param_tiesResumed,
  tiesResumedDay: m.sens_param_tiesResumedDay,
  publicOrderRisk: m.sens_param_publicOrderRisk,
  prosecutionOutcome: m.sens_param_prosecutionOutcome,
  prosecutionDay: m.sens_param_prosecutionDay,
  requisitionsRetainTrafficking: m.sens_param_requisitionsRetainTrafficking,
  disappearsIfNotRecognised: m.sens_param_disappearsIfNotRecognised,
  disappearsIfRecognised: m.sens_param_disappearsIfRecognised,
  disappearsDay: m.sens_param_disappearsDay,
  durableSolutionIfNonEea: m.sens_param_durableSolutionIfNonEea,
  durableSolutionDay: m.sens_param_durableSolutionDay,
  durableSolutionDecision: m.sens_param_durableSolutionDecision,
};

const FIGURES: Record<SensitivityFigure, Message> = {
  protected: m.sens_figure_protected,
  protectedAsVictim: m.sens_figure_protectedAsVictim,
  disappeared: m.sens_figure_disappeared,
  notIdentified: m.sens_figure_notIdentified,
  mustLeave: m.sens_figure_mustLeave,
  returned: m.sens_figure_returned,
};

export const paramLabel = (param: ParamName, locale?: Locale): string => PARAMS[param]({}, locale ? { locale } : {});
export const figureLabel = (figure: SensitivityFigure, locale?: Locale): string => FIGURES[figure]({}, locale ? { locale } : {});

/** The label tables naming a parameter's options; other options (days, ages, age ranges) are numbers as written. */
const OPTION_KINDS: Partial<Record<ParamName, string>> = {
  region: 'region',
  exploitationForm: 'exploitation',
  prosecutionOutcome: 'prosecution',
  durableSolutionDecision: 'durable',
};
export function optionLabel(param: ParamName, option: string): string {
  if (param === 'nationality') return countryName(option, getLocale());
  const kind = OPTION_KINDS[param];
  return kind ? label(kind, option) : option;
}
/** A tornado row's name: the parameter, and for weights over options the option moved ("Region of detection: Brussels"). */
export const rowName = (r: SensitivityRow): string =>
  r.option !== undefined ? m.sens_param_option({ param: r.label, option: optionLabel(r.param, r.option) }) : r.label;
