import { daysBetween, type IsoDate } from '@npa/platform';

export interface StatusPoint {
  asOf: IsoDate;
  status: string;
}

const WIDTH = 600;
const HEIGHT = 120;
const LEFT = 110;
const RIGHT = 10;
const TOP = 20;
const BOTTOM = 90;

/**
 * A step line of a service's status over time, as plain numbers for an SVG drawn by the view:
 * compliant along the top, not compliant along the bottom, from the first snapshot to today.
 */
export function statusChart(history: readonly StatusPoint[], today: IsoDate) {
  if (history.length === 0) return null;
  const first = history[0].asOf;
  const span = Math.max(1, daysBetween(first, today));
  const x = (date: IsoDate) => Math.round(LEFT + ((WIDTH - LEFT - RIGHT) * Math.min(span, Math.max(0, daysBetween(first, date)))) / span);
  const y = (status: string) => (status === 'compliant' ? TOP : BOTTOM);
  const points: string[] = [];
  history.forEach((h, i) => {
    if (i > 0) points.push(`${x(h.asOf)},${y(history[i - 1].status)}`);
    points.push(`${x(h.asOf)},${y(h.status)}`);
  });
  // Today is the right-hand edge, even when the only snapshot is today's.
  points.push(`${WIDTH - RIGHT},${y(history[history.length - 1].status)}`);
  const changes = history.filter((h, i) => i === 0 || h.status !== history[i - 1].status);
  return {
    width: WIDTH,
    height: HEIGHT,
    points: points.join(' '),
    top: TOP,
    bottom: BOTTOM,
    left: LEFT,
    right: WIDTH - RIGHT,
    labelX: LEFT - 8,
    from: first,
    to: today,
    axisY: HEIGHT - 8,
    changes,
  };
}
