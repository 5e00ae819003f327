/**
 * The expander chain (expander/factory/expander_factory.go ExpanderStrategyFromStrings and
 * chain.go chainStrategy): the `--expander` names in order, each a filter; the chain stops as soon
 * as one option is left, and a random pick among what remains is the fallback.
 */
import type { RandomStream } from '../../../core/rng.js';
import type { ExpanderContext, ExpanderDefinition, ExpansionOption } from './expander.js';
import { createRandomExpander } from './random.js';
import { expanderNames, findExpander } from './registry.js';

export interface ExpanderChain {
  readonly names: readonly string[];
  /** The chosen option; undefined when `options` is empty or a filter kept none. */
  bestOption(options: readonly ExpansionOption[], context: ExpanderContext): ExpansionOption | undefined;
}

/** The definitions for `names`, or the factory's complaint about the list. */
function resolveExpanders(names: readonly string[]): { definitions: ExpanderDefinition[] } | { problem: string } {
  const definitions: ExpanderDefinition[] = [];
  const seen = new Set<string>();
  let strategySeen: string | undefined;
  for (const name of names) {
    if (seen.has(name)) return { problem: `Expander ${name} was specified multiple times, each expander must not be specified more than once` };
    if (strategySeen !== undefined) {
      return { problem: `Expander ${name} came after an expander ${strategySeen} that will always return only one result, this is not allowed since ${name} will never be used` };
    }
    seen.add(name);
    const definition = findExpander(name);
    if (definition === undefined) return { problem: `Expander ${name} not supported (supported: ${expanderNames().join(', ')})` };
    if (definition.singleResult) strategySeen = name;
    definitions.push(definition);
  }
  return { definitions };
}

/**
 * What is wrong with an `--expander` list, in the factory's words, or undefined when it is valid:
 * an unknown name, a name given twice, or a name after a single-result strategy (random).
 */
export function checkExpanderNames(names: readonly string[]): string | undefined {
  const resolved = resolveExpanders(names);
  return 'problem' in resolved ? resolved.problem : undefined;
}

/** Builds the chain for `names`; throws an Error with checkExpanderNames' message when invalid. */
export function buildExpanderChain(names: readonly string[], random: RandomStream): ExpanderChain {
  const resolved = resolveExpanders(names);
  if ('problem' in resolved) throw new Error(resolved.problem);
  const filters = resolved.definitions.map((d) => d.create(random));
  const fallback = createRandomExpander(random);
  return {
    names: [...names],
    bestOption(options, context) {
      let remaining: ExpansionOption[] = [...options];
      for (const filter of filters) {
        remaining = filter.bestOptions(remaining, context);
        if (remaining.length === 1) return remaining[0];
      }
      return fallback.bestOptions(remaining, context)[0];
    },
  };
}
