/**
 * Series colours of the charts: distinct (Tableau-10 hues) and each paired with a coloured-square
 * emoji, so a caption under a Markdown chart can act as its legend (xychart has none on GitHub);
 * report.html paints each square in the exact colour of its series.
 */

export interface SeriesColour {
  /** Plain colour name for captions ("blue"). */
  name: string;
  hex: string;
  /** Coloured square shown in captions; report.html swaps it for a swatch of `hex`. */
  swatch: string;
}

const colour = (name: string, hex: string, swatch: string): SeriesColour => Object.freeze({ name, hex, swatch });

export const BLUE = colour('blue', '#1f77b4', '🟦');
export const ORANGE = colour('orange', '#ff7f0e', '🟧');
export const GREEN = colour('green', '#2ca02c', '🟩');
export const RED = colour('red', '#d62728', '🟥');
export const PURPLE = colour('purple', '#9467bd', '🟪');
export const BROWN = colour('brown', '#8c564b', '🟫');
export const YELLOW = colour('yellow', '#d4a017', '🟨');
export const BLACK = colour('black', '#333333', '⬛');
/** For a wide reference line under the others (offered load, desired replicas). */
export const LIGHT_BLUE = colour('light blue', '#a6cbe8', '🟦');
/** For a wide total under its parts (cumulative cost). */
export const LIGHT_GREY = colour('light grey', '#b8b8b8', '⬜');

/** Colours in the order given to series that have no colour of their own (pools, variants). */
export const SERIES_PALETTE: readonly SeriesColour[] = Object.freeze([BLUE, ORANGE, GREEN, RED, PURPLE, BROWN, YELLOW, BLACK]);

/** At most this many lines in one chart: one per distinct colour. */
export const MAX_LINES_PER_CHART = SERIES_PALETTE.length;

/** Every colour's square (LIGHT_BLUE shares BLUE's): what report.html looks for in captions. */
export const SWATCHES: readonly string[] = Object.freeze([...new Set([...SERIES_PALETTE, LIGHT_BLUE, LIGHT_GREY].map((c) => c.swatch))]);
