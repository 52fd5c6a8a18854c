// Interval questions asked once per word or per name of a sentence, answered by binary search instead of a scan
// of every other span, so that one sentence of n names costs n log n rather than n².

type Iv = { start: number; end: number };

/** A fixed set of spans, sorted by start, with the running maximum of their ends. */
export class SpanIndex {
  private starts: number[];
  private maxEnd: number[];

  constructor(spans: Iterable<Iv>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    this.maxEnd = [];
    let m = -Infinity;
    for (const s of sorted) this.maxEnd.push((m = Math.max(m, s.end)));
  }

  /** The largest end among spans with start < x (`strict`) or start ≤ x, or -Infinity. */
  private maxEndBefore(x: number, strict: boolean): number {
    let lo = 0, hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? this.starts[mid] < x : this.starts[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? -Infinity : this.maxEnd[lo - 1];
  }

  /** Some span k with k.start < b && a < k.end. */
  overlaps(a: number, b: number): boolean {
    return this.maxEndBefore(b, true) > a;
  }

  /** Some span k with k.start ≤ a && b ≤ k.end. */
  contains(a: number, b: number): boolean {
    return this.maxEndBefore(a, false) >= b;
  }
}

/** Spans kept one by one, none overlapping another (nor empty); answers "does [a, b) overlap a kept one". */
export class DisjointSpans {
  private starts: number[] = [];
  private ends: number[] = [];

  overlaps(a: number, b: number): boolean {
    // the last kept span starting before b: spans are disjoint, so it has the largest end among them
    let lo = 0, hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < b) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.ends[lo - 1] > a;
  }

  add(a: number, b: number): void {
    if (b <= a) return; // an empty span overlaps nothing
    let lo = 0, hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < a) lo = mid + 1;
      else hi = mid;
    }
    this.starts.splice(lo, 0, a);
    this.ends.splice(lo, 0, b);
  }
}
