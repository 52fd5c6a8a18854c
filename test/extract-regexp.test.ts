// uRegExp's cheaper boundaries match exactly what the general Unicode `\b` matched, on the rules' kinds of patterns.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundarySides, uRegExp } from "../ingest/extract/_regexp.ts";

/** uRegExp as it was: every `\b` inside the pattern became the general two-sided lookaround. */
function referenceURegExp(source: string, flags = "giu"): RegExp {
  const inner = "(?:(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}]))";
  const src = source.replace(/^\\b/, "(?<![\\p{L}\\p{N}])").replace(/\\b$/, "(?![\\p{L}\\p{N}])");
  return new RegExp(src.replace(/\\b/g, inner), flags);
}

const FR_AUX = String.raw`(?:a|ont|avait|avaient|aura|avons|avions|aurons)\s+(?:(?!été\b)[\p{L}]+\s+)?`;
/** Patterns of the kinds the relation rules write (several copied from them), and edge cases of the reader. */
const PATTERNS: [string, string][] = [
  [String.raw`\b(?:trained|trains|train|${FR_AUX}formée?s?|forme|forment)\b`, "giu"],
  [String.raw`\b(?:were|was|been|are|is|ont été|a été|avaient été|avait été|sont|seront|été)\s+(?:\w+\s+)?(?:trained|formée?s?)\b`, "giu"],
  [String.raw`\b(?:gave|awarded|granted|provided|${FR_AUX}(?:octroyé|accordé))\b([^.;]{0,60}?)\b(?:grants?|subventions?|financement)\b`, "giu"],
  [
    [
      String.raw`\b(?:with|thanks to|through|using)\s+(?:(?:the|a|an)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:funding|funds|grants?)(?: support)?\s+(?:from|of|provided by)`,
      String.raw`\b(?:avec|grâce à|grâce aux?|sur)\s+(?:(?:les?|la|des|une?)\s+|l['’])?(?:[\p{L}-]+\s+){0,2}?(?:fonds|financements?)\s+(?:d[eu]s?|de la|de l['’])`,
      String.raw`\b(?:co-?)?(?:funded|financed|paid for)\s+(?:by|under|through)`,
      String.raw`\b(?:co-?)?financée?s?\s+(?:par|dans le cadre d[eu])`,
      String.raw`\bunder`,
    ].join("|") + String.raw`\b`,
    "giu",
  ],
  [String.raw`\bthrough\b[^.;]{0,100}?\bsuch as\b`, "giu"],
  [String.raw`\b(?:its|their|son|sa)\s+partners?\b(?:\s+(?:station|NGO))?\s*,?\s*`, "giu"],
  [String.raw`\b(?:to|with|à|au|auprès d[eu]|accusé)\s+(?:(?:the|la|le|les|l['’])\s*)?$`, "iu"],
  [String.raw`^(?:['’]s?)?\s+(?:(?:also|then|has)\s+)*(?:trained|funded|(?:a|ont)\s+(?:[\p{L}]+\s+)?(?:formé|financé))\b`, "u"],
  [String.raw`(?<![\p{L}](?:ed|ée?s?|é|en))\s+(?:by|par)\s+`, "giu"],
  // edge cases (inside ",?…,?" so that no boundary is the pattern's first or last): boundaries next to optional,
  // repeated, empty, non-letter and opaque parts
  ...[
    String.raw`x?\by`,
    String.raw`\b(?:a|)\bb`,
    String.raw`(?:\bab|ba\b)+c`,
    String.raw`(?:ab\b)*\b`,
    String.raw`a\b-?\bb`,
    String.raw`\b_\b`,
    String.raw`\b\w+\b`,
    String.raw`\b\W+\b`,
    String.raw`\b\d+\b`,
    String.raw`\b\s\b`,
    String.raw`\b[\p{L}-]+\b`,
    String.raw`\b[\p{L}\p{N}]+\b`,
    String.raw`\b\p{Lu}\b`,
    String.raw`\b\P{L}\b`,
    String.raw`\b[a-z]{2}\b`,
    String.raw`\b[A-z]\b`,
    String.raw`\b[^a]\b`,
    String.raw`\b.\b`,
    String.raw`(.)\b\1`,
    String.raw`(?<=\bab)\bc`,
    String.raw`(?=\bé)\b.`,
    String.raw`\b\u00e9\b|\b\x41\b|\b\u{1D400}\b|\b\u002D\b`,
    String.raw`\bι\b`,
    String.raw`\B\b(?:a|b)\b\B`,
    String.raw`\b(?<name>éa)\b`,
    String.raw`\b(?:ab|c)+\b`,
    String.raw`\b(?:ab|c?)+\b`,
    String.raw`\b(?:ab){0,2}\b`,
  ].map((p): [string, string] => [`,?${p},?`, "giu"]),
];

/** Words and characters the patterns meet: their own words, accents, apostrophes, digits, "_", and letters that case-fold oddly. */
const PIECES = [
  ...new Set(PATTERNS.flatMap(([p]) => p.match(/\p{L}+/gu) ?? [])),
  " ", " ", "  ", "'", "’", "-", "_", ".", ",", ";", "(", ")", "1", "42", "é", "É", "e\u0301", "ſ", "K", "\u0345", "ι", "𝐀", "中", "\\", "x", "ab", "ba", "c",
];

const matches = (re: RegExp, text: string) => [...text.matchAll(new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g"))].map((m) => [m.index, ...m]);

describe("uRegExp", () => {
  it("replaces every inner boundary of the relation rules' kinds of pattern by a one-sided lookaround", () => {
    const [fund] = PATTERNS[3];
    const src = fund.replace(/^\\b/, "").replace(/\\b$/, "");
    expect([...boundarySides(src).values()].every((s) => s === "word-after")).toBe(true);
    expect(boundarySides(src).size).toBe((src.match(/\\b/g) ?? []).length);
    expect(uRegExp(fund).source).not.toContain("(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}])|");
  });

  it.each([
    [String.raw`x\by`, "word-after"],
    [String.raw`é\b `, "word-before"],
    [String.raw`-\b(?:co-?)?funded`, "word-after"],
    [String.raw`-\b(?:co|)-`, undefined],
    [String.raw`-\b\w`, undefined],
    [String.raw`(.)-\b\1`, undefined],
    [String.raw`[\b]`, undefined],
  ])("reads %s's boundary as %s", (source, side) => {
    expect([...boundarySides(source).values()][0]).toBe(side);
  });

  it.each([
    [String.raw`[\b]x\b`, "gu"],
    [String.raw`\\b\b`, "gu"],
  ])("keeps the old rewriting (here an invalid pattern) where a \\b is not a boundary: %s", (source, flags) => {
    expect(() => referenceURegExp(source, flags)).toThrow(SyntaxError);
    expect(() => uRegExp(source, flags)).toThrow(SyntaxError);
  });

  it.each(PATTERNS)("matches what the general boundary matched: %s", (source, flags) => {
    const fast = uRegExp(source, flags);
    const reference = referenceURegExp(source, flags);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(matches(fast, text)).toEqual(matches(reference, text));
      }),
      { numRuns: 400 },
    );
  });
});
