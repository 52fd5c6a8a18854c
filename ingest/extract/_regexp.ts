// Regexps whose `\b` is a Unicode word boundary: each `\b` becomes the cheapest lookaround that means the same there,
// found by reading the pattern (a boundary before a letter is only "no letter before", and after a letter "none after").

const WORD = "[\\p{L}\\p{N}]";
/** The general Unicode `\b`: a letter on one side only. */
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
const NO_WORD_BEFORE = `(?<!${WORD})`;
const NO_WORD_AFTER = `(?!${WORD})`;

/** A RegExp whose `\b` is a Unicode word boundary, so French words ending in accents ("formé", "appuyé") still match. */
export function uRegExp(source: string, flags = "giu"): RegExp {
  // a leading \b before a word is only "no letter before", a trailing one only "no letter after"
  const src = source.replace(/^\\b/, NO_WORD_BEFORE).replace(/\\b$/, NO_WORD_AFTER);
  const sides = boundarySides(src);
  return new RegExp(
    src.replace(/\\b/g, (_, at: number) => {
      const side = sides.get(at);
      return side === "word-after" ? NO_WORD_BEFORE : side === "word-before" ? NO_WORD_AFTER : BOUNDARY;
    }),
    flags,
  );
}

// ---- reading the pattern: just enough of the RegExp grammar to know what a boundary stands between ----

type Item = {
  /** Matches no character: an assertion, a lookaround, a boundary. */
  zero: boolean;
  /** Whose text cannot be told (a back-reference): no conclusion may pass through it. */
  opaque: boolean;
  /** Each character it consumes is a letter or a number (for a group: see `alts`). */
  word: boolean;
  alts?: Item[][];
  min: number;
  max: number;
  /** Offset of a `\b` in the pattern. */
  boundary?: number;
};

type Side = "word-after" | "word-before";

/**
 * For each `\b` of the pattern (by offset): whether the character after it is always a letter or number ("word-after"),
 * or the character before it is ("word-before"). Empty when the pattern uses syntax this reader does not know.
 */
export function boundarySides(source: string): Map<number, Side> {
  const sides = new Map<number, Side>();
  let alts: Item[][];
  try {
    const reader = new PatternReader(source);
    alts = reader.disjunction();
    if (!reader.done()) return sides;
  } catch {
    return sides;
  }
  const visit = (alts: Item[][]) => {
    for (const alt of alts)
      alt.forEach((it, k) => {
        if (it.alts) visit(it.alts);
        if (it.boundary === undefined) return;
        if (startsWithWord(alt, k + 1, () => false)) sides.set(it.boundary, "word-after");
        else if (endsWithWord(alt, k, () => false)) sides.set(it.boundary, "word-before");
      });
  };
  visit(alts);
  return sides;
}

/** Every match of seq[i..] (then `next`) starts by consuming a letter or number. */
function startsWithWord(seq: Item[], i: number, next: () => boolean): boolean {
  for (; i < seq.length; i++) {
    const it = seq[i];
    if (it.zero) continue;
    if (it.opaque) return false;
    const rest = (k: number) => () => startsWithWord(seq, k, next);
    if (!firstIsWord(it, rest(i + 1))) return false;
    if (it.min > 0) return true;
    // an optional item may be skipped: what follows it must start with a word too (the loop goes on)
  }
  return next();
}

function endsWithWord(seq: Item[], j: number, prev: () => boolean): boolean {
  for (; j > 0; j--) {
    const it = seq[j - 1];
    if (it.zero) continue;
    if (it.opaque) return false;
    const rest = (k: number) => () => endsWithWord(seq, k, prev);
    if (!lastIsWord(it, rest(j - 1))) return false;
    if (it.min > 0) return true;
  }
  return prev();
}

function firstIsWord(it: Item, after: () => boolean): boolean {
  if (!it.alts) return it.word;
  // an alternative that matches nothing hands over to what follows the group (only known when it does not repeat)
  const cont = it.max === 1 ? after : () => false;
  return it.alts.every((alt) => startsWithWord(alt, 0, cont));
}

function lastIsWord(it: Item, before: () => boolean): boolean {
  if (!it.alts) return it.word;
  const cont = it.max === 1 ? before : () => false;
  return it.alts.every((alt) => endsWithWord(alt, alt.length, cont));
}

const isWordChar = (ch: string) => /^[\p{L}\p{N}]$/u.test(ch);
/** Property escapes whose characters are all letters or numbers. */
const WORD_PROPERTIES = new Set(["L", "Lu", "Ll", "Lt", "Lm", "Lo", "N", "Nd", "Nl", "No", "Letter", "Number"]);

