// Does an acronym abbreviate a name? Letters are taken from word starts (up to three per word); small words may be skipped.
import { NAME_PARTICLES, fold } from "./_text.ts";

/**
 * True when `acronym` can be spelled from the starts of `words` in order: "APRU" ← Actions pour la Promotion Rurale,
 * "CODENOR" ← COalition des DÉfenseures du NORd, "UNMISS" ← United Nations Mission In South Sudan.
 */
export function abbreviates(acronym: string, name: string, maxSkips = 2): boolean {
  const letters = fold(acronym).replace(/[^a-z0-9]/g, "");
  const words = fold(name)
    .split(/[\s-]+/)
    .filter(Boolean);
  if (letters.length < 2 || words.length === 0 || words[0][0] !== letters[0]) return false;
  const memo = new Map<string, boolean>();
  const go = (li: number, wi: number, skips: number): boolean => {
    if (li === letters.length) return words.slice(wi).every((w) => NAME_PARTICLES.has(w)) || wi >= words.length - 0;
    if (wi >= words.length) return false;
    const key = `${li}:${wi}:${skips}`;
    const seen = memo.get(key);
    if (seen !== undefined) return seen;
    const w = words[wi];
    let ok = false;
    for (let k = 1; k <= Math.min(3, w.length) && !ok; k++) {
      if (letters.startsWith(w.slice(0, k), li)) ok = go(li + k, wi + 1, skips);
    }
    if (!ok && NAME_PARTICLES.has(w)) ok = go(li, wi + 1, skips);
    if (!ok && skips < maxSkips && wi > 0) ok = go(li, wi + 1, skips + 1);
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0, 0);
}

/** The initials of a name's content words ("Office of the Prime Minister" → "OPM"). */
export function initials(name: string): string {
  return fold(name)
    .split(/[\s-]+/)
    .filter((w) => w && !NAME_PARTICLES.has(w))
    .map((w) => w[0])
    .join("")
    .toUpperCase();
}
