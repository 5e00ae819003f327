/** The most-pods expander (expander/mostpods/mostpods.go): keeps the options that schedule the most pods. */
import type { ExpanderDefinition, ExpanderFilter } from './expander.js';
import { keepLowest } from './expander.js';

export const MOST_PODS_EXPANDER_NAME = 'most-pods';

const mostPods: ExpanderFilter = {
  name: MOST_PODS_EXPANDER_NAME,
  singleResult: false,
  bestOptions: (options) => keepLowest(options, (o) => -o.pods.length),
};

export const mostPodsExpander: ExpanderDefinition = { name: MOST_PODS_EXPANDER_NAME, singleResult: false, create: () => mostPods };
