// Resolution across records: one actor, one node. Local entities are grouped by shared name keys (blocked, never
// compared all against all), near-identical names are merged or listed as near-misses, and ids come from canonical names.
import type { Entity, EntityType, Evidence, Relation } from "./schema.ts";
import { SYMMETRIC_RELATIONS } from "./schema.ts";
import { compactKey, fold, slug } from "./extract/_text.ts";
import type { ExtractOptions, LocalEntity, MergeReport, MergeReason, RecordExtraction } from "./extract/types.ts";

const PREFIX: Record<EntityType, string> = {
  Organisation: "org",
  Coalition: "coal",
  GovernmentBody: "gov",
  Programme: "prog",
  Project: "proj",
  ArmedGroup: "armed",
  Tool: "tool",
  Place: "place",
  Training: "training",
  ActorGroup: "group",
  Person: "person",
};
/** More relation types than the schema will ever have: the factor of the numeric relation keys (target × slots + type). */
const TYPE_SLOTS = 1024;
/** Bigger buckets are words too common to say anything about identity ("Human", "Rights"). */
const MAX_BUCKET = 40;

/** The stable id of an entity: its type, its canonical name and, where the name alone is generic, its country. */
export function entityId(e: Pick<LocalEntity, "type" | "name" | "country" | "generic"> & { key?: string }): string {
  // countries and regions are keyed by ISO code or region name; local places by name and country ("Tripoli" LBN ≠ LBY)
  if (e.type === "Place" && e.key && /^place:[A-Z]{3}$/.test(e.key)) return e.key;
  if (e.type === "Place" && !e.country) return `place:${slug(e.name)}`;
  const base = `${PREFIX[e.type]}:${slug(e.name)}`;
  return (e.generic || e.type === "Place") && e.country ? `${base}@${e.country}` : base;
}

type Item = { rec: number; e: LocalEntity; group: number };

