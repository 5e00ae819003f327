/** The `cpu` trigger (pkg/scalers/cpu_memory_scaler.go): an HPA Resource/ContainerResource cpu metric. */
import { resourceScaler } from './resource-scaler.js';

export const cpuScaler = resourceScaler('cpu');
