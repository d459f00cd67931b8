// The snapshot in words: one line per figure with its label, its value as the NPA would print it, and the
// year before beside it. The page, the CSV and the PDF report all read these lines, so a figure is worded
// (and rounded) in one place only.
import { FUNDING_LABELS, FUNDING_SOURCES, AGE_RANGES } from './figures';
import { SIGNIFICANT_RISE, type Change, type Share, type Snapshot, type YearFigures } from './snapshot';

export interface SnapshotLine {
  key: string;
  label: string;
  /** As printed: "32%", "14,000", "£2,400", "4.5 FTE". */
  value: string;
  /** The plain number behind the value (the count of a share), for the CSV; null when there is none. */
  number: number | null;
  /** For shares: "101 of 317 local authorities". */
  detail?: string;
  share?: Share;
  previous?: string;
  change?: string;
}

const whole = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });
const pounds = (n: number | null) => (n === null ? 'no returns' : `£${whole(n)}`);
const percent = (s: Share) => (s.percent === null ? 'no returns' : `${s.percent}%`);
const ofWhat = (s: Share, what: string) => `${whole(s.count)} of ${whole(s.of)} ${what}`;

function changeText(c: Change, money = false): string | undefined {
  if (c.difference === null) return undefined;
  const sign = c.difference > 0 ? '+' : c.difference < 0 ? '−' : '±';
  const amount = `${money ? '£' : ''}${whole(Math.abs(c.difference))}`;
  if (c.percent === null) return `${sign}${amount}`;
  return `${sign}${amount} (${c.percent > 0 ? '+' : c.percent < 0 ? '−' : '±'}${Math.abs(c.percent)}%)`;
}

/** A share's change on the year before, in percentage points of the whole per cents shown. */
function pointsText(now: Share, before: Share): string | undefined {
  if (now.percent === null || before.percent === null) return undefined;
  const d = now.percent - before.percent;
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d)} ${Math.abs(d) === 1 ? 'point' : 'points'}`;
}

function shareLine(key: string, label: string, s: Share, what: string, before?: Share): SnapshotLine {
  const change = before ? pointsText(s, before) : undefined;
  return {
    key,
    label,
    value: percent(s),
    number: s.count,
    share: s,
    detail: ofWhat(s, what),
    ...(before ? { previous: percent(before) } : {}),
    ...(change ? { change } : {}),
  };
}

export function snapshotLines(s: Snapshot): SnapshotLine[] {
  const p: YearFigures | null = s.previous;
  const returns = 'returns filed';
  return [
    {
      key: 'registeredServices',
      label: 'Portage services registered with the NPA',
      value: whole(s.registeredServices),
      number: s.registeredServices,
      ...(p ? { previous: whole(p.registeredServices) } : {}),
      change: changeText(s.changes.registeredServices),
    },
    {
      key: 'returnsFiled',
      label: 'Annual returns filed',
      value: `${whole(s.returnsFiled)} of ${whole(s.registeredServices)}`,
      number: s.returnsFiled,
      detail: s.returnsMissing === 0 ? 'every registered service filed' : `${whole(s.returnsMissing)} missing, counted as missing, not as zero`,
      ...(p ? { previous: `${whole(p.returnsFiled)} of ${whole(p.registeredServices)}` } : {}),
    },
    shareLine('authoritiesCovered', 'Local authorities with a registered Portage service', s.authoritiesCovered, 'local authorities', p?.authoritiesCovered),
    shareLine('withWaitingList', 'Services holding a waiting list', s.withWaitingList, returns, p?.withWaitingList),
    {
      key: 'childrenWaiting',
      label: 'Children on waiting lists at the year end',
      value: whole(s.childrenWaiting),
      number: s.childrenWaiting,
      ...(p ? { previous: whole(p.childrenWaiting) } : {}),
    },
    ...FUNDING_SOURCES.map((f) => shareLine(`funding.${f}`, `Funded mainly by: ${FUNDING_LABELS[f].toLowerCase()}`, s.funding[f], returns, p?.funding[f])),
    shareLine('withBudgetCut', 'Services with a budget cut in the last 12 months', s.withBudgetCut, returns, p?.withBudgetCut),
    shareLine(
      'referralsRoseSignificantly',
      `Services whose referrals rose by ${SIGNIFICANT_RISE * 100}% or more on the year before`,
      s.referralsRoseSignificantly,
      'services that filed both years',
    ),
    {
      key: 'referralsAccepted',
      label: 'Referrals accepted',
      value: whole(s.referralsAccepted),
      number: s.referralsAccepted,
      ...(p ? { previous: whole(p.referralsAccepted) } : {}),
      change: changeText(s.changes.referralsAccepted),
    },
    {
      key: 'childrenSupported',
      label: 'Children who received a Portage intervention',
      value: whole(s.childrenSupported),
      number: s.childrenSupported,
      ...(p ? { previous: whole(p.childrenSupported) } : {}),
      change: changeText(s.changes.childrenSupported),
    },
    ...AGE_RANGES.map((a) =>
      shareLine(`ageRange.${a}`, `Services supporting children aged ${a.replace('-', '–')} years`, s.ageRanges[a], returns, p?.ageRanges[a]),
    ),
    {
      key: 'averageCostPerService',
      label: 'Average annual cost per service',
      value: pounds(s.averageCostPerService),
      number: s.averageCostPerService,
      ...(p ? { previous: pounds(p.averageCostPerService) } : {}),
      change: changeText(s.changes.averageCostPerService, true),
    },
    {
      key: 'costPerChild',
      label: 'Cost per child supported',
      value: pounds(s.costPerChild),
      number: s.costPerChild,
      detail: 'all costs divided by all children supported',
      ...(p ? { previous: pounds(p.costPerChild) } : {}),
      change: changeText(s.changes.costPerChild, true),
    },
    {
      key: 'averageTeamFte',
      label: 'Average team size',
      value: s.averageTeamFte === null ? 'no returns' : `${whole(s.averageTeamFte)} FTE`,
      number: s.averageTeamFte,
      ...(p ? { previous: p.averageTeamFte === null ? 'no returns' : `${whole(p.averageTeamFte)} FTE` } : {}),
      change: changeText(s.changes.averageTeamFte),
    },
    {
      key: 'regionsWithoutService',
      label: 'Regions without a registered service',
      value: s.regionsWithoutService.length === 0 ? 'none' : s.regionsWithoutService.join(', '),
      number: s.regionsWithoutService.length,
    },
  ];
}
