// EEA (and Swiss) membership by date: the guardianship law treats EEA/Swiss children apart (LAW-2014), and
// membership is derived as of the detection date (case-format.md). Dates: EU/EEA accession treaties.
export interface Membership {
  from: string;
  to?: string;
  note: string;
}

const FOUNDERS = '1958-01-01';
export const EEA_MEMBERSHIP: Record<string, Membership> = {
  BE: { from: FOUNDERS, note: 'EEC founder' },
  DE: { from: FOUNDERS, note: 'EEC founder' },
  FR: { from: FOUNDERS, note: 'EEC founder' },
  IT: { from: FOUNDERS, note: 'EEC founder' },
  LU: { from: FOUNDERS, note: 'EEC founder' },
  NL: { from: FOUNDERS, note: 'EEC founder' },
  DK: { from: '1973-01-01', note: 'EC accession 1973' },
  IE: { from: '1973-01-01', note: 'EC accession 1973' },
  // Assumption: free movement for UK nationals lasted until the end of the Brexit transition period.
  GB: { from: '1973-01-01', to: '2020-12-31', note: 'EC accession 1973; left the EU 31 Jan 2020, transition to 31 Dec 2020' },
  GR: { from: '1981-01-01', note: 'EC accession 1981' },
  ES: { from: '1986-01-01', note: 'EC accession 1986' },
  PT: { from: '1986-01-01', note: 'EC accession 1986' },
  IS: { from: '1994-01-01', note: 'EEA Agreement 1994' },
  NO: { from: '1994-01-01', note: 'EEA Agreement 1994' },
  AT: { from: '1994-01-01', note: 'EEA 1994, EU 1995' },
  FI: { from: '1994-01-01', note: 'EEA 1994, EU 1995' },
  SE: { from: '1994-01-01', note: 'EEA 1994, EU 1995' },
  LI: { from: '1995-05-01', note: 'EEA Agreement 1995' },
  // The 2014 guardianship law names Swiss children with EEA children (LAW-2014).
  CH: { from: '2002-06-01', note: 'EU–Swiss free movement agreement 2002' },
  CY: { from: '2004-05-01', note: 'EU accession 2004' },
  CZ: { from: '2004-05-01', note: 'EU accession 2004' },
  EE: { from: '2004-05-01', note: 'EU accession 2004' },
  HU: { from: '2004-05-01', note: 'EU accession 2004' },
  LV: { from: '2004-05-01', note: 'EU accession 2004' },
  LT: { from: '2004-05-01', note: 'EU accession 2004' },
  MT: { from: '2004-05-01', note: 'EU accession 2004' },
  PL: { from: '2004-05-01', note: 'EU accession 2004' },
  SK: { from: '2004-05-01', note: 'EU accession 2004' },
  SI: { from: '2004-05-01', note: 'EU accession 2004' },
  BG: { from: '2007-01-01', note: 'EU accession 2007' },
  RO: { from: '2007-01-01', note: 'EU accession 2007' },
  HR: { from: '2013-07-01', note: 'EU accession 2013' },
};

export function isEeaNationalOn(nationality: string, date: string): boolean {
  const m = EEA_MEMBERSHIP[nationality.toUpperCase()];
  return !!m && m.from <= date && (m.to === undefined || date <= m.to);
}

/**
 * The days from `from` to `to` (ISO dates) a nationality's membership changes on, after its membership on `from`:
 * two nationalities with the same answer are EEA nationals on exactly the same days of that stretch.
 */
export function eeaMembershipBetween(nationality: string, from: string, to: string): string {
  const m = EEA_MEMBERSHIP[nationality.toUpperCase()];
  const changes = m ? [m.from, ...(m.to ? [m.to] : [])].filter((day) => from < day && day <= to) : [];
  return [isEeaNationalOn(nationality, from) ? 'eea' : 'not', ...changes].join(' ');
}
