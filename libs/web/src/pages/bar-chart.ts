/** One bar: what it counts, in words short enough for the axis, and the whole words for a screen reader. */
export interface Bar {
  short: string;
  longLabel: string;
  value: number;
}

const WIDTH = 640;
const HEIGHT = 240;
const TOP = 24;
const BOTTOM = 32;
const SIDE = 8;

/**
 * The geometry of a bar chart, for the `bar-chart` partial to draw as SVG: no charting library, and
 * every number and label still goes through Handlebars' escaping. The description reads out every bar.
 */
export function barChart(id: string, title: string, bars: Bar[]) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = (WIDTH - 2 * SIDE) / Math.max(1, bars.length);
  const plot = HEIGHT - TOP - BOTTOM;
  return {
    id,
    title,
    width: WIDTH,
    height: HEIGHT,
    baseline: HEIGHT - BOTTOM,
    description: `${bars.map((b) => `${b.longLabel}: ${b.value}`).join('; ')}.`,
    bars: bars.map((b, i) => {
      const height = Math.round((b.value / max) * plot);
      const x = Math.round(SIDE + i * slot + slot * 0.15);
      const width = Math.max(1, Math.round(slot * 0.7));
      const y = HEIGHT - BOTTOM - height;
      return { ...b, x, y, width, height, middle: Math.round(x + width / 2), valueY: y - 6, labelY: HEIGHT - BOTTOM + 18 };
    }),
  };
}