export function resolveEntities(
  records: RecordExtraction[],
  options: ExtractOptions,
): { entities: Entity[]; relations: Relation[]; mergeReport: MergeReport } {
  // 1. every local entity, with the keys its names give
  const items: Item[] = [];
  records.forEach((r, rec) => r.entities.forEach((e) => items.push({ rec, e, group: items.length })));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const report: MergeReport = { merges: [], nearMisses: [] };
  const reasons = new Map<number, { reason: MergeReason; score: number }>();
  const blocked = new Set(options.doNotMerge.map(([a, b]) => pairKey(compactKey(a), compactKey(b))));
  const userCanon = new Map<string, string>();
  for (const [canon, names] of Object.entries(options.aliases)) for (const n of [canon, ...names]) userCanon.set(compactKey(n), canon);

  const sideOf = (e: LocalEntity) => (e.type === "Place" ? "place" : "actor");
  const keysOf = (e: LocalEntity) => {
    const keys = new Set<string>();
    const isoPlace = e.type === "Place" && /^place:[A-Z]{3}$/.test(e.key);
    // local places and generic bodies are told apart by country ("Tripoli" LBN ≠ LBY)
    const byCountry = (e.generic || (e.type === "Place" && !isoPlace)) && e.country;
    const side = sideOf(e);
    for (const n of [e.name, ...e.aliases]) {
      const key = compactKey(n);
      const canon = userCanon.get(key);
      const k = canon !== undefined ? `user:${compactKey(canon)}` : key;
      if (!k) continue;
      keys.add(`${side}|${k}${byCountry ? "@" + e.country : ""}`);
    }
    if (isoPlace && e.country) keys.add(`place|iso:${e.country}`);
    return keys;
  };
  const namesClash = (a: Item, b: Item) => {
    if (blocked.size === 0) return false;
    for (const x of [a.e.name, ...a.e.aliases]) for (const y of [b.e.name, ...b.e.aliases]) if (blocked.has(pairKey(compactKey(x), compactKey(y)))) return true;
    return false;
  };
  const union = (a: number, b: number, reason: MergeReason, score: number) => {
    const ra = find(a), rb = find(b);
    if (ra === rb) return;
    if (namesClash(items[a], items[b])) {
      report.nearMisses.push({ a: ref(items[a].e), b: ref(items[b].e), score, reason: "do-not-merge" });
      return;
    }
    parent[rb] = ra;
    const prev = reasons.get(ra);
    if (!prev || prev.score > score) reasons.set(ra, { reason, score });
  };

  // 2. same key → same entity (gazetteer names, acronyms, spellings that fold alike)
  const byKey = new Map<string, number>();
  const acronyms = new Map<string, boolean>();
  const isAcronym = (n: string) => acronyms.get(n) ?? (acronyms.set(n, /^[\p{Lu}\d&.-]{2,10}$/u.test(n)), acronyms.get(n)!);
  // per item, made the first time one of its keys meets another item's
  const acronymKeySets = new Map<number, Set<string>>();
  const acronymKeys = (i: number) => {
    let set = acronymKeySets.get(i);
    if (!set) acronymKeySets.set(i, (set = new Set([items[i].e.name, ...items[i].e.aliases].filter(isAcronym).map(compactKey))));
    return set;
  };
  items.forEach((it, i) => {
    for (const k of keysOf(it.e)) {
      const j = byKey.get(k);
      if (j === undefined) byKey.set(k, i);
      else {
        // one acronym, two different full names ("LTDH": Chad's league, Tunisia's league): two actors
        const other = items[j].e;
        const name = k.split("|")[1];
        const fullNames = !isAcronym(it.e.name) && !isAcronym(other.name);
        const viaAcronym = fullNames && acronymKeys(i).has(name) && acronymKeys(j).has(name);
        const sameName = () => [it.e.name, ...it.e.aliases].some((n) => !isAcronym(n) && [other.name, ...other.aliases].some((m) => compactKey(m) === compactKey(n)));
        if (viaAcronym && fullNames && !sameName()) {
          report.nearMisses.push({ a: ref(other), b: ref(it.e), score: similarity(compactKey(other.name), compactKey(it.e.name)), reason: "acronym-clash" });
          continue;
        }
        const reason: MergeReason = k.includes("|user:") ? "user-alias" : it.e.gazetteer || items[j].e.gazetteer ? "gazetteer" : /^[A-Z]+$/.test(name) ? "acronym" : "same-key";
        union(j, i, reason, 1);
      }
    }
  });

  // 3. near-identical names met in a shared rare word: merge above the threshold, list the rest. Compared once per
  // distinct spelling of a group, not per mention: a corpus repeats a few thousand names over and over, so the work
  // follows the vocabulary, and a word is rare when few distinct names share it, however often they are mentioned.
  const buckets = new Map<string, number[]>();
  const spellings = new Set<string>();
  items.forEach((it, i) => {
    if (it.e.type === "Place") return;
    const spelling = `${find(i)}|${it.e.type}|${it.e.generic ? 1 : 0}|${it.e.country ?? ""}|${compactKey(it.e.name)}`;
    if (spellings.has(spelling)) return;
    spellings.add(spelling);
    for (const w of new Set(fold(it.e.name).split(" ").filter((w) => w.length >= 4))) (buckets.get(w) ?? buckets.set(w, []).get(w)!).push(i);
  });
  const seenPairs = new Set<number>();
  for (const members of buckets.values()) {
    if (members.length < 2 || members.length > MAX_BUCKET) continue;
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x], b = members[y];
        if (find(a) === find(b)) continue;
        const pk = Math.min(a, b) * items.length + Math.max(a, b);
        if (seenPairs.has(pk)) continue;
        seenPairs.add(pk);
        const A = items[a].e, B = items[b].e;
        const score = similarityAtLeast(compactKey(A.name), compactKey(B.name), options.nearMissThreshold);
        if (score === 0 || score < options.nearMissThreshold) continue;
        if (A.type !== B.type) report.nearMisses.push({ a: ref(A), b: ref(B), score, reason: "different-type" });
        else if ((A.generic || B.generic) && A.country !== B.country) report.nearMisses.push({ a: ref(A), b: ref(B), score, reason: "different-country" });
        else if (score >= options.mergeThreshold) union(a, b, "similar-name", score);
        else report.nearMisses.push({ a: ref(A), b: ref(B), score, reason: "below-threshold" });
      }
  }

  // 4. one entity per group, named after its best-founded member
  const groups = new Map<number, Item[]>();
  items.forEach((it, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(it));
  const idOf = records.map(() => new Map<string, number>()); // per record: local key → index of its id in `ids`
  const ids: string[] = [];
  const indexOfId = new Map<string, number>();
  const entities = new Map<string, Entity>();
  for (const [root, members] of groups) {
    const best = bestFounded(members);
    const userName = userCanon.size === 0 ? undefined : [best.name, ...members.flatMap((m) => m.e.aliases)].map((n) => userCanon.get(compactKey(n))).find(Boolean);
    const canon = { ...best, name: userName ?? best.name };
    // a programme is identified by its FragmentID prefix whenever a member knows it, so one record alone agrees
    const idName = userName ? undefined : members.find((m) => m.e.idName)?.e.idName;
    const id = entityId(idName ? { ...canon, name: idName } : canon);
    const names = new Set<string>();
    for (const m of members) {
      if (m.e.name !== canon.name) names.add(m.e.name);
      for (const n of m.e.aliases) if (n !== canon.name) names.add(n);
    }
    const mentions: Evidence[] = members.flatMap((m) => m.e.mentions);
    const prev = entities.get(id);
    if (prev) {
      const known = new Set(prev.aliases);
      for (const n of names) if (!known.has(n) && n !== prev.name) prev.aliases.push(n);
      for (const m of mentions) prev.mentions.push(m);
    } else
      entities.set(id, {
        id,
        type: canon.type,
        name: canon.name,
        aliases: [...names],
        ...(canon.country ? { country: canon.country } : {}),
        mentions,
      });
    let index = indexOfId.get(id);
    if (index === undefined) indexOfId.set(id, (index = ids.push(id) - 1));
    for (const m of members) idOf[m.rec].set(m.e.key, index);
    if (members.length > 1 && new Set(members.map((m) => compactKey(m.e.name))).size > 1) {
      const why = reasons.get(root) ?? { reason: "same-key" as MergeReason, score: 1 };
      report.merges.push({ id, names: [...new Set(members.map((m) => m.e.name))], reason: why.reason, score: round(why.score) });
    }
  }

  // 5. relations on the resolved ids, duplicates merged with their evidence concatenated; looked up by numbers (the
  // endpoints' indices in `ids`, then the type's), not by joined strings
  for (const r of records) if (!indexOfId.has(r.outcome)) indexOfId.set(r.outcome, ids.push(r.outcome) - 1);
  const relations: Relation[] = [];
  const bySource = new Map<number, Map<number, { relation: Relation; seen: Set<string> | null }>>();
  const evKey = (e: Evidence) => `${e.outcome}|${e.field}|${e.start}|${e.end}`;
  const typeIndex = new Map<string, number>();
  records.forEach((r, rec) => {
    const outcome = indexOfId.get(r.outcome)!;
    const map = (k: string) => (k === "outcome" ? outcome : idOf[rec].get(k));
    for (const rel of r.relations) {
      let s = map(rel.source), t = map(rel.target);
      if (s === undefined || t === undefined) continue;
      let source = ids[s], target = ids[t];
      if (!source || !target || source === target) continue;
      if (SYMMETRIC_RELATIONS.has(rel.type) && source > target) ([source, target] = [target, source]), ([s, t] = [t, s]);
      let type = typeIndex.get(rel.type);
      if (type === undefined) {
        if (typeIndex.size === TYPE_SLOTS) throw new Error(`resolveEntities: more than ${TYPE_SLOTS} relation types`);
        typeIndex.set(rel.type, (type = typeIndex.size));
      }
      const key = t * TYPE_SLOTS + type;
      const targets = bySource.get(s) ?? bySource.set(s, new Map()).get(s)!;
      const prev = targets.get(key);
      if (!prev) {
        const relation: Relation = { source, type: rel.type, target, rule: rel.rule, evidence: [...rel.evidence] };
        relations.push(relation);
        targets.set(key, { relation, seen: null });
      } else {
        // the evidence keys of a relation, made only once a second local relation lands on it
        const seen = (prev.seen ??= new Set(prev.relation.evidence.map(evKey)));
        for (const ev of rel.evidence) if (!seen.has(evKey(ev))) (seen.add(evKey(ev)), prev.relation.evidence.push(ev));
        if (!prev.relation.rule!.split(",").includes(rel.rule)) prev.relation.rule += `,${rel.rule}`;
      }
    }
  });
  for (const e of entities.values()) e.mentions = dedupeEvidence(e.mentions);
  return { entities: [...entities.values()], relations, mergeReport: report };
}

