import { describe, expect, it } from 'vitest';
import { buildCostCsvRows, COST_CSV_HEADER, formatCostCsv } from '../../../src/report/cost/cost-csv.js';
import { buildCostReport, type CostReportInput } from '../../../src/report/cost/cost-report.js';
import { FARGATE_PRICING, GIB, makeBilling, makeNodeRecord, makeVirtualRecord } from './cost-fixtures.js';

const INPUT: CostReportInput = {
  runSeconds: 7200,
  reportCurrency: 'USD',
  rates: [{ from: 'USD', to: 'CNY', rate: 7 }],
  servedRequests: 2_000_000,
  nodes: [
    makeNodeRecord({ node: 'r1', pool: 'base', billing: makeBilling({ kind: 'reserved', pricePerHour: 1 }) }),
    makeNodeRecord({
      node: 'o1',
      pool: 'burst',
      billing: makeBilling({ pricePerHour: 2, granularitySeconds: 3600, minimumSeconds: 0 }),
      startSeconds: 600,
      endSeconds: 4000,
    }),
  ],
  virtualPods: [makeVirtualRecord({ pod: 'v1', pool: 'eci', startSeconds: 0, endSeconds: 1000 })],
  usage: [
    {
      pool: 'base',
      cpuRequestedMillicoreSeconds: 3.6e6,
      cpuUsedMillicoreSeconds: 1.8e6,
      cpuAllocatableMillicoreSeconds: 28.8e6,
      memoryRequestedByteSeconds: 0,
      memoryUsedByteSeconds: 0,
      memoryAllocatableByteSeconds: 0,
    },
  ],
};

describe('cost.csv', () => {
  const rows = buildCostCsvRows(buildCostReport(INPUT));
  const column = (line: readonly (string | number)[], name: string) => line[COST_CSV_HEADER.indexOf(name)];

  it('returns data lines only; formatCostCsv puts the header first', () => {
    expect(rows[0]).not.toEqual([...COST_CSV_HEADER]);
    expect(formatCostCsv(buildCostReport(INPUT)).split('\n')[0]).toBe(COST_CSV_HEADER.join(','));
  });

  it('lists each class after its pools, then the total; converted lines only where a rate exists', () => {
    expect(rows.map((l) => l.slice(0, 5).join(' '))).toEqual([
      'pool reserved base USD billed',
      'class reserved  USD billed',
      'pool onDemand burst USD billed',
      'class onDemand  USD billed',
      'pool virtual eci CNY billed',
      'pool virtual eci USD converted',
      'class virtual  CNY billed',
      'class virtual  USD converted',
      'total   CNY billed',
      'total   USD billed',
      'total   USD converted',
    ]);
  });

  it('money in cents, per-unit costs in micro-units, hours to 3 decimals', () => {
    const reserved = rows[0]!;
    expect(column(reserved, 'cost')).toBe('2.00');
    expect(column(reserved, 'idle_cost')).toBe('1.75');
    expect(column(reserved, 'cost_per_million_requests')).toBe('1.000000');
    expect(column(reserved, 'cost_per_active_user_hour')).toBe('');
    expect(column(reserved, 'billed_node_hours')).toBe('2.000');
    expect(column(reserved, 'cpu_allocatable_core_hours')).toBe('8.000');
    expect(column(reserved, 'cpu_used_core_hours')).toBe('0.500');
    const eci = rows[4]!;
    expect(column(eci, 'cost')).toBe('0.12'); // 1000 s × 0.00012252 CNY/s = 0.12252
    expect(column(eci, 'billed_pod_seconds')).toBe('1000.000');
    const total = rows.at(-1)!;
    expect(column(total, 'cost')).toBe('4.02'); // 4 USD + 0.12252 CNY ÷ 7
  });

  it('formats RFC 4180 lines ending in a newline', () => {
    const text = formatCostCsv(buildCostReport(INPUT));
    expect(text.split('\n')).toHaveLength(rows.length + 2);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('an empty run still has a total line', () => {
    const empty = buildCostCsvRows(buildCostReport({ ...INPUT, nodes: [], virtualPods: [], usage: [], reportCurrency: undefined }));
    expect(empty.map((l) => l.slice(0, 6).join(' '))).toEqual(['total    billed 0.00']);
  });

  it('a pool without a price gets a line of basis unpriced after the total: its usage, no money', () => {
    const usage = { pool: 'free', cpuRequestedMillicoreSeconds: 3_600_000, cpuUsedMillicoreSeconds: 1_800_000, cpuAllocatableMillicoreSeconds: 7_200_000, memoryRequestedByteSeconds: 3600 * 2 ** 30, memoryUsedByteSeconds: 1800 * 2 ** 30, memoryAllocatableByteSeconds: 7200 * 2 ** 30 };
    const lines = buildCostCsvRows(buildCostReport({ ...INPUT, nodes: [], virtualPods: [], usage: [usage], reportCurrency: undefined }));
    expect(lines.map((l) => l.join(','))).toEqual([
      'total,,,,billed,0.00,,,,0,0.000,0,0.000,0.000,0.000,0.000,0.000,0.000,0.000',
      'pool,,free,,unpriced,,,,,,,,,1.000,2.000,0.500,1.000,2.000,0.500',
    ]);
    expect(lines[1]).toHaveLength(COST_CSV_HEADER.length);
  });

  it('a line in one currency counts only that currency\'s pods, billed time and usage; the converted line counts all', () => {
    const usageOf = (pool: string, cpuCoreHours: number) => ({
      pool,
      cpuRequestedMillicoreSeconds: cpuCoreHours * 3.6e6,
      cpuUsedMillicoreSeconds: 0,
      cpuAllocatableMillicoreSeconds: cpuCoreHours * 3.6e6,
      memoryRequestedByteSeconds: 0,
      memoryUsedByteSeconds: 0,
      memoryAllocatableByteSeconds: 0,
    });
    const mixed = buildCostCsvRows(
      buildCostReport({
        ...INPUT,
        nodes: [],
        rates: [{ from: 'CNY', to: 'USD', rate: 0.14 }],
        virtualPods: [
          makeVirtualRecord({ pod: 'e1', pool: 'eci', startSeconds: 0, endSeconds: 600 }),
          makeVirtualRecord({ pod: 'e2', pool: 'eci', startSeconds: 0, endSeconds: 400 }),
          makeVirtualRecord({ pod: 'e3', pool: 'eci-b', startSeconds: 0, endSeconds: 300 }),
          makeVirtualRecord({ pod: 'f1', pool: 'fargate', pricing: FARGATE_PRICING, size: { cpuMillicores: 250, memoryBytes: GIB }, startSeconds: 0, endSeconds: 591 }),
        ],
        usage: [usageOf('eci', 1), usageOf('eci-b', 0.5), usageOf('fargate', 0.25)],
      }),
    );
    const cells = (scope: string, currency: string, basis: string) => {
      const line = mixed.find((l) => l[0] === scope && l[3] === currency && l[4] === basis)!;
      return ['pod_count', 'billed_pod_seconds', 'cpu_requested_core_hours'].map((name) => column(line, name));
    };
    expect(cells('class', 'CNY', 'billed')).toEqual([3, '1300.000', '1.500']);
    expect(cells('class', 'USD', 'billed')).toEqual([1, '591.000', '0.250']);
    expect(cells('total', 'CNY', 'billed')).toEqual([3, '1300.000', '1.500']);
    expect(cells('total', 'USD', 'billed')).toEqual([1, '591.000', '0.250']);
    expect(cells('total', 'USD', 'converted')).toEqual([4, '1891.000', '1.750']);
  });
});
