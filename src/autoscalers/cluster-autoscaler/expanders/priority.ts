/**
 * The priority expander (expander/priority/priority.go, filter form): keeps the options whose group
 * has the highest priority. Groups without a priority are not candidates; when no option's group
 * qualifies, every option is kept ("No options filtered"). Quirk kept: the running maximum starts at
 * -1 (`maxPrio := -1`), so a group whose priority is below -1 is never kept on its own merit; with
 * every matched priority below -1 no option qualifies and all are kept, as if none had a priority.
 */
import type { ExpanderDefinition, ExpanderFilter } from './expander.js';
import { keepLowest } from './expander.js';

export const PRIORITY_EXPANDER_NAME = 'priority';

/** priority.go's starting maximum: priorities below it never win. */
export const PRIORITY_FLOOR = -1;

const priority: ExpanderFilter = {
  name: PRIORITY_EXPANDER_NAME,
  singleResult: false,
  bestOptions(options, context) {
    const best = keepLowest(options, (o) => {
      const p = context.groups.get(o.group)?.priority;
      return p === undefined || p < PRIORITY_FLOOR ? undefined : -p;
    });
    return best.length === 0 ? [...options] : best;
  },
};

export const priorityExpander: ExpanderDefinition = { name: PRIORITY_EXPANDER_NAME, singleResult: false, create: () => priority };
