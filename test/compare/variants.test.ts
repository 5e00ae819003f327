/**
 * The names of compared variants: each names a folder at the top of compare's output folder, so a
 * name must not be one of the files compare writes there (in any letter case), must differ from
 * every other variant's in more than letter case (the base scenario's "base" included), and must be
 * a folder name Windows can make — all refused up front as input errors on --variant (exit 2), before
 * any variant runs.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { isReservedOutputName, RESERVED_OUTPUT_NAMES } from '../../src/compare/output-names.js';
import { resolveVariants } from '../../src/compare/variants.js';
import { registerCompareCommand } from '../../src/cli/commands/compare.js';
import { UserInputError } from '../../src/errors/user-input-error.js';
import { ROOT } from '../helpers/run-cli.js';

const BASE = join(ROOT, 'scenarios', 'nginx-hpa-cpu');
const MAX5 = 'HorizontalPodAutoscaler/nginx:spec.maxReplicas=5';

/** The input error resolveVariants throws for `specs`. */
function refusal(specs: string[]): UserInputError {
  try {
    resolveVariants(BASE, specs);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    const e = error as UserInputError;
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]!.file).toBe('(command line)');
    expect(e.problems[0]!.field).toBe('--variant');
    return e;
  }
  return expect.unreachable(`${specs.join(' ')} was accepted`);
}

describe('variant names that are files compare writes beside the variant folders', () => {
  it.each([
    'comparison.json',
    'comparison.csv',
    'comparison-workloads.csv',
    'comparison-seeds.csv',
    'report.md',
    'report.html',
    'report-nodes.mmd',
    'report-served-nginx.mmd',
    'Comparison.JSON',
    'REPORT.md',
    'Report-Nodes.MMD',
  ])('refuses %s, naming the --variant and every reserved name', (name) => {
    const e = refusal([`${name}=${MAX5}`]);
    expect(e.problems[0]!.message).toContain(`variant "${name}" (in "${name}=${MAX5}")`);
    expect(e.problems[0]!.message).toContain('expected a name other than comparison.csv, comparison-workloads.csv, comparison-seeds.csv, comparison.json, report.md, report.html, report-<chart>.mmd');
    expect(e.problems[0]!.hint).toMatch(/--variant max5=/);
  });

  it('reserves every file compare and its report formats write at the top of the folder, and nothing a variant may well be called', () => {
    expect(RESERVED_OUTPUT_NAMES).toEqual(['comparison.csv', 'comparison-workloads.csv', 'comparison-seeds.csv', 'comparison.json', 'report.md', 'report.html', 'report-<chart>.mmd']);
    expect(isReservedOutputName('.scalesim-results')).toBe(true);
    for (const name of ['comparison', 'report', 'report-nodes', 'comparison.json2', 'report.mmd', 'my-report.md', 'keda', 'base']) expect(isReservedOutputName(name), name).toBe(false);
  });

  it('accepts names beside them', () => {
    expect(resolveVariants(BASE, [`comparison=${MAX5}`, `report-v2=${MAX5}`]).map((v) => v.name)).toEqual(['base', 'comparison', 'report-v2']);
  });
});

describe('variant names that differ only in letter case', () => {
  it('refuses two given variants, naming both', () => {
    const e = refusal([`Fast=${MAX5}`, 'fast=HorizontalPodAutoscaler/nginx:spec.maxReplicas=6']);
    expect(e.problems[0]!.message).toMatch(/^variants "Fast" and "fast" differ only in letter case: expected names that differ in more than case/);
  });

  it('refuses one that differs from the base scenario\'s "base" only in case, saying how to replace the base row', () => {
    const e = refusal([`Base=${MAX5}`]);
    expect(e.problems[0]!.message).toContain('variants "base" (the base scenario, added first) and "Base" differ only in letter case');
    expect(e.problems[0]!.hint).toContain('name the variant "base" to replace');
    expect(refusal([`base=${MAX5}`, 'BASE=HorizontalPodAutoscaler/nginx:spec.maxReplicas=6']).problems[0]!.message).toMatch(/^variants "base" and "BASE" differ only in letter case/);
  });

  it('still accepts a variant named "base", which replaces the base scenario', () => {
    expect(resolveVariants(BASE, [`base=${MAX5}`, `fast=${MAX5}`]).map((v) => v.name)).toEqual(['base', 'fast']);
  });
});

describe('variant names that are no folder name on Windows', () => {
  it.each(['con', 'CON', 'nul.txt', 'Aux', 'prn', 'com1', 'LPT9.log'])('refuses the device name %s', (name) => {
    expect(refusal([`${name}=${MAX5}`]).problems[0]!.message).toMatch(new RegExp(`^variant "${name.replace('.', '\\.')}" .* is a device name on Windows`));
  });

  it('refuses a name ending with a dot', () => {
    expect(refusal([`v1.=${MAX5}`]).problems[0]!.message).toMatch(/^variant "v1\." .* ends with a dot, which Windows drops from folder names: expected a name that ends with/);
  });

  it('accepts names that merely start like one', () => {
    expect(resolveVariants(BASE, [`console=${MAX5}`, `com10=${MAX5}`, `null=${MAX5}`, `v1.5=${MAX5}`]).map((v) => v.name)).toEqual(['base', 'console', 'com10', 'null', 'v1.5']);
  });
});

describe('scalesim compare with a reserved variant name (QA: --variant comparison.json=…)', () => {
  const work = mkdtempSync(join(tmpdir(), 'scalesim-variant-names-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  afterEach(() => {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  });

  it('is refused up front with exit code 2, running nothing and writing nothing', async () => {
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (stderr.push(String(chunk)), true));
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const out = join(work, 'cmpdot');
    const program = new Command().exitOverride();
    registerCompareCommand(program);
    await program.parseAsync(['compare', BASE, '--out', out, '--no-progress', '--variant', `comparison.json=${MAX5}`], { from: 'user' });
    expect(process.exitCode).toBe(2);
    const text = stderr.join('');
    expect(text).toContain('(command line): --variant: variant "comparison.json"');
    expect(text).toContain('comparison.json, report.md, report.html');
    expect(text).not.toContain('simulating');
    expect(text).not.toContain('ran base');
    expect(stdout).not.toHaveBeenCalled();
    expect(existsSync(out)).toBe(false);
  });
});
