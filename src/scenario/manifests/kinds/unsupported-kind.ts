/**
 * Builds handlers for kinds the simulator will model but does not yet: loading one is an error
 * "not supported yet". Supporting a kind means replacing its entry with a real loader.
 */
import type { ManifestKindHandler } from '../manifest-set.js';

export function unsupportedKind(group: string, kind: string, note: string): ManifestKindHandler {
  return {
    group,
    kind,
    support: 'unsupported',
    load(ref, apiVersion, _out, sink) {
      sink.error(ref.problem(['kind'], `${apiVersion}/${kind} is not supported yet`, note));
    },
  };
}