/** The member an entity is named after: the best score, then the earliest record, then the first met (a stable sort's first). */
function bestFounded(members: Item[]): LocalEntity {
  let best = members[0], bestScore = score(best.e);
  for (let i = 1; i < members.length; i++) {
    const m = members[i], sc = score(m.e);
    if (sc > bestScore || (sc === bestScore && m.rec < best.rec)) (best = m), (bestScore = sc);
  }
  return best.e;
}

function score(e: LocalEntity): number {
  const acronymOnly = /^[\p{Lu}\d]+$/u.test(e.name);
  // a function of the name only, so the choice does not depend on how often other records mention it
  return (e.gazetteer ? 1000 : 0) + (acronymOnly ? 0 : 100) + Math.min(e.name.length, 99);
}

const ref = (e: LocalEntity) => ({ id: entityId(e), name: e.name });
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const round = (x: number) => Math.round(x * 1000) / 1000;

function dedupeEvidence(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.outcome}|${e.field}|${e.start}|${e.end}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/** 1 − normalised edit distance. */
export function similarity(a: string, b: string): number {
  return similarityAtLeast(a, b, 0);
}

/**
 * 1 − normalised edit distance when it reaches `min`, else 0: the inner loop of resolution. Lengths too far apart are
 * rejected at once; the distance itself is computed 32 characters at a time with bit vectors (Myers, in Hyyrö's form
 * for whole strings), a few operations per character of `b` instead of one cell per pair of characters.
 */
