// Suggestions for the search box: labels and aliases matched without regard to case or accents, best first.
import type { ViewerGraph } from "./filters.ts";

export type SearchEntry = { node: string; label: string; terms: string[] };
export type Suggestion = { node: string; label: string; matched: string };

/** Lower case without diacritics, so "uele" finds "Uélé". */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();
}

export function buildSearchIndex(graph: ViewerGraph): SearchEntry[] {
  const entries: SearchEntry[] = [];
  graph.forEachNode((node, a) => {
    const names = a.kind === "entity" ? [a.label, ...a.aliases] : [a.label, a.fragmentId];
    entries.push({ node, label: a.label, terms: [...new Set(names)] });
  });
  return entries;
}

/** Exact match, then prefix of the name, then prefix of a word, then anywhere; ties by shorter label. */
export function suggest(index: SearchEntry[], query: string, limit = 8, visible?: Set<string>): Suggestion[] {
  const q = normalise(query);
  if (!q) return [];
  const scored: { s: Suggestion; rank: number }[] = [];
  for (const entry of index) {
    if (visible && !visible.has(entry.node)) continue;
    let best = Infinity;
    let matched = "";
    for (const term of entry.terms) {
      const n = normalise(term);
      const at = n.indexOf(q);
      if (at < 0) continue;
      const rank = n === q ? 0 : at === 0 ? 1 : /[\s(\-/'’]/.test(n[at - 1]) ? 2 : 3;
      if (rank < best) [best, matched] = [rank, term];
    }
    if (best < Infinity) scored.push({ s: { node: entry.node, label: entry.label, matched }, rank: best });
  }
  scored.sort((a, b) => a.rank - b.rank || a.s.label.length - b.s.label.length || a.s.label.localeCompare(b.s.label));
  return scored.slice(0, limit).map((x) => x.s);
}
