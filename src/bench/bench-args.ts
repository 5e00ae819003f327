/**
 * The command lines of the bench tools that take one case (bench:ab, bench:components), read by
 * Node's own util.parseArgs: positionals, `--name value` options and `--json`, in any order. Its
 * errors become one line each, for exit code 2 (`refuse`).
 */
import { parseArgs } from 'node:util';

export interface BenchArgs {
  positionals: string[];
  /** The valued options given (the last one of each, when repeated). */
  values: Partial<Record<string, string>>;
  json: boolean;
}

/** A tool's answer to a bad command line: the reason (and the usage, when given) on stderr, exit code 2. */
export function refuse(tool: string, reason: string, usage?: string): void {
  console.error(`${tool}: ${reason}${usage === undefined ? '' : `\n${usage}`}`);
  process.exitCode = 2;
}

/** The option an error message of util.parseArgs names (`--by` in "Option '--by <value>' argument missing"). */
function optionIn(message: string): string {
  return /'(-{1,2}[^' =]+)/.exec(message)?.[1] ?? 'an option';
}

type ParseArgsOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** util.parseArgs's options: `flags` as they are, and each of `valued` taking a value. */
function argOptions(flags: ParseArgsOptions, valued: readonly string[]): ParseArgsOptions {
  const options: ParseArgsOptions = { ...flags };
  for (const name of valued) options[name] = { type: 'string' };
  return options;
}

/**
 * The arguments, with `valued` the names of the options that take a value (without `--`); or what is
 * wrong. `--json` is an option unless `acceptsJson` is false (a tool with no JSON output).
 */
export function parseBenchArgs(argv: readonly string[], valued: readonly string[], acceptsJson = true): BenchArgs | string {
  const options = argOptions(acceptsJson ? { json: { type: 'boolean' } } : {}, valued);
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    const given: Partial<Record<string, string>> = {};
    for (const name of valued) {
      const value = values[name];
      if (typeof value === 'string') given[name] = value;
    }
    return { positionals, values: given, json: values.json === true };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    const option = optionIn(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      return message.includes('does not take an argument') ? `${option} takes no value` : `${option} needs a value (one that starts with "-" goes as ${option}=-…)`;
    }
    throw error;
  }
}

/**
 * Whether the command line asks for the tool's usage (`--help` or `-h`, not as the value of one of
 * the `valued` options), whatever else it holds: the tool prints its usage and exits 0.
 */
export function helpWanted(argv: readonly string[], valued: readonly string[]): boolean {
  const options = argOptions({ help: { type: 'boolean', short: 'h' } }, valued);
  const { values } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false });
  return values.help === true;
}

/** Prints `usage` on stdout when the command line asks for it (helpWanted); true when it did. */
export function printedHelp(argv: readonly string[], valued: readonly string[], usage: string): boolean {
  if (!helpWanted(argv, valued)) return false;
  console.log(usage);
  return true;
}

/** A count option's value: a whole number of at least 1 (`fallback` when not given), or what is wrong with it. */
export function parseCount(name: string, text: string | undefined, fallback: number): number | string {
  if (text === undefined) return fallback;
  const n = Number(text);
  return text !== '' && Number.isInteger(n) && n >= 1 ? n : `--${name}: expected a whole number >= 1, got "${text}"`;
}
