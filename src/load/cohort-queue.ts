/**
 * The backlog of the fluid FIFO queue (workload-flow.ts) as cohorts: stretches of admitted arrivals,
 * each arriving at a constant rate over [start, end]. Between events the offered rate, the pods and
 * the drops are constant, so what enters the backlog is one or two such stretches per interval (at λ,
 * and at μ once it is full and the excess is dropped: tail drop). The pods take requests from the
 * head (FIFO) at μ, so a request admitted at a leaves the backlog when the cumulative service reaches
 * the cumulative admissions at a: dequeue maps each taken piece of a cohort (arrivals uniform over
 * [a0, a1]) onto the stretch of service that takes it ([s0, s1]) and reports the piece's waits, linear
 * in the request's place in the piece from s0 − a0 to s1 − a1: uniformly distributed over that range.
 * The head cohort's start is the arrival of the oldest waiting request (a queue's oldest message).
 *
 * The flow's backlog (workload-flow.ts) stays the count that matters: reconcile() makes the cohorts
 * hold exactly it after every interval (rounding between the two running totals is taken from, or
 * given to, the head, so the oldest request is dated by the waiting count, never by a summed
 * departure total that drifts below a stretch with no arrivals), and a backlog within rounding of
 * empty clears them, so no request is older than the time since the queue was last empty.
 *
 * Memory. A stretch that continues the last cohort at the same rate extends it (exact: an output
 * sample splits an interval but not a cohort), so cohorts are as many as the rate changes the backlog
 * spans. Past maxCohorts the oldest ones are merged: adjacent cohorts join while the joined span is at
 * most ε × the time since its end; a joined cohort spreads its requests evenly over the span, so a
 * request's arrival, hence its wait, errs by at most the span, at most ε of its wait (everything in it
 * has waited at least that long). ε starts at initialMergeRelativeError and doubles until the pass
 * leaves at most three quarters of maxCohorts; mergeRelativeError reports the largest used (0 if no
 * merge was needed). A backlog needs about (1/ε)·(1 + ln(its age ÷ (the time between rate changes ÷
 * ε))) cohorts, so at 4,096 ε stays near 1/1000 unless the rate changes every few seconds for hours.
 */

/** Cohort queue settings. */
export const COHORT_QUEUE_DEFAULTS = Object.freeze({
  /** Cohorts kept before the oldest are merged (each is three numbers). */
  maxCohorts: 4096,
  /** ε of the first merge pass: a merged request's wait errs by at most this fraction of it. */
  initialMergeRelativeError: 1e-3,
});

export interface CohortQueueConfig {
  maxCohorts: number;
  initialMergeRelativeError: number;
}

/** Fewer waiting requests than this is an empty backlog (as LoadFlow.take's whole-message rounding). */
export const EMPTY_BACKLOG_REQUESTS = 1e-9;
/** Rates of two contiguous cohorts within this fraction of each other are one rate (rounding). */
const SAME_RATE_RELATIVE = 1e-12;
/** Consumed cohorts are dropped from the arrays once more than this many (and more than half). */
const COMPACT_HEAD = 1024;
/** ε stops doubling here: every cohort with any age merges (at most two remain). */
const MAX_MERGE_RELATIVE_ERROR = 2 ** 40;

/**
 * Receives one dequeued piece: `requests` whose waits run linearly from waitFromSeconds to
 * waitToSeconds (as computed: rounding may leave a hair below 0).
 */
export type WaitPieceSink = (requests: number, waitFromSeconds: number, waitToSeconds: number) => void;

export class CohortQueue {
  private readonly config: CohortQueueConfig;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly counts: number[] = [];
  /** Cohorts before this index have left. */
  private head = 0;
  private total = 0;
  /** The largest ε a merge pass used (0: every cohort is exact). */
  mergeRelativeError = 0;

  constructor(config: Partial<CohortQueueConfig> = {}) {
    this.config = { ...COHORT_QUEUE_DEFAULTS, ...config };
  }

  /** Requests in the cohorts. */
  get requests(): number {
    return this.total;
  }

  /** Cohorts held (the state size). */
  get cohortCount(): number {
    return this.counts.length - this.head;
  }

  /** Arrival time of the oldest waiting request, seconds; NaN when the queue is empty. */
  oldestArrivalSeconds(): number {
    return this.head < this.counts.length ? this.starts[this.head]! : NaN;
  }

  /**
   * `requests` arrive at a constant rate over [startSeconds, endSeconds] (end ≥ start; equal: all at
   * once), after everything queued so far. Non-positive `requests` is ignored.
   */
  enqueue(startSeconds: number, endSeconds: number, requests: number): void {
    if (!(requests > 0)) return;
    this.total += requests;
    const last = this.counts.length - 1;
    if (last >= this.head && this.continues(last, startSeconds, endSeconds, requests)) {
      this.ends[last] = endSeconds;
      this.counts[last]! += requests;
      return;
    }
    if (this.cohortCount >= this.config.maxCohorts) this.merge(startSeconds);
    this.starts.push(startSeconds);
    this.ends.push(endSeconds);
    this.counts.push(requests);
  }

  /**
   * The pods take up to `requests` from the head, one after another at `serviceRps` from
   * `serviceStartSeconds` (Infinity: all at that instant); each piece of a cohort goes to `sink`
   * with its waits. Returns the requests taken (less than asked only when the queue runs out).
   */
  dequeue(requests: number, serviceStartSeconds: number, serviceRps: number, sink: WaitPieceSink): number {
    let taken = 0;
    while (taken < requests && this.head < this.counts.length) {
      const count = this.counts[this.head]!;
      const start = this.starts[this.head]!;
      const piece = Math.min(requests - taken, count);
      const whole = piece >= count;
      const pieceEnd = this.headPieceEndSeconds(piece, whole);
      const servedFrom = serviceStartSeconds + taken / serviceRps;
      taken += piece;
      const servedTo = serviceStartSeconds + taken / serviceRps;
      sink(piece, servedFrom - start, servedTo - pieceEnd);
      this.takeFromHead(piece, whole, pieceEnd);
    }
    return taken;
  }

