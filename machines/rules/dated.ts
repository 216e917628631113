// A dated rule, kept the way OpenFisca keeps legislation parameters: one rule, several dated values, each with its
// legal basis and source.
export interface DatedValue<T> {
  /** first day in force (inclusive); absent = since before the modelled period */
  from?: string;
  /** last day in force (inclusive) */
  to?: string;
  value: T;
  basis: string;
  source: string;
  /** set when the value rests on an inference rather than a source (reference [I] items) */
  assumption?: string;
}

export interface Rule<T> {
  title: string;
  values: DatedValue<T>[];
}

export function rule<T>(title: string, values: DatedValue<T>[]): Rule<T> {
  return { title, values };
}

export function inForce(from: string | undefined, to: string | undefined, date: string): boolean {
  return (from === undefined || from <= date) && (to === undefined || date <= to);
}

export function valueOn<T>(r: Rule<T>, date: string): DatedValue<T> {
  const found = r.values.find((v) => inForce(v.from, v.to, date));
  if (!found) throw new Error(`no value of "${r.title}" on ${date}`);
  return found;
}
