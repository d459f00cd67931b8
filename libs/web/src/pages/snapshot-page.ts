// The national snapshot laid out for the office page: the headline figures and the full list as
// snapshot-lines words them (never a second wording), charts of the counts, and the regions in the order
// they sit on the map, north to south.
import { REGIONS, AGE_RANGES, FUNDING_LABELS, FUNDING_SOURCES, share, type Snapshot, snapshotLines, type SnapshotLine } from '@npa/returns';
import { barChart } from './bar-chart';
import { AGE_RANGE_TEXT } from './return-form';

/** The figures the NPA quotes first, as big numbers. */
const HEADLINES = ['registeredServices', 'authoritiesCovered', 'withWaitingList', 'referralsAccepted', 'childrenSupported', 'costPerChild', 'averageTeamFte'];

const mapOrder = (region: string) => {
  const i = (REGIONS as readonly string[]).indexOf(region);
  return i === -1 ? REGIONS.length : i;
};

function charts(s: Snapshot) {
  const filed = `${s.returnsFiled} returns filed for ${s.year.label}`;
  const demand = [
    ...(s.previous
      ? [{ short: `Referrals ${s.previous.year.label}`, longLabel: `Referrals accepted in ${s.previous.year.label}`, value: s.previous.referralsAccepted }]
      : []),
    { short: `Referrals ${s.year.label}`, longLabel: `Referrals accepted in ${s.year.label}`, value: s.referralsAccepted },
    ...(s.previous
      ? [{ short: `Children ${s.previous.year.label}`, longLabel: `Children supported in ${s.previous.year.label}`, value: s.previous.childrenSupported }]
      : []),
    { short: `Children ${s.year.label}`, longLabel: `Children supported in ${s.year.label}`, value: s.childrenSupported },
  ];
  return {
    funding: barChart(
      'chart-funding',
      `Services by main funding source, of ${filed}`,
      FUNDING_SOURCES.map((f) => ({ short: FUNDING_LABELS[f], longLabel: `Funded mainly by ${FUNDING_LABELS[f].toLowerCase()}`, value: s.funding[f].count })),
    ),
    ages: barChart(
      'chart-ages',
      `Services by age range served, of ${filed}`,
      AGE_RANGES.map((a) => ({ short: AGE_RANGE_TEXT(a), longLabel: `Supporting children aged ${AGE_RANGE_TEXT(a)}`, value: s.ageRanges[a].count })),
    ),
    demand: barChart(
      'chart-demand',
      s.previous
        ? `Referrals accepted and children supported, ${s.previous.year.label} and ${s.year.label}`
        : `Referrals accepted and children supported, ${s.year.label}`,
      demand,
    ),
  };
}

export function snapshotPage(s: Snapshot) {
  const lines = snapshotLines(s);
  const byKey = new Map<string, SnapshotLine>(lines.map((l) => [l.key, l]));
  return {
    lines,
    headlines: HEADLINES.map((key) => byKey.get(key)).filter((l): l is SnapshotLine => l !== undefined),
    returnsFiled: byKey.get('returnsFiled'),
    regionsWithoutService: byKey.get('regionsWithoutService'),
    charts: charts(s),
    regions: [...s.regions]
      .sort((a, b) => mapOrder(a.region) - mapOrder(b.region) || a.region.localeCompare(b.region))
      .map((r) => ({ ...r, share: share(r.authoritiesCovered, r.authorities) })),
  };
}
