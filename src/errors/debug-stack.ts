/**
 * The stack `SCALESIM_DEBUG=1` prints for a run failure: the error's stack and those of its causes
 * (a SimulationError names the component and the simulated instant; its cause, the error the
 * handler threw, says where), with each frame in a script that has a source map beside it
 * (`dist/bundle/scalesim.js.map`, written by npm run build; tsc's maps for the unbundled dist
 * files) shown at its TypeScript position, `src/…ts:line:column`. The bundle is whitespace-minified
 * (its code is on one line, columns in the hundreds of thousands), so an unmapped stack locates
 * nothing. A frame no map covers, or a script without a map, stays as V8 wrote it.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';

/** Where a generated position (1-based line and column, as V8 prints them) came from; undefined when unknown. */
export type PositionMapper = (file: string, line: number, column: number) => { file: string; line: number; column: number } | undefined;

/** Leaves every frame as V8 wrote it (a sweep worker's stack, mapped once the main thread prints it). */
export const unmapped: PositionMapper = () => undefined;

/** `at name (file:line:column)` or `at file:line:column`, for a .js, .cjs or .mjs file. */
const FRAME = /^(\s*at (?:.*? \()?)((?:file:\/\/)?[^\s()]+\.[cm]?js):(\d+):(\d+)(\)?)$/;

/** Causes followed at most this deep (a cycle of causes stops here too). */
const MAX_CAUSES = 8;

/** The stack with every frame the mapper knows shown at its source position. */
export function mapStack(stack: string, mapPosition: PositionMapper): string {
  return stack
    .split('\n')
    .map((line) => {
      const m = FRAME.exec(line);
      if (m === null) return line;
      const [, head, file, lineText, columnText, tail] = m as unknown as [string, string, string, string, string, string];
      const path = file.startsWith('file://') ? new URL(file).pathname : file;
      const source = mapPosition(path, Number(lineText), Number(columnText));
      return source === undefined ? line : `${head}${source.file}:${source.line}:${source.column}${tail}`;
    })
    .join('\n');
}

/** The error's stack, then each cause's as `caused by: …`, frames mapped. */
export function debugStack(error: unknown, mapPosition: PositionMapper): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current !== undefined && parts.length <= MAX_CAUSES) {
    const text = current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current);
    parts.push(`${parts.length > 0 ? 'caused by: ' : ''}${mapStack(text, mapPosition)}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\n');
}

/** Maps through `<script>.map` beside each script, each map read once; none when the file is missing or unreadable. */
export function sourceMapMapper(): PositionMapper {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (file: string): SourceMap | null => {
    let map = maps.get(file);
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
      } catch {
        map = null;
      }
      maps.set(file, map);
    }
    return map;
  };
  return (file, line, column) => {
    const map = mapOf(file);
    if (map === null) return undefined;
    const entry = map.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (entry.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) return undefined;
    const original = entry.originalSource.startsWith('file://') ? new URL(entry.originalSource).pathname : resolve(dirname(file), entry.originalSource);
    return { file: original, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
  };
}