  /** Removes up to `requests` from the head without service (a Job takes messages; rounding). */
  discardOldest(requests: number): void {
    let left = requests;
    while (left > 0 && this.head < this.counts.length) {
      const count = this.counts[this.head]!;
      const piece = Math.min(left, count);
      const whole = piece >= count;
      this.takeFromHead(piece, whole, this.headPieceEndSeconds(piece, whole));
      left -= piece;
    }
  }

  /** Removes up to `requests` from the tail (a lowered bound drops the newest). */
  discardNewest(requests: number): void {
    let left = requests;
    while (left > 0 && this.head < this.counts.length) {
      const i = this.counts.length - 1;
      const count = this.counts[i]!;
      if (left >= count) {
        this.starts.pop();
        this.ends.pop();
        this.counts.pop();
        this.total -= count;
        left -= count;
        continue;
      }
      this.ends[i] = this.ends[i]! - (left / count) * (this.ends[i]! - this.starts[i]!);
      this.counts[i] = count - left;
      this.total -= left;
      left = 0;
    }
    if (this.head >= this.counts.length) this.clear();
  }

  /**
   * Makes the cohorts hold `waitingRequests`, the flow's backlog: empty at or below
   * EMPTY_BACKLOG_REQUESTS; otherwise the rounding difference is taken from the head, or given to it
   * at its own rate (a backlog with no cohort gets one at `nowSeconds`).
   */
  reconcile(waitingRequests: number, nowSeconds: number): void {
    if (!(waitingRequests > EMPTY_BACKLOG_REQUESTS)) {
      this.clear();
      return;
    }
    const excess = this.total - waitingRequests;
    if (excess > 0) this.discardOldest(excess);
    else if (excess < 0) {
      if (this.head >= this.counts.length) {
        this.clear();
        this.enqueue(nowSeconds, nowSeconds, waitingRequests);
        return;
      }
      const i = this.head;
      const count = this.counts[i]!;
      const start = this.starts[i]!;
      this.starts[i] = start - (-excess / count) * (this.ends[i]! - start);
      this.counts[i] = count - excess;
    }
    this.total = waitingRequests;
  }

  /** Nothing waits. */
  clear(): void {
    this.starts.length = 0;
    this.ends.length = 0;
    this.counts.length = 0;
    this.head = 0;
    this.total = 0;
  }

  /** Does [start, end] with `requests` continue cohort `i` at its rate? */
  private continues(i: number, startSeconds: number, endSeconds: number, requests: number): boolean {
    if (this.ends[i] !== startSeconds) return false;
    // Same rate: count_i / span_i = requests / span, compared cross-multiplied (no division by a zero span).
    const left = this.counts[i]! * (endSeconds - startSeconds);
    const right = requests * (this.ends[i]! - this.starts[i]!);
    return Math.abs(left - right) <= SAME_RATE_RELATIVE * Math.max(left, right) && left + right > 0;
  }

  /** When the head cohort's first `piece` requests finished arriving (its end when `whole`). */
  private headPieceEndSeconds(piece: number, whole: boolean): number {
    const i = this.head;
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    return whole ? end : start + (piece / this.counts[i]!) * (end - start);
  }

  private takeFromHead(piece: number, whole: boolean, pieceEnd: number): void {
    const i = this.head;
    this.total -= piece;
    if (!whole) {
      this.starts[i] = pieceEnd;
      this.counts[i] = this.counts[i]! - piece;
      return;
    }
    this.head += 1;
    if (this.head >= this.counts.length) {
      this.clear();
      return;
    }
    if (this.head > COMPACT_HEAD && this.head * 2 > this.counts.length) {
      this.starts.splice(0, this.head);
      this.ends.splice(0, this.head);
      this.counts.splice(0, this.head);
      this.head = 0;
    }
  }

  /**
   * Merges adjacent cohorts until at most ¾ of maxCohorts remain: a run joins while its span is at
   * most ε × (nowSeconds − its end), ε doubling from the last one used (see the file header).
   */
  private merge(nowSeconds: number): void {
    const target = Math.max(1, Math.floor((this.config.maxCohorts * 3) / 4));
    let epsilon = Math.max(this.mergeRelativeError, this.config.initialMergeRelativeError);
    for (;;) {
      this.mergePass(nowSeconds, epsilon);
      this.mergeRelativeError = Math.max(this.mergeRelativeError, epsilon);
      if (this.cohortCount <= target || epsilon >= MAX_MERGE_RELATIVE_ERROR) return;
      epsilon *= 2;
    }
  }

  private mergePass(nowSeconds: number, epsilon: number): void {
    const { starts, ends, counts } = this;
    let out = this.head;
    for (let i = this.head + 1; i < counts.length; i += 1) {
      const joinedSpan = ends[i]! - starts[out]!;
      if (joinedSpan <= epsilon * (nowSeconds - ends[i]!)) {
        ends[out] = ends[i]!;
        counts[out]! += counts[i]!;
        continue;
      }
      out += 1;
      starts[out] = starts[i]!;
      ends[out] = ends[i]!;
      counts[out] = counts[i]!;
    }
    starts.length = out + 1;
    ends.length = out + 1;
    counts.length = out + 1;
  }
}
