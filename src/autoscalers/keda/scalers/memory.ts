/** The `memory` trigger (pkg/scalers/cpu_memory_scaler.go): an HPA Resource/ContainerResource memory metric. */
import { resourceScaler } from './resource-scaler.js';

export const memoryScaler = resourceScaler('memory');
