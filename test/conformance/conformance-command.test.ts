import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerConformanceCommand, runConformanceCli } from '../../src/cli/commands/conformance.js';

const FIXTURE = 'test/fixtures/fidelity-vectors.json';
const dir = mkdtempSync(join(tmpdir(), 'scalesim-conformance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(file: string, flags: { json?: boolean } = {}) {
  let out = '';
  let err = '';
  const code = runConformanceCli(file, flags, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function writeVectors(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('scalesim conformance', () => {
  it('prints one line per vector and the totals; exit 0 when nothing that ran failed', () => {
    const { code, out, err } = capture(FIXTURE);
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('conformance: 141 passed, 0 failed, 0 skipped');
    expect(out).toMatch(/hpa-rc-001\s+hpa\.replicaCalc\s+PASS\s+desiredReplicas=5 .*utilizationPercent=50/);
    expect(out).toMatch(/ca-binpack-001\s+ca\.binpacking\s+PASS\s+nodeCount=5 scheduledPodCount=10/);
  });

  it('--json prints only the JSON array of {id, kind, pass, actual}', () => {
    const { code, out } = capture(FIXTURE, { json: true });
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    expect(rows.find((r) => r.id === 'hpa-legacy-005')).toEqual({
      id: 'hpa-legacy-005',
      kind: 'hpa.legacyConvert',
      pass: true,
      actual: { desiredReplicas: 6, condition: 'ScaleUpLimit', scaleUpLimit: 6 },
    });
    expect(rows.find((r) => r.id === 'ca-timing-006')).toMatchObject({ kind: 'ca.scaleDownTiming', pass: true, actual: { scaleDownInCooldown: false } });
    expect(rows.filter((r) => r.pass === null)).toEqual([]);
    expect(rows.find((r) => r.id === 'keda-job-001')).toMatchObject({ kind: 'keda.scaledJobStrategy', pass: true, actual: { effectiveMaxScale: 1 } });
  });

  it('a failing vector prints the mismatching keys and exits 1', () => {
    const file = writeVectors(
      'fail.json',
      JSON.stringify([{ id: 'f1', kind: 'hpa.legacyConvert', input: { currentReplicas: 3, desiredReplicas: 1, minReplicas: 2, maxReplicas: 8 }, expected: { desiredReplicas: 3 } }]),
    );
    const { code, out } = capture(file);
    expect(code).toBe(1);
    expect(out).toContain('FAIL');
    expect(out).toContain('mismatch desiredReplicas: expected 3, actual 2');
    expect(out).toContain('conformance: 0 passed, 1 failed, 0 skipped');
  });

  it.each([
    ['a missing file', join(dir, 'nope.json'), /cannot read .*nope\.json: no such file; expected a JSON array of test vectors/],
    ['invalid JSON', writeVectors('bad.json', '[{'), /bad\.json is not valid JSON .*expected a JSON array/],
    ['a JSON object instead of an array', writeVectors('obj.json', '{"id":1}'), /obj\.json holds a JSON object; expected a JSON array/],
    ['an empty array, which would check nothing', writeVectors('empty.json', '[]'), /empty\.json holds no vectors \(an empty array\): nothing would be checked/],
    ['a vector without input', writeVectors('noinput.json', '[{"id":"a","kind":"hpa.replicaCalc","expected":{}}]'), /noinput\.json: vector \[0\] \(a\) has no input object/],
    ['a vector that is not an object', writeVectors('num.json', '[3]'), /num\.json: vector \[0\] is a number, expected an object/],
  ])('%s: one line on stderr naming the file, exit 2, no stack trace', (_name, file, message) => {
    const { code, out, err } = capture(file);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('with --json, a file it cannot use is also a JSON failure on standard output', () => {
    const missing = join(dir, 'nope.json');
    const { code, out, err } = capture(missing, { json: true });
    expect(code).toBe(2);
    expect(err).toMatch(/no such file/);
    expect(JSON.parse(out)).toEqual({ ok: false, exitCode: 2, problems: [{ file: missing, message: expect.stringMatching(/^cannot read .*nope\.json: no such file/) }], warnings: [] });
  });

  it('registers the command with an example in its help', () => {
    const program = new Command();
    registerConformanceCommand(program);
    const cmd = program.commands.find((c) => c.name() === 'conformance');
    expect(cmd).toBeDefined();
    let help = '';
    cmd?.configureOutput({ writeOut: (s) => (help += s) });
    cmd?.outputHelp();
    expect(help).toContain('--json');
    expect(help).toContain('$ scalesim conformance test/fixtures/fidelity-vectors.json');
  });

  it('sets process.exitCode through commander', async () => {
    const program = new Command().exitOverride();
    registerConformanceCommand(program);
    const previous = process.exitCode;
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      await program.parseAsync(['node', 'scalesim', 'conformance', join(dir, 'absent.json')]);
      expect(process.exitCode).toBe(2);
    } finally {
      process.stderr.write = write;
      process.exitCode = previous;
    }
  });
});
