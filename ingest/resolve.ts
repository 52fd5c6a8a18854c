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
    const names = [e.name, ...e.aliases];
    const keys = new Set<string>();
    for (const n of names) {
      const k = userCanon.has(compactKey(n)) ? `user:${compactKey(userCanon.get(compactKey(n))!)}` : compactKey(n);
      if (!k) continue;
      // local places and generic bodies are told apart by country ("Tripoli" LBN ≠ LBY)
      const byCountry = (e.generic || (e.type === "Place" && !/^place:[A-Z]{3}$/.test(e.key))) && e.country;
      keys.add(`${sideOf(e)}|${k}${byCountry ? "@" + e.country : ""}`);
    }
    if (e.type === "Place" && e.country && e.key.startsWith("place:") && /^place:[A-Z]{3}$/.test(e.key)) keys.add(`place|iso:${e.country}`);
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
  const acronymKeys = (e: LocalEntity) => new Set([e.name, ...e.aliases].filter(isAcronym).map(compactKey));
  items.forEach((it, i) => {
    for (const k of keysOf(it.e)) {
      const j = byKey.get(k);
      if (j === undefined) byKey.set(k, i);
      else {
        // one acronym, two different full names ("LTDH": Chad's league, Tunisia's league): two actors
        const other = items[j].e;
        const fullNames = !isAcronym(it.e.name) && !isAcronym(other.name);
        const viaAcronym = fullNames && acronymKeys(it.e).has(k.split("|")[1]) && acronymKeys(other).has(k.split("|")[1]);
        const sameName = [it.e.name, ...it.e.aliases].some((n) => !isAcronym(n) && [other.name, ...other.aliases].some((m) => compactKey(m) === compactKey(n)));
        if (viaAcronym && fullNames && !sameName) {
          report.nearMisses.push({ a: ref(other), b: ref(it.e), score: similarity(compactKey(other.name), compactKey(it.e.name)), reason: "acronym-clash" });
          continue;
        }
        const reason: MergeReason = k.includes("|user:") ? "user-alias" : it.e.gazetteer || items[j].e.gazetteer ? "gazetteer" : /^[A-Z]+$/.test(k.split("|")[1]) ? "acronym" : "same-key";
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
  const seenPairs = new Set<string>();
  for (const members of buckets.values()) {
    if (members.length < 2 || members.length > MAX_BUCKET) continue;
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x], b = members[y];
        if (find(a) === find(b)) continue;
        const pk = `${Math.min(a, b)}:${Math.max(a, b)}`;
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
  const idOf = new Map<string, string>(); // `${rec}|${localKey}` → id
  const entities = new Map<string, Entity>();
  for (const [root, members] of groups) {
    const best = [...members].sort((a, b) => score(b.e) - score(a.e) || a.rec - b.rec)[0].e;
    const userName = [best.name, ...members.flatMap((m) => m.e.aliases)].map((n) => userCanon.get(compactKey(n))).find(Boolean);
    const canon = { ...best, name: userName ?? best.name };
    // a programme is identified by its FragmentID prefix whenever a member knows it, so one record alone agrees
    const idName = userName ? undefined : members.map((m) => m.e.idName).find(Boolean);
    const id = entityId(idName ? { ...canon, name: idName } : canon);
    const names = new Set<string>();
    for (const m of members) for (const n of [m.e.name, ...m.e.aliases]) if (n !== canon.name) names.add(n);
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
    for (const m of members) idOf.set(`${m.rec}|${m.e.key}`, id);
    const distinct = new Set(members.map((m) => compactKey(m.e.name)));
    if (members.length > 1 && distinct.size > 1) {
      const why = reasons.get(root) ?? { reason: "same-key" as MergeReason, score: 1 };
      report.merges.push({ id, names: [...new Set(members.map((m) => m.e.name))], reason: why.reason, score: round(why.score) });
    }
  }

  // 5. relations on the resolved ids, duplicates merged with their evidence concatenated
  const relations = new Map<string, Relation>();
  const evidenceSeen = new Map<string, Set<string>>();
  const evKey = (e: Evidence) => `${e.outcome}|${e.field}|${e.start}|${e.end}`;
  records.forEach((r, rec) => {
    const map = (k: string) => (k === "outcome" ? r.outcome : idOf.get(`${rec}|${k}`));
    for (const rel of r.relations) {
      let source = map(rel.source), target = map(rel.target);
      if (!source || !target || source === target) continue;
      if (SYMMETRIC_RELATIONS.has(rel.type) && source > target) [source, target] = [target, source];
      const key = `${source}|${rel.type}|${target}`;
      const prev = relations.get(key);
      if (!prev) {
        relations.set(key, { source, type: rel.type, target, rule: rel.rule, evidence: [...rel.evidence] });
        evidenceSeen.set(key, new Set(rel.evidence.map(evKey)));
      } else {
        const seen = evidenceSeen.get(key)!;
        for (const ev of rel.evidence) if (!seen.has(evKey(ev))) (seen.add(evKey(ev)), prev.evidence.push(ev));
        if (!prev.rule!.split(",").includes(rel.rule)) prev.rule += `,${rel.rule}`;
      }
    }
  });
  for (const e of entities.values()) e.mentions = dedupeEvidence(e.mentions);
  return { entities: [...entities.values()], relations: [...relations.values()], mergeReport: report };
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

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * 1 − normalised edit distance when it reaches `min`, else 0. Only the diagonal band the bound allows is computed
 * (Ukkonen), and the scan stops as soon as every cell of a row is over the bound: most pairs that share a word are
 * far apart, and this is the inner loop of resolution.
 */
export function similarityAtLeast(a: string, b: string, min: number): number {
  if (a === b) return 1;
  const n = a.length, m = b.length;
  const longest = Math.max(n, m);
  if (Math.abs(n - m) > longest * 0.3) return 0;
  const bound = Math.floor((1 - min) * longest + 1e-9);
  if (Math.abs(n - m) > bound) return 0;
  if (rowA.length <= m) (rowA = new Int32Array(m + 1)), (rowB = new Int32Array(m + 1));
  let prev = rowA, cur = rowB;
  const over = bound + 1;
  for (let j = 0; j <= m; j++) prev[j] = j <= bound ? j : over;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - bound), to = Math.min(m, i + bound);
    cur[from - 1] = from === 1 && i <= bound ? i : over;
    let best = cur[from - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = (j <= i - 1 + bound ? prev[j] : over) + 1;
      const ins = cur[j - 1] + 1;
      const v = Math.min(sub, del, ins, over);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (to < m) cur[to + 1] = over;
    if (best > bound) return 0;
    [prev, cur] = [cur, prev];
  }
  const d = prev[m];
  return d > bound ? 0 : 1 - d / longest;
}
