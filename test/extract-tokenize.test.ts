// The hand-written tokenizer against the regex it replaced, which stays here as the reference: same tokens, same offsets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Token, fold, tokenize } from "../ingest/extract/_text.ts";

// an apostrophe inside a word ("Q'eqchi", "Sana'a") joins it, except after a French elision ("l'", "d'", "qu'") or before a possessive "'s"
const TOKEN =
  /[\p{L}\p{N}]+(?:[-‑][\p{L}\p{N}]+)*(?:(?<!(?<![\p{L}])(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu))['’](?![sS](?![\p{L}]))(?=\p{Ll})\p{L}+|(?<=(?<![\p{L}])N)['’](?=\p{Lu})\p{L}+)?(?:['’][sS](?![\p{L}]))?|<[^<>\s]{1,20}>|\S/gu;

/** The tokenizer as it was: the regex's matches, with the token's properties computed the same way. */
function referenceTokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = offset + m.index!;
    const last = raw.charCodeAt(raw.length - 1) | 32;
    const poss = raw.length > 2 && last === 115 && (raw[raw.length - 2] === "'" || raw[raw.length - 2] === "’");
    const base = poss ? raw.slice(0, -2) : raw;
    const c0 = raw[0];
    const word = (c0 !== "<" && c0.toLowerCase() !== c0.toUpperCase()) || (c0 >= "0" && c0 <= "9");
    let letters = 0, upper = 0, lowerEnd = false;
    for (let i = 0; i < base.length; i++) {
      const code = base.charCodeAt(i);
      let isUp: boolean;
      if (code >= 65 && code <= 90) isUp = true;
      else if (code >= 97 && code <= 122) isUp = false;
      else if (code < 128) continue;
      else {
        const ch = base[i], lo = ch.toLowerCase(), up = ch.toUpperCase();
        if (lo === up) continue;
        isUp = ch === up;
      }
      letters++;
      if (isUp) upper++;
      lowerEnd = i === base.length - 1 && !isUp;
    }
    const first = base[0];
    out.push({
      text: raw,
      start,
      end: start + raw.length,
      base,
      baseEnd: start + base.length,
      fold: word ? fold(base) : raw,
      cap: first !== first.toLowerCase(),
      acronym: word && upper >= 2 && letters <= 10 && letters - upper <= 2 && !lowerEnd,
      word,
    });
  }
  return out;
}

/** Pieces that meet at the tokenizer's edge cases: elisions, apostrophes, possessives, hyphens, tokens, scripts. */
const PIECES = [
  "l'", "L'", "d'", "D’", "qu'", "Qu’", "jusqu'", "Jusqu'", "lorsqu’", "puisqu'", "s'", "n'", "c'", "j'", "m'", "t'",
  "'s", "’s", "'S", "'", "’", "-", "‑", "–", "<", ">", "<redacted>", "<person>", "<LOC>", "<a b>", "<>", "<<x>>",
  "<123456789012345678901>", "<12345678901234567890>", "État", "homme", "Aruwimi", "Q", "eqchi", "Sana", "a", "s", "S",
  "DD", "UPDF", "MoSA", "HRDs", "1", "2021", "½", "Ⅻ", "ß", "İ", "ǅ", "é", "e\u0301", "Ω", "ω", "ٱلْعَرَبِيَّة", "中文", "𝐀", "𝐚", "😀",
  "\uD800", "\uDC00", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\u3000", "\ufeff", ",", ".", "(", ")", "&", "bw'Abagore",
  "N", "N'", "N’", "Djamena", "Zérékoré", "xN",
];

describe("tokenize", () => {
  it.each([
    ["l'homme d’État", ["l", "'", "homme", "d", "’", "État"]],
    ["Q'eqchi and Sana'a", ["Q'eqchi", "and", "Sana'a"]],
    ["DD's mentorship", ["DD's", "mentorship"]],
    ["jusqu'à lorsqu'il", ["jusqu", "'", "à", "lorsqu", "'", "il"]],
    ["a <redacted> b <x y> <LOC>", ["a", "<redacted>", "b", "<", "x", "y", ">", "<LOC>"]],
    ["UAF-Africa co‑op –", ["UAF-Africa", "co‑op", "–"]],
    ["𝐀𝐁 😀 x", ["𝐀𝐁", "😀", "x"]],
  ])("splits %j like the reference regex", (text, expected) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(expected);
    expect(tokenize(text)).toEqual(referenceTokenize(text));
  });

  it("gives the reference regex's tokens and offsets for strings built from edge-case pieces", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.nat(1000), (pieces, offset) => {
        const text = pieces.join("");
        expect(tokenize(text, offset)).toEqual(referenceTokenize(text, offset));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives the reference regex's tokens for arbitrary strings of any code points", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        expect(tokenize(text)).toEqual(referenceTokenize(text));
      }),
      { numRuns: 1000 },
    );
  });

  it("gives the reference regex's tokens for arbitrary mixes of pieces and characters", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "grapheme", maxLength: 3 })), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(tokenize(text)).toEqual(referenceTokenize(text));
      }),
      { numRuns: 2000 },
    );
  });
});