class PatternReader {
  private i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i === this.s.length;
  }

  private fail(): never {
    throw new Error(`unsupported pattern at ${this.i}`);
  }

  disjunction(): Item[][] {
    const alts: Item[][] = [[]];
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === ")") return alts;
      if (c === "|") {
        this.i++;
        alts.push([]);
        continue;
      }
      alts[alts.length - 1].push(this.quantified(this.atom()));
    }
    return alts;
  }

  private atom(): Item {
    const s = this.s;
    const at = this.i;
    const c = s[this.i];
    const consuming = (word: boolean): Item => ({ zero: false, opaque: false, word, min: 1, max: 1 });
    const zero: Item = { zero: true, opaque: false, word: false, min: 1, max: 1 };
    if (c === "^" || c === "$") return this.i++, zero;
    if (c === ".") return this.i++, consuming(false);
    if (c === "(") {
      this.i++;
      let look = false;
      if (s.startsWith("?:", this.i)) this.i += 2;
      else if (s.startsWith("?=", this.i) || s.startsWith("?!", this.i)) (this.i += 2), (look = true);
      else if (s.startsWith("?<=", this.i) || s.startsWith("?<!", this.i)) (this.i += 3), (look = true);
      else if (s.startsWith("?<", this.i)) {
        const close = s.indexOf(">", this.i);
        if (close < 0) this.fail();
        this.i = close + 1;
      } else if (s[this.i] === "?") this.fail();
      const alts = this.disjunction();
      if (s[this.i] !== ")") this.fail();
      this.i++;
      return look ? { ...zero, alts } : { zero: false, opaque: false, word: false, alts, min: 1, max: 1 };
    }
    if (c === "[") return consuming(this.characterClass());
    if (c === "\\") {
      const e = s[this.i + 1];
      if (e === undefined) this.fail();
      if (e === "b") return (this.i += 2), { ...zero, boundary: at };
      if (e === "B") return (this.i += 2), zero;
      if (/[1-9]/.test(e) || e === "k") this.fail();
      return consuming(this.escape());
    }
    if (c === ")" || c === "|" || c === "*" || c === "+" || c === "?" || c === "{" || c === "}" || c === "]") this.fail();
    const cp = String.fromCodePoint(s.codePointAt(this.i)!);
    this.i += cp.length;
    return consuming(isWordChar(cp));
  }

  /** An escape outside or inside a class, the backslash at `i`: true when everything it matches is a letter or number. */
  private escape(): boolean {
    const s = this.s;
    const e = s[this.i + 1];
    this.i += 2;
    if (e === "p" || e === "P") {
      if (s[this.i] !== "{") this.fail();
      const close = s.indexOf("}", this.i);
      if (close < 0) this.fail();
      const name = s.slice(this.i + 1, close);
      this.i = close + 1;
      return e === "p" && WORD_PROPERTIES.has(name.replace(/^(?:gc|General_Category)=/, ""));
    }
    if (e === "d") return true;
    if (e === "u" || e === "x" || e === "c") {
      // a character given by its code: read it, then judge the character itself
      const m = /^u\{([0-9a-fA-F]+)\}|^u([0-9a-fA-F]{4})|^x([0-9a-fA-F]{2})|^c[A-Za-z]/.exec(s.slice(this.i - 1));
      if (!m) this.fail();
      this.i += m[0].length - 1;
      const hex = m[1] ?? m[2] ?? m[3];
      return hex !== undefined && isWordChar(String.fromCodePoint(parseInt(hex, 16)));
    }
    // \s \S \w \W \D \n \t \0 and escaped punctuation: never only letters or numbers (\w has "_")
    return false;
  }

  /** A class at `i`: true when every character it can match is a letter or number. */
  private characterClass(): boolean {
    const s = this.s;
    this.i++;
    let all = true;
    if (s[this.i] === "^") (this.i++), (all = false);
    let prev: string | null = null;
    while (this.i < s.length && s[this.i] !== "]") {
      const c = s[this.i];
      if (c === "\\") {
        all = this.escape() && all;
        prev = null;
        continue;
      }
      if (c === "-" && prev !== null && s[this.i + 1] !== "]") {
        // a range: only a-z, A-Z or 0-9 inside one of those is known to hold letters or numbers only
        const to = s[this.i + 1];
        const ok = ["az", "AZ", "09"].some(([lo, hi]) => prev! >= lo && prev! <= hi && to >= lo && to <= hi && prev! <= to);
        all = all && ok;
        this.i += 2;
        prev = null;
        continue;
      }
      const cp = String.fromCodePoint(s.codePointAt(this.i)!);
      this.i += cp.length;
      all = all && isWordChar(cp);
      prev = cp;
    }
    if (s[this.i] !== "]") this.fail();
    this.i++;
    return all;
  }

  private quantified(it: Item): Item {
    const s = this.s;
    const c = s[this.i];
    let min = 1, max = 1;
    if (c === "?") (min = 0), (max = 1);
    else if (c === "*") (min = 0), (max = Infinity);
    else if (c === "+") (min = 1), (max = Infinity);
    else if (c === "{") {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(s.slice(this.i));
      if (!m) this.fail();
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      this.i += m[0].length - 1;
    } else return it;
    this.i++;
    if (s[this.i] === "?") this.i++;
    if (it.zero) this.fail();
    return { ...it, min: it.min * min, max: max === 1 ? it.max : Infinity };
  }
}
