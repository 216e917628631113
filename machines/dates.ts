// Calendar arithmetic on ISO dates (UTC, day precision). The simulated clock counts days since detection.
const DAY_MS = 86_400_000;

export function parseIsoDate(iso: string): number {
  // Digits read in place (no substrings: every guard and delay on a date comes through here); anything but a
  // plain calendar date of years 1000–9999 goes through Date.UTC as before.
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
    return daysFromCivil(year, month, day) * DAY_MS;
  }
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
}
/** The number written by `length` decimal digits from `start`; -1 if any is not a digit. */
function digitsAt(s: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}
export function toIsoDate(ms: number): string {
  const [year, month, day] = civilFromDays(Math.floor(ms / DAY_MS));
  if (year < 1000 || year > 9999) return new Date(ms).toISOString().slice(0, 10);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
// Gregorian dates and day numbers (days since 1970-01-01) by integer arithmetic (H. Hinnant's civil_from_days and
// days_from_civil): the same as Date's for years 1000–9999, a tenth of its cost (cohorts work out a date per milestone).
function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - Math.floor((153 * mp + 2) / 5) + 1];
}
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
export function addDays(iso: string, days: number): string {
  return toIsoDate(parseIsoDate(iso) + Math.round(days) * DAY_MS);
}
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((parseIsoDate(toIso) - parseIsoDate(fromIso)) / DAY_MS);
}
/** Calendar months later (31 Jan + 1 month = 28/29 Feb, as document validity is counted). */
export function addMonths(iso: string, months: number): string {
  // By integer arithmetic on year and month (no Date objects: delays and ages call this per event).
  const total = +iso.slice(0, 4) * 12 + (+iso.slice(5, 7) - 1) + Math.trunc(months);
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year >= 1000 && year <= 9999 && Number.isInteger(months)) {
    const day = Math.min(+iso.slice(8, 10), daysInMonth(year, month));
    return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
  }
  return addMonthsByDate(iso, months);
}
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function addMonthsByDate(iso: string, months: number): string {
  const d = new Date(parseIsoDate(iso));
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return toIsoDate(d.getTime());
}
export function addYears(iso: string, years: number): string {
  return addMonths(iso, Math.round(years * 12));
}
/**
 * Age on `dateIso` of a person born on `birthIso`: the whole years by the calendar (a birthday counts from its
 * own day, so 18 is reached on the 18th birthday), plus the share of the current year already lived.
 */
export function ageOn(birthIso: string, dateIso: string): number {
  let years = Number(dateIso.slice(0, 4)) - Number(birthIso.slice(0, 4));
  if (addYears(birthIso, years) > dateIso) years -= 1;
  const lastBirthday = addYears(birthIso, years);
  return years + daysBetween(lastBirthday, dateIso) / daysBetween(lastBirthday, addYears(birthIso, years + 1));
}
/** Days from `day` (since `start`) until `months` calendar months later. */
export function monthsAsDays(start: string, day: number, months: number): number {
  // Delays call this per document: the same calendar rule as addMonths, on day numbers rather than strings.
  const from = Math.round(parseIsoDate(start) / DAY_MS) + Math.round(day);
  const [year, month, dayOfMonth] = civilFromDays(from);
  if (!Number.isInteger(months) || year < 1000 || year > 9999) {
    const fromIso = addDays(start, day);
    return daysBetween(fromIso, addMonths(fromIso, months));
  }
  const total = year * 12 + (month - 1) + months;
  const toYear = Math.floor(total / 12);
  const toMonth = total - toYear * 12 + 1;
  return daysFromCivil(toYear, toMonth, Math.min(dayOfMonth, daysInMonth(toYear, toMonth))) - from;
}
/** Days needed to cover `workingDays` working days (Mon–Fri; public holidays not modelled). */
export function workingDaysAsDays(start: string, day: number, workingDays: number): number {
  let date = parseIsoDate(addDays(start, day));
  let elapsed = 0;
  let counted = 0;
  while (counted < workingDays) {
    date += DAY_MS;
    elapsed += 1;
    const weekday = new Date(date).getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return elapsed;
}
export function isValidIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return toIsoDate(parseIsoDate(s)) === s;
}
