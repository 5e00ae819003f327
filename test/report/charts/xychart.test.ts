/** Mermaid xychart text: axes with units, hours vs days, one `line` per series, numbers it parses. */
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../../src/report/charts/chart-spec.js';
import { chartName } from '../../../src/report/charts/chart-spec.js';
import { BLUE, GREEN, LIGHT_BLUE, RED } from '../../../src/report/charts/palette.js';
import { chooseTimeAxis } from '../../../src/report/charts/time-axis.js';
import { formatChartNumber, formatLegend, formatXyChart, yAxisRange } from '../../../src/report/charts/xychart.js';

function spec(over: Partial<ChartSpec> = {}): ChartSpec {
  const times = [900, 1800, 2700, 3600];
  return {
    name: 'load-web',
    title: 'web: offered vs served load',
    yAxisLabel: 'requests/s',
    timeAxis: chooseTimeAxis(3600),
    timesSeconds: times,
    lines: [
      { label: 'offered', colour: LIGHT_BLUE, values: [10, 20, 30.123456, 5], widthPx: 7 },
      { label: 'served', colour: GREEN, values: [10, 20, 25, 5] },
      { label: 'dropped', colour: RED, values: [0, 0, 5.123456, 0] },
    ],
    ...over,
  };
}

describe('chooseTimeAxis', () => {
  it.each([
    [3600, 'time (h)'],
    [3 * 86_400, 'time (h)'],
    [3 * 86_400 + 1, 'time (d)'],
    [27 * 86_400, 'time (d)'],
  ])('a %i s run is drawn in %s', (seconds, label) => {
    expect(chooseTimeAxis(seconds).label).toBe(label);
  });
});

describe('formatXyChart', () => {
  const text = formatXyChart(spec());
  const lines = text.split('\n');

  it('is an xychart-beta with a quoted title and axis titles with units', () => {
    expect(lines[1]).toBe('xychart-beta');
    expect(lines).toContain('  title "web: offered vs served load"');
    expect(lines).toContain('  x-axis "time (h)" 0.25 --> 1');
    expect(lines).toContain('  y-axis "requests/s" 0 --> 35');
  });

  it('has one line statement per series, each with the same number of points', () => {
    const series = lines.filter((l) => l.startsWith('  line ['));
    expect(series).toHaveLength(3);
    // One point per grid time, the first at the first sample: nothing is repeated at 0.
    for (const s of series) expect(s.split(',')).toHaveLength(4);
    expect(series[0]).toBe('  line [10, 20, 30.12, 5]');
  });

  it('colours the series in order through the init directive and widens the reference line', () => {
    const init = JSON.parse(lines[0]!.replace(/^%%\{init: /, '').replace(/\}%%$/, '')) as Record<string, unknown>;
    expect(init).toMatchObject({
      themeVariables: { xyChart: { plotColorPalette: `${LIGHT_BLUE.hex}, ${GREEN.hex}, ${RED.hex}` } },
      themeCSS: '.line-plot-0 path{stroke-width:7px}',
    });
  });

  it('draws wider lines first whatever their place in the spec, and names widths in the legend', () => {
    const s = spec({ lines: [{ label: 'ready', colour: GREEN, values: [1, 2, 3, 4] }, { label: 'desired', colour: LIGHT_BLUE, values: [2, 2, 3, 4], widthPx: 7 }] });
    expect(formatXyChart(s).split('\n').filter((l) => l.startsWith('  line'))[0]).toBe('  line [2, 2, 3, 4]');
    expect(formatLegend(s)).toBe('🟦 desired (light blue, wide) · 🟩 ready (green)');
    const three = spec({ lines: [{ label: 'c', colour: GREEN, values: [1] }, { label: 'a', colour: BLUE, values: [1], widthPx: 8 }, { label: 'b', colour: RED, values: [1], widthPx: 5 }] });
    expect(formatLegend(three)).toBe('🟦 a (blue, 8 px) · 🟥 b (red, 5 px) · 🟩 c (green)');
    expect(formatXyChart(three)).toContain('"themeCSS":".line-plot-0 path{stroke-width:8px} .line-plot-1 path{stroke-width:5px}"');
  });

  it('escapes a label in the legend (a pool, workload, variant or sweep setting is free text), not in the Mermaid title', () => {
    const s = spec({ title: 'x-_y_ nodes', lines: [{ label: 'x-_y_ nodes, spot', colour: BLUE, values: [1] }, { label: 'SLO p95<8ms', colour: RED, values: [1] }] });
    expect(formatLegend(s)).toBe('🟦 x-\\_y\\_ nodes, spot (blue) · 🟥 SLO p95\\<8ms (red)');
    expect(formatXyChart(s)).toContain('title "x-_y_ nodes"');
  });

  it('uses days on a long run', () => {
    const s = spec({ timeAxis: chooseTimeAxis(10 * 86_400), timesSeconds: [86_400, 2 * 86_400, 3 * 86_400, 4 * 86_400] });
    expect(formatXyChart(s)).toContain('x-axis "time (d)" 1 --> 4');
  });

  it('draws a cumulative series from its first sample, not from a made-up point at 0 with its value', () => {
    // A cumulative cost is 0 at t = 0, and the first sample (5 min in) is 1.279: a point at 0
    // drawn with 1.279 would claim money was spent before the run began.
    const times = [300, 600, 900, 1200];
    const cost = spec({ timesSeconds: times, lines: [{ label: 'total', colour: BLUE, values: [1.279, 2.557, 3.836, 5.114] }] });
    const text = formatXyChart(cost).split('\n');
    expect(text).toContain('  x-axis "time (h)" 0.08333 --> 0.3333');
    expect(text.filter((l) => l.startsWith('  line'))).toEqual(['  line [1.279, 2.557, 3.836, 5.114]']);
  });

  it('draws a lone sample flat over its interval, from 0 to its time (Mermaid needs two points)', () => {
    const one = spec({ timesSeconds: [900], lines: [{ label: 'a', colour: BLUE, values: [3] }] });
    const text = formatXyChart(one).split('\n');
    expect(text).toContain('  x-axis "time (h)" 0 --> 0.25');
    expect(text).toContain('  line [3, 3]');
  });

  it('keeps quotes and line breaks out of titles', () => {
    expect(formatXyChart(spec({ title: 'a "b"\nc' }))).toContain(`title "a 'b' c"`);
  });
});

describe('numbers and ranges', () => {
  it.each([
    [0, '0'],
    [1e-9, '0'],
    [0.000123456, '0.0001235'],
    [123456.789, '123500'],
    [3, '3'],
    [1e22, '10000000000000000000000'],
  ])('formats %d as %s (no exponent)', (value, text) => {
    expect(formatChartNumber(value)).toBe(text);
  });

  it('puts the y-axis top on a nice value above the peak; whole for counts; 1 when flat at 0', () => {
    expect(yAxisRange([{ label: 'a', colour: BLUE, values: [0, 147.5] }])).toEqual([0, 160]);
    expect(yAxisRange([{ label: 'a', colour: BLUE, values: [1, 3] }])).toEqual([0, 4]);
    expect(yAxisRange([{ label: 'a', colour: BLUE, values: [0, 0] }])).toEqual([0, 1]);
  });

  it('makes file-safe chart names', () => {
    expect(chartName('load', 'My App/v2')).toBe('load-my-app-v2');
  });
});
