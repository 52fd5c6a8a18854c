// A trie over folded words: finds the longest known name starting at each word of a sentence, in one pass.
import { type Token, tokenize } from "./_text.ts";

/** How strictly the case of a name must match: an acronym exactly, a name from a capital, a long name in any case. */
export type CaseRule = "exact" | "capital" | "any";

type Node = { next: Map<string, Node>; values: { value: V; words: string[]; rule: CaseRule }[] };
type V = unknown;

/** Words that take part in matching: words and hard punctuation; apostrophes, dashes and "&" are ignored. */
const MATCH_TOKENS = new WeakMap<Token[], Token[]>();
const HARD = new Set([",", ".", ";", ":", "(", ")", "«", "»", '"', "“", "”"]);

/** Memoised per token array: a sentence's tokens are matched against several tries. */
export function matchTokens(tokens: Token[]): Token[] {
  let out = MATCH_TOKENS.get(tokens);
  if (!out) MATCH_TOKENS.set(tokens, (out = tokens.filter((t) => t.word || HARD.has(t.text))));
  return out;
}

export function nameWords(name: string): { folds: string[]; raw: string[] } {
  const toks = matchTokens(tokenize(name));
  return { folds: toks.map((t) => (t.word ? t.fold : t.text)), raw: toks.map((t) => (t.word ? t.base : t.text)) };
}

export class NameTrie<T> {
  private root: Node = { next: new Map(), values: [] };
  size = 0;

  add(name: string, value: T, rule: CaseRule): void {
    const { folds, raw } = nameWords(name);
    if (folds.length === 0 || folds.every((f) => f === "")) return;
    let node = this.root;
    for (const f of folds) {
      let child = node.next.get(f);
      if (!child) node.next.set(f, (child = { next: new Map(), values: [] }));
      node = child;
    }
    node.values.push({ value: value as V, words: raw, rule });
    this.size++;
  }

  /** Longest matches, left to right, not overlapping. `tokens` must come from `matchTokens`. */
  findAll(tokens: Token[]): { start: number; end: number; value: T; from: number; to: number }[] {
    const out: { start: number; end: number; value: T; from: number; to: number }[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: Node | undefined = this.root;
      let best: { to: number; value: T } | null = null;
      for (let j = i; j < tokens.length && node; j++) {
        const t = tokens[j];
        node = node.next.get(t.word ? t.fold : t.text);
        if (!node) break;
        for (const v of node.values) {
          if (accepts(v.rule, v.words, tokens, i, j)) {
            best = { to: j, value: v.value as T };
            break;
          }
        }
      }
      if (best) {
        out.push({ start: tokens[i].start, end: tokens[best.to].baseEnd, value: best.value, from: i, to: best.to });
        i = best.to + 1;
      } else i++;
    }
    return out;
  }
}

function accepts(rule: CaseRule, words: string[], tokens: Token[], i: number, j: number): boolean {
  if (rule === "any") return true;
  if (rule === "capital") return tokens[i].cap || !/^\p{L}/u.test(tokens[i].text);
  for (let k = i; k <= j; k++) if (tokens[k].word && tokens[k].base !== words[k - i]) return false;
  return true;
}