export function similarityAtLeast(a: string, b: string, min: number): number {
  if (a === b) return 1;
  const n = a.length, m = b.length;
  const longest = Math.max(n, m);
  if (Math.abs(n - m) > longest * 0.3) return 0;
  const bound = Math.floor((1 - min) * longest + 1e-9);
  if (Math.abs(n - m) > bound) return 0;
  const d = editDistance(a, b);
  return d > bound ? 0 : 1 - d / longest;
}

// bit masks of the pattern's characters (ASCII in a table, reset after each call), and the vertical delta vectors
let peq = new Int32Array(128 * 4);
let vp = new Int32Array(4);
let vn = new Int32Array(4);

/** Levenshtein distance (UTF-16 units), bit-parallel over `a`: bit i of a word stands for a[i]. */
export function editDistance(a: string, b: string): number {
  const m = a.length, n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  const words = (m + 31) >>> 5;
  if (vp.length < words) (vp = new Int32Array(words)), (vn = new Int32Array(words)), (peq = new Int32Array(128 * words));
  let wide: Map<number, Int32Array> | null = null;
  for (let i = 0; i < m; i++) {
    const c = a.charCodeAt(i);
    if (c < 128) peq[c * words + (i >>> 5)] |= 1 << (i & 31);
    else {
      wide ??= new Map();
      let mask = wide.get(c);
      if (!mask) wide.set(c, (mask = new Int32Array(words)));
      mask[i >>> 5] |= 1 << (i & 31);
    }
  }
  vp.fill(-1, 0, words);
  vn.fill(0, 0, words);
  const top = 1 << ((m - 1) & 31);
  let score = m;
  for (let j = 0; j < n; j++) {
    const c = b.charCodeAt(j);
    const mask = c < 128 ? null : (wide?.get(c) ?? null);
    // carries between words: of the addition, and of the horizontal deltas shifted in (+1 on the first row)
    let carry = 0, hpIn = 1, hnIn = 0;
    for (let w = 0; w < words; w++) {
      const eq = c < 128 ? peq[c * words + w] : mask ? mask[w] : 0;
      const p = vp[w], q = vn[w];
      const xv = eq | q;
      const sum = ((eq & p) >>> 0) + (p >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      const xh = ((sum | 0) ^ p) | eq;
      let hp = q | ~(xh | p);
      let hn = p & xh;
      if (w === words - 1) score += hp & top ? 1 : hn & top ? -1 : 0;
      const hpOut = hp >>> 31, hnOut = hn >>> 31;
      hp = (hp << 1) | hpIn;
      hn = (hn << 1) | hnIn;
      hpIn = hpOut;
      hnIn = hnOut;
      vp[w] = hn | ~(xv | hp);
      vn[w] = hp & xv;
    }
  }
  for (let i = 0; i < m; i++) {
    const c = a.charCodeAt(i);
    if (c < 128) peq[c * words + (i >>> 5)] = 0;
  }
  return score;
}
