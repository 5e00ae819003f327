/**
 * scalingModifiers (advanced.scalingModifiers; pkg/scaling/modifiers): the formula compiler and the
 * composite metric. The implementation lives in ./scaling-modifiers/.
 */
export { compileFormula, type CompiledFormula, type CompileFormulaResult } from './scaling-modifiers/compile-formula.js';
export { computeCompositeMetric, type CompositeMetric, type CompositeMetricInput } from './scaling-modifiers/composite-metric.js';
