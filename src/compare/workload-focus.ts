/**
 * `--workload a,b` of compare and sweep: the workloads whose figures (served and dropped %,
 * response times, pending pod-seconds, cold starts, replicas) the per-variant or per-setting row
 * reports, instead of all of them. Parsed from the flag and checked against a scenario's workloads
 * (Deployments and StatefulSets by metadata.name), each unknown name an input error naming the known ones.
 */
import { suggestionHint } from '../scenario/did-you-mean.js';
import { UserInputError, type InputProblem } from '../errors/user-input-error.js';
import type { Scenario } from '../scenario/types.js';

export function parseWorkloadFocus(text: string): string[] {
  const names = text.split(',').map((n) => n.trim());
  if (names.some((n) => n === '')) throw new UserInputError({ file: '(command line)', field: '--workload', message: `expected workload names separated by commas, such as web or web,api, got "${text}"` });
  return [...new Set(names)];
}

/** Throws when a name is not a workload of `scenario` (where: the variant or sweep it belongs to, for the message). */
export function checkWorkloadFocus(names: readonly string[], scenario: Scenario, where: string): void {
  const known = scenario.workloads.map((w) => w.name);
  const problems: InputProblem[] = names
    .filter((n) => !known.includes(n))
    .map((n) => {
      const close = suggestionHint(n, known, 'workloads');
      return {
        file: '(command line)',
        field: '--workload',
        message: `${where} has no workload named "${n}"; its workloads: ${known.join(', ') || 'none'}`,
        ...(close !== undefined ? { hint: close } : {}),
      };
    });
  if (problems.length > 0) throw new UserInputError(problems);
}
