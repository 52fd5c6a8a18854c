// Betweenness centrality of an undirected, unweighted graph on typed arrays (pure): Brandes from every node (exact), or
// from a seeded sample of sources scaled up (Brandes & Pich 2007) when every node would take too long.
//
// Normalised as graphology-metrics does (`normalized: true`): the sum over ordered pairs, times 1 / ((n-1)(n-2)).

/** How the scores were computed: from every node, or from `sources` of the `nodes` nodes drawn with `seed`. */
export type BetweennessMethod =
  { kind: "exact"; nodes: number } | { kind: "sampled"; nodes: number; sources: number; seed: number };

export type BetweennessOptions = {
  /** Up to this many nodes every node is a source (exact). Brandes is O(nodes × edges): ~1 s at 5,000 nodes here. */
  exactMaxNodes: number;
  /** Sources drawn above exactMaxNodes: the error of a score falls as 1/√sources; 500 take a few seconds at 100,000 nodes. */
  sources: number;
  /** Seed of the draw: the same graph gives the same scores, so the same input gives the same database. */
  seed: number;
};

export const DEFAULT_BETWEENNESS_OPTIONS: BetweennessOptions = { exactMaxNodes: 5_000, sources: 500, seed: 1 };

/** An undirected simple graph in compressed sparse rows: node i's neighbours are adjacency[offsets[i] .. offsets[i+1]). */
export type Csr = { ids: string[]; offsets: Int32Array; adjacency: Int32Array };

/**
 * Nodes sorted by id and each node's neighbours sorted, self-loops and repeated pairs dropped: the layout depends on
 * the graph only, never on the order edges arrive in, so floating-point sums come out bit-identical run after run.
 */
export function toCsr(nodes: Iterable<string>, edges: Iterable<readonly [string, string]>): Csr {
  const ids = [...new Set(nodes)].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs = new Set<number>();
  const n = ids.length;
  for (const [source, target] of edges) {
    const a = index.get(source);
    const b = index.get(target);
    if (a === undefined || b === undefined)
      throw new Error(
        `toCsr: edge ${source} – ${target} names a node not in the node list (${a === undefined ? source : target})`,
      );
    if (a === b) continue;
    pairs.add(a < b ? a * n + b : b * n + a);
  }
  const degree = new Int32Array(n + 1);
  for (const pair of pairs) {
    degree[Math.floor(pair / n)]++;
    degree[pair % n]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
  const fill = offsets.slice(0, n);
  const adjacency = new Int32Array(offsets[n]);
  for (const pair of pairs) {
    const a = Math.floor(pair / n);
    const b = pair % n;
    adjacency[fill[a]++] = b;
    adjacency[fill[b]++] = a;
  }
  for (let i = 0; i < n; i++) adjacency.subarray(offsets[i], offsets[i + 1]).sort();
  return { ids, offsets, adjacency };
}

/** mulberry32: a small seeded generator, enough to draw sources reproducibly (not for anything secret). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `k` distinct nodes of `0..n-1`, uniformly, by a partial Fisher–Yates shuffle; returned sorted. */
export function sampleSources(n: number, k: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const take = Math.min(k, n);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (n - i));
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  return order.slice(0, take).sort();
}

/**
 * Raw betweenness (sum of dependencies over the given sources, unscaled) by Brandes' algorithm: one breadth-first search
 * per source, then dependencies accumulated in reverse order. Predecessors are not stored: a neighbour one level closer
 * to the source is one. Work arrays are reset only where the search reached.
 */
export function brandesDependencies(graph: Csr, sources: Int32Array): Float64Array {
  const { offsets, adjacency } = graph;
  const n = graph.ids.length;
  const centrality = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (const s of sources) {
    // 1. breadth-first search: shortest-path counts (sigma), nodes in order of distance
    let head = 0;
    let tail = 0;
    distance[s] = 0;
    sigma[s] = 1;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++];
      const next = distance[v] + 1;
      for (let e = offsets[v], end = offsets[v + 1]; e < end; e++) {
        const w = adjacency[e];
        if (distance[w] < 0) {
          distance[w] = next;
          order[tail++] = w;
        }
        if (distance[w] === next) sigma[w] += sigma[v];
      }
    }
    // 2. dependencies, farthest nodes first
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i];
      const coefficient = (1 + delta[w]) / sigma[w];
      const previous = distance[w] - 1;
      for (let e = offsets[w], end = offsets[w + 1]; e < end; e++) {
        const v = adjacency[e];
        if (distance[v] === previous) delta[v] += sigma[v] * coefficient;
      }
      centrality[w] += delta[w];
    }
    // 3. reset what this search touched
    for (let i = 0; i < tail; i++) {
      const v = order[i];
      distance[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  return centrality;
}

/**
 * Normalised betweenness of every node, by id: exact up to `exactMaxNodes`, else estimated from `sources` sources drawn
 * with `seed` and scaled by nodes / sources (an unbiased estimate of the exact score).
 */
export function betweenness(
  graph: Csr,
  options: Partial<BetweennessOptions> = {},
): { scores: Map<string, number>; method: BetweennessMethod } {
  const opts = { ...DEFAULT_BETWEENNESS_OPTIONS, ...options };
  if (!Number.isInteger(opts.sources) || opts.sources < 1)
    throw new Error(`betweenness: sources must be a positive integer, got ${opts.sources}`);
  const n = graph.ids.length;
  const exact = n <= opts.exactMaxNodes || opts.sources >= n;
  const sources = exact ? Int32Array.from({ length: n }, (_, i) => i) : sampleSources(n, opts.sources, opts.seed);
  const raw = brandesDependencies(graph, sources);
  const scale = (n <= 2 ? 1 : 1 / ((n - 1) * (n - 2))) * (n / sources.length || 1);
  const scores = new Map(graph.ids.map((id, i) => [id, raw[i] * scale]));
  const method: BetweennessMethod = exact
    ? { kind: "exact", nodes: n }
    : { kind: "sampled", nodes: n, sources: sources.length, seed: opts.seed };
  return { scores, method };
}

/** The method in words, for the push report and the `betweennessMethod` property. */
export function describeBetweennessMethod(method: BetweennessMethod): string {
  return method.kind === "exact"
    ? `exact (Brandes from all ${method.nodes.toLocaleString("en")} nodes)`
    : `sampled (Brandes from ${method.sources.toLocaleString("en")} of ${method.nodes.toLocaleString("en")} nodes, seed ${method.seed}, scaled)`;
}
