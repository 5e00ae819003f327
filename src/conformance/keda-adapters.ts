/** The keda.* vector kinds of docs/fidelity-spec.md §8 → their adapters. */
import type { VectorAdapter } from './vector-types.js';
import { adaptKedaExecutor } from './keda-executor-adapter.js';
import { adaptKedaFallback } from './keda-fallback-adapter.js';
import { adaptKedaHpaMapping } from './keda-hpa-mapping-adapter.js';
import { adaptKedaScaledJobStrategy } from './keda-job-adapter.js';
import { adaptKedaScaler } from './keda-scaler-adapter.js';

export const KEDA_VECTOR_ADAPTERS: Readonly<Record<string, VectorAdapter>> = Object.freeze({
  'keda.executor': adaptKedaExecutor,
  'keda.fallback': adaptKedaFallback,
  'keda.scaler': adaptKedaScaler,
  'keda.hpaMapping': adaptKedaHpaMapping,
  'keda.scaledJobStrategy': adaptKedaScaledJobStrategy,
});
