/** KedaExplanation and its text: Active condition, reason code, triggers, lastActiveTime, cooldown, executor. */
import { describe, expect, it } from 'vitest';
import { explainKeda, splitReasonCode } from '../../src/explain/explain-keda.js';
import { renderKeda } from '../../src/explain/render-keda.js';
import { at, kedaRow } from './fixtures.js';

describe('splitReasonCode', () => {
  it.each([
    ['ScalerCooldown: triggers inactive, cooling down: 50 s left', { code: 'ScalerCooldown', text: 'triggers inactive, cooling down: 50 s left' }],
    ['ScalerActive: ', { code: 'ScalerActive', text: '' }],
    ['no jobs: queue empty; not active', null],
  ])('%s', (reason, expected) => {
    expect(splitReasonCode(reason)).toEqual(expected);
  });
});

describe('explainKeda', () => {
  it('explains a poll cooling down toward zero', () => {
    const row = kedaRow({
      line: 9, timeSeconds: 80.414, name: 'llm-worker', target: 'llm-worker', specReplicas: 10, statusReplicas: 10, readyPods: 3, finalReplicas: 10,
      active: 'False', reason: 'ScalerCooldown: triggers inactive, cooling down: lastActiveTime + cooldownPeriod not yet passed (50 s left); no trigger active',
      lastActiveSeconds: 70.414, cooldownLeftSeconds: 50,
      triggers: [{ name: 's0-redis-llm-requests', value: '0', active: false, reason: 'list length 0; 0 ≤ activation 0' }],
    });
    const e = explainKeda(row, kedaRow({ timeSeconds: 70.414, specReplicas: 10, finalReplicas: 10 }), at(80));
    expect(e.kind).toBe('ScaledObject');
    expect(e.reason?.code).toBe('ScalerCooldown');
    expect(e.cooldownLeftSeconds).toBe(50);
    expect(renderKeda(e)).toEqual([
      'ScaledObject llm-worker → llm-worker at t=80.414 s (0h01m20s), nearest to --at 80 s (0.414 s after); decisions.csv line 9',
      '  current: spec 10, status 10, ready pods 3',
      '  triggers (value → active or not, and why):',
      '    s0-redis-llm-requests  value 0 → inactive: list length 0; 0 ≤ activation 0',
      '  active: False — ScalerCooldown: triggers inactive, cooling down: lastActiveTime + cooldownPeriod not yet passed (50 s left); no trigger active',
      '  lastActiveTime: t=70.414 s (0h01m10s), 10 s before this poll; cooldown: cooling down, 50 s left',
      '  executor: wrote nothing (10 replicas stay; the HPA scales between 1 and max)',
      '  previous poll at t=70.414 s (0h01m10s): active True (ScalerActive), 10 → 10',
    ]);
  });

  it('says what the executor wrote on activation from zero', () => {
    const row = kedaRow({ specReplicas: 0, finalReplicas: 1, rescale: true, executorWrote: true, reason: 'ScalerActive: triggers active: scale from 0 to 1; active: redis' });
    expect(renderKeda(explainKeda(row, undefined, at(100)))).toContain('  executor: wrote 0 → 1 replicas');
  });

  it('a ScaledJob: the jobs it created, and a reason without a code', () => {
    const row = kedaRow({ target: 'jobs/worker', specReplicas: 2, finalReplicas: 5, executorWrote: true, reason: 'create 3 jobs; queue 5 over 2 running' });
    const e = explainKeda(row, undefined, at(100));
    expect(e.kind).toBe('ScaledJob');
    expect(e.reason).toEqual({ code: '', text: 'create 3 jobs; queue 5 over 2 running' });
    const lines = renderKeda(e);
    expect(lines[0]).toMatch(/^ScaledJob web → jobs\/worker at /);
    expect(lines).toContain('  executor: created 3 job(s): 2 → 5 running');
    expect(lines).toContain('  active: True — create 3 jobs; queue 5 over 2 running');
    expect(lines.at(-1)).toBe('  previous poll: none (this is the first)');
  });

  it('a trigger the HPA reads has no value', () => {
    const row = kedaRow({ triggers: [{ name: 's0-cpu', value: '', active: false, reason: 'resource metric (read by the HPA)' }], lastActiveSeconds: undefined });
    const lines = renderKeda(explainKeda(row, undefined, at(100)));
    expect(lines).toContain('    s0-cpu  (no value) → inactive: resource metric (read by the HPA)');
    expect(lines).toContain('  lastActiveTime: never set; cooldown: not cooling down');
  });
});
