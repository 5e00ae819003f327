/**
 * The priority expander (expander/priority/priority.go, filter form): keeps the options whose group
 * has the highest priority. Groups without a priority are not candidates; when no option's group
 * has one, every option is kept ("no options filtered").
 */
import type { ExpanderDefinition, ExpanderFilter } from './expander.js';
import { keepLowest } from './expander.js';

export const PRIORITY_EXPANDER_NAME = 'priority';

const priority: ExpanderFilter = {
  name: PRIORITY_EXPANDER_NAME,
  singleResult: false,
  bestOptions(options, context) {
    const best = keepLowest(options, (o) => {
      const p = context.groups.get(o.group)?.priority;
      return p === undefined ? undefined : -p;
    });
    return best.length === 0 ? [...options] : best;
  },
};

export const priorityExpander: ExpanderDefinition = { name: PRIORITY_EXPANDER_NAME, singleResult: false, create: () => priority };
