/**
 * The text of a stabilization window's entries as decisions.csv writes it: `replicas@-ageSeconds`,
 * youngest first, separated by spaces, ties in the reverse of the order they were added (read back by
 * src/explain/parse-decision-row.ts). The window cell (src/engine/window-text.ts) adds the records
 * inside the window from its list's end, so ties come out in list order.
 *
 * The entries are ordered in reused typed arrays (numbers in typed arrays move without allocation or
 * write barriers): a window read from its ring's end is one or two runs of ascending age — two are
 * most often a rotation, read from where the second begins, else merged in one pass; anything else is
 * sorted by insertion (a window holds some twenty records). Whole-number
 * entries are encoded as ASCII digits here and handed to the byte writer a chunk at a time: for some
 * twenty entries a row, one call per number and separator cost more than the digits.
 */
import { isSmallInt, writeSmallInt } from './csv-bytes.js';
import type { PieceOut } from './csv-line.js';

const ENTRY_BYTES = 24; // two nine-digit numbers, '@-' and 's '
const AT = 64;
const MINUS = 45;
const S = 115;
const SPACE = 32;

/** The entries' text at `at` in `bytes` (every entry a small whole number); returns the index after it. */
function writeDigits(entries: WindowEntries, bytes: Uint8Array, at: number): number {
  return entries.writeSmallEntries(bytes, at);
}

export class WindowEntries {
  private ages = new Float64Array(64);
  private replicas = new Float64Array(64);
  /** Where two runs are merged; swapped with the arrays above after each merge. */
  private mergedAges = new Float64Array(64);
  private mergedReplicas = new Float64Array(64);
  private readonly scratch = new Uint8Array(4096);
  private count = 0;
  /** Whether every entry is a whole number from 0 to MAX_SMALL_INT in both fields (the digits path). */
  private small = true;
  /** Runs of ascending age among the entries added, and where the last began. */
  private runs = 0;
  private split = 0;
  /**
   * Where the entries begin when they are a rotation (two runs, the second all no older than the
   * first): they are read from here to the end, then from 0. 0 when they are in order as stored.
   */
  private start = 0;

  clear(): void {
    this.count = 0;
    this.small = true;
    this.runs = 0;
    this.split = 0;
    this.start = 0;
  }

  /** Adds an entry; it goes before the entries added earlier with the same age (the cell adds its records from the list's end, so ties come out in list order). */
  add(ageSeconds: number, replicas: number): void {
    if (this.count === this.ages.length) this.grow();
    if (this.count === 0 || !(ageSeconds > this.ages[this.count - 1]!)) {
      this.runs++;
      this.split = this.count;
    }
    this.ages[this.count] = ageSeconds;
    this.replicas[this.count] = replicas;
    this.count++;
    if (!isSmallInt(ageSeconds) || !isSmallInt(replicas)) this.small = false;
  }

  /**
   * Orders the entries: by age, the later added first among equal ages. A run is a stretch of entries
   * each strictly older than the one before. Read from a ring's end, a window is one or two runs: two
   * are merged in one pass; more are sorted by insertion.
   */
  private order(): void {
    if (this.runs <= 1) return;
    // A ring read from its end past the slot it reuses: the second run is the younger records, each
    // no older than the first run's youngest. Read from the split, they are in order (on an equal
    // age the second run's entry first, as the merge would put it): no merge pass.
    if (this.runs === 2 && this.ages[this.count - 1]! <= this.ages[0]!) this.start = this.split;
    else if (this.runs === 2) this.merge(this.split);
    else this.insertionSort();
    this.runs = 1;
  }

  /** The array index of the k-th entry in order. */
  private at(k: number): number {
    const i = this.start + k;
    return i < this.count ? i : i - this.count;
  }

  /** Merges the runs [0, split) and [split, count); on equal ages the second run's entry (added later) goes first. */
  private merge(split: number): void {
    const { ages, replicas, count } = this;
    if (this.mergedAges.length < ages.length) {
      this.mergedAges = new Float64Array(ages.length);
      this.mergedReplicas = new Float64Array(ages.length);
    }
    const outAges = this.mergedAges;
    const outReplicas = this.mergedReplicas;
    let a = 0;
    let b = split;
    for (let o = 0; o < count; o++) {
      if (b < count && (a >= split || ages[b]! <= ages[a]!)) {
        outAges[o] = ages[b]!;
        outReplicas[o] = replicas[b++]!;
      } else {
        outAges[o] = ages[a]!;
        outReplicas[o] = replicas[a++]!;
      }
    }
    this.mergedAges = ages;
    this.mergedReplicas = replicas;
    this.ages = outAges;
    this.replicas = outReplicas;
  }

  private insertionSort(): void {
    const { ages, replicas, count } = this;
    for (let k = 1; k < count; k++) {
      const age = ages[k]!;
      const value = replicas[k]!;
      let i = k;
      for (; i > 0 && ages[i - 1]! >= age; i--) {
        ages[i] = ages[i - 1]!;
        replicas[i] = replicas[i - 1]!;
      }
      ages[i] = age;
      replicas[i] = value;
    }
  }

  /** Writes the entries' text: whole numbers as digits in chunks, other numbers as String() prints them. */
  write(out: PieceOut): void {
    this.order();
    // Whole numbers: their digits straight into the writer's buffer (a copy through a scratch array
    // cost as much as the digits).
    if (this.small && out.inPlace(this.count * ENTRY_BYTES, this, writeDigits)) return;
    const { ages, replicas: values, scratch, count } = this;
    let used = 0;
    for (let k = 0; k < count; k++) {
      const i = this.at(k);
      const r = values[i]!;
      const age = ages[i]!;
      const last = k === count - 1;
      if (!isSmallInt(r) || !isSmallInt(age)) {
        // A fraction, a negative or a large number: the writer prints it as String() does.
        if (used > 0) out.ascii(scratch, used);
        used = 0;
        out.number(r);
        out.text('@-');
        out.number(age);
        out.text(last ? 's' : 's ');
        continue;
      }
      if (used + ENTRY_BYTES > scratch.length) {
        out.ascii(scratch, used);
        used = 0;
      }
      used = writeSmallInt(scratch, used, r);
      scratch[used++] = AT;
      scratch[used++] = MINUS;
      used = writeSmallInt(scratch, used, age);
      scratch[used++] = S;
      if (!last) scratch[used++] = SPACE;
    }
    if (used > 0) out.ascii(scratch, used);
  }

  /** writeDigits: the entries as digits from `at`, at most ENTRY_BYTES each; returns the index after the last. */
  writeSmallEntries(bytes: Uint8Array, at: number): number {
    const { ages, replicas: values, count } = this;
    let used = at;
    for (let k = 0; k < count; k++) {
      const i = this.at(k);
      used = writeSmallInt(bytes, used, values[i]!);
      bytes[used++] = AT;
      bytes[used++] = MINUS;
      used = writeSmallInt(bytes, used, ages[i]!);
      bytes[used++] = S;
      if (k !== count - 1) bytes[used++] = SPACE;
    }
    return used;
  }

  private grow(): void {
    const size = this.ages.length * 2;
    const ages = new Float64Array(size);
    const replicas = new Float64Array(size);
    ages.set(this.ages);
    replicas.set(this.replicas);
    this.ages = ages;
    this.replicas = replicas;
  }
}
