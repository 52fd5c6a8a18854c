// One record → its local entities and every mention of them, sentence by sentence: actors found from the text,
// then every later use of their names and acronyms, places, the programme, and phrases that refer back ("the network").
import type { EntityType, Evidence, OutcomeRecord, TextField } from "../schema.ts";
import { abbreviates, initials } from "./_acronyms.ts";
import { type ActorCandidate, findActors, isGenericName, typeOfName } from "./_actors.ts";
import { type PlaceHit, findCountries, findLocalPlaces } from "./_places.ts";
import { GENERIC_ACRONYMS, HEADS, type Span, type Token, compactKey, fold, splitSentences, tokenize } from "./_text.ts";
import { DisjointSpans, SpanIndex } from "./_spans.ts";
import { type NameTrie, NameTrie as Trie, matchTokens } from "./_trie.ts";
import type { GazetteerEntry, LocalEntity } from "./types.ts";

/** Fields read for entities and relations, in reading order; the merged story repeats them and is skipped. */
export const EXTRACT_FIELDS: TextField[] = [
  "outcomeDescription",
  "significance",
  "additionalInformation",
  "programmeContribution",
  "otherActorsContribution",
  "evidence",
];
/** Fields where new actors may be discovered; the evidence field only names actors already introduced. */
const DISCOVERY_FIELDS = new Set<TextField>(EXTRACT_FIELDS.filter((f) => f !== "evidence"));

export type Mention = { key: string; start: number; end: number; kind: "name" | "coref" };
export type Sentence = { field: TextField; span: Span; text: string; tokens: Token[]; mentions: Mention[] };
export type RecordView = {
  record: OutcomeRecord;
  sentences: Sentence[];
  entities: Map<string, LocalEntity>;
  programme: string | null;
  evidence: (s: Sentence) => Evidence;
};

const ACTOR_TYPES = new Set<EntityType>(["Organisation", "Coalition", "GovernmentBody", "ArmedGroup", "Programme", "Project"]);
export const isActorType = (t: EntityType) => ACTOR_TYPES.has(t) && t !== "Project";

type Draft = { id: number; type: EntityType; name: string; rank: number; names: Set<string>; country?: string; gazetteer?: GazetteerEntry; generic: boolean };
const RANK: Record<ActorCandidate["rule"], number> = { gazetteer: 4, "acronym-definition": 3, "head-noun": 2, acronym: 1, lexicon: 0 };

export function readRecord(record: OutcomeRecord, gazetteer: NameTrie<GazetteerEntry> | null): RecordView {
  // 1. sentences and tokens of each field
  const sentences: Sentence[] = [];
  for (const field of EXTRACT_FIELDS) {
    const value = record.text[field] ?? "";
    for (const span of splitSentences(value)) {
      const text = value.slice(span.start, span.end);
      sentences.push({ field, span, text, tokens: tokenize(text, span.start), mentions: [] });
    }
  }
  const programme = /^([A-Z][A-Za-z0-9]{1,10})[-_/]/.exec(record.fragmentId)?.[1] ?? null;
  const country = record.country.iso;

  // 2. actors introduced by the text or known to the gazetteer
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  const rejected = new Set<string>();
  const plural = new Set<string>();
  const found: { s: Sentence; c: ActorCandidate; d: Draft }[] = [];
  const keysOf = (names: Iterable<string>) => [...names].map(compactKey).filter(Boolean);
  const addDraft = (c: { name: string; type: EntityType; aliases: string[]; rule: ActorCandidate["rule"]; gazetteer?: GazetteerEntry; generic?: boolean }, where?: Sentence): Draft => {
    const names = [c.name, ...c.aliases];
    const hits = new Set(keysOf(names).map((k) => byKey.get(k)).filter((d): d is Draft => !!d));
    let d: Draft;
    if (hits.size === 0) {
      d = { id: drafts.length, type: c.type, name: c.name, rank: RANK[c.rule], names: new Set(), gazetteer: c.gazetteer, generic: !!c.generic };
      drafts.push(d);
    } else {
      const [first, ...rest] = [...hits].sort((a, b) => b.rank - a.rank || a.id - b.id);
      d = first;
      for (const r of rest) absorb(d, r);
    }
    if (RANK[c.rule] > d.rank || (RANK[c.rule] === d.rank && c.name.length > d.name.length && c.rule !== "acronym")) {
      d.name = c.name;
      d.type = c.type;
      d.rank = RANK[c.rule];
    }
    if (c.gazetteer) d.gazetteer = c.gazetteer;
    if (c.generic === false) d.generic = false;
    if (d.gazetteer?.country) d.country = d.gazetteer.country;
    else if (d.generic && !d.country && c.generic) d.country = countryNear(where) ?? country;
    for (const n of names) d.names.add(n);
    for (const k of keysOf(d.names)) byKey.set(k, d);
    return d;
  };
  const absorb = (into: Draft, from: Draft) => {
    for (const n of from.names) into.names.add(n);
    if (from.rank > into.rank) Object.assign(into, { name: from.name, type: from.type, rank: from.rank });
    into.gazetteer ??= from.gazetteer;
    for (const k of keysOf(from.names)) byKey.set(k, into);
    from.names.clear();
    from.rank = -1;
  };
  const countryNear = (s?: Sentence) => (s ? findCountries(matchTokens(s.tokens)).find((p) => p.iso)?.iso : undefined);

  const factsOf = new Map<Sentence, ReturnType<typeof findActors>>();
  for (const s of sentences) if (DISCOVERY_FIELDS.has(s.field)) factsOf.set(s, findActors(record.text[s.field], s.tokens, gazetteer));
  // an acronym this record defines for a name of its own is that name's, not a gazetteer actor's ("Open Spaces Fund (OSF)")
  const definedHere = new Map<string, string[]>();
  for (const facts of factsOf.values())
    for (const c of facts.candidates)
      if (c.rule === "acronym-definition") for (const a of c.aliases) if (/^[\p{Lu}\d&-]{2,10}$/u.test(a)) definedHere.set(a, [c.name, ...c.aliases].map(compactKey));
  const ownAcronym = (s: Sentence, c: ActorCandidate) => {
    if (c.rule !== "gazetteer") return false;
    const surface = record.text[s.field].slice(c.start, c.end);
    const names = definedHere.get(surface);
    return !!names && ![c.name, ...c.aliases].some((n) => names.includes(compactKey(n)) && compactKey(n) !== compactKey(surface));
  };
  for (const [s, facts] of factsOf) {
    facts.rejected.forEach((a) => rejected.add(a));
    facts.plural.forEach((a) => plural.add(a));
    for (const c of facts.candidates) if (!ownAcronym(s, c)) found.push({ s, c, d: addDraft(c, s) });
  }
  // a shorter name that opens a longer one of the same type is the same body ("Ministry of Defence")
  const live = () => drafts.filter((d) => d.rank >= 0);
  // indexed by each name's leading words (a name only ever shortens to one of its own prefixes here), not all pairs
  const byPrefix = new Map<string, Draft[]>();
  for (const b of live()) {
    const words = fold(b.name).split(" ");
    for (let k = 3; k < words.length; k++) {
      const p = words.slice(0, k).join(" ");
      (byPrefix.get(p) ?? byPrefix.set(p, []).get(p)!).push(b);
    }
  }
  for (const a of live()) {
    if (a.rank < 0) continue;
    const fa = fold(a.name);
    if (fa.split(" ").length < 3) continue;
    for (const b of byPrefix.get(fa) ?? []) {
      if (a === b || a.rank < 0 || b.rank < 0 || a.type !== b.type) continue;
      if (fold(b.name).startsWith(fa + " ")) absorb(b, a);
    }
  }

  // 3. the programme named by the FragmentID prefix
  let programmeDraft: Draft | null = null;
  // a programme the text names in full whose initials are the prefix ("Inclusive Voices programme" ← IVP) is that one
  const spelled = programme ? live().find((d) => d.type === "Programme" && [...d.names].some((n) => spellsPrefix(n, programme))) : undefined;
  if (programme) programmeDraft = addDraft({ name: spelled?.name ?? programme, type: "Programme", aliases: [programme, `${programme} programme`], rule: spelled ? "head-noun" : "gazetteer" });

  // 4. every use of the names found, then acronyms nobody defined
  const lexicon = new Trie<Draft>();
  for (const d of live())
    for (const n of d.names) {
      const words = fold(n).split(" ").length;
      const isAcr = /^[\p{Lu}\d]+$/u.test(n.replace(/[^\p{L}\d]/gu, "")) && n.length <= 10;
      lexicon.add(n, d, isAcr ? "exact" : words >= 3 ? "any" : "capital");
      // "the district NGO monitoring committee" ← "Gulu District NGO Monitoring Committee"
      const rest = n.split(/\s+/).slice(1).join(" ");
      if (!isAcr && words >= 4 && /^\p{Lu}/u.test(rest) && !isGenericName(rest)) lexicon.add(rest, d, "any");
    }
  type Hit = { s: Sentence; start: number; end: number; d: Draft; rank: number };
  const hits: Hit[] = found.map(({ s, c, d }) => ({ s, start: c.start, end: c.end, d, rank: RANK[c.rule] }));
  for (const s of sentences) for (const m of lexicon.findAll(matchTokens(s.tokens))) hits.push({ s, start: m.start, end: m.end, d: m.value, rank: 0 });
  const hitsOf = new Map<Sentence, Hit[]>();
  for (const h of hits) (hitsOf.get(h.s) ?? hitsOf.set(h.s, []).get(h.s)!).push(h);
  let liveDrafts = live();
  for (const s of sentences) {
    const own = new SpanIndex(hitsOf.get(s) ?? []);
    for (const t of s.tokens) {
      if (!t.acronym || own.contains(t.start, t.baseEnd)) continue;
      const acr = t.base;
      if (GENERIC_ACRONYMS.has(acr.toUpperCase()) || rejected.has(acr) || plural.has(acr) || /^\d/.test(acr)) continue;
      // a kind of body or a currency on its own ("FM", "TV", "FCFA") names no one
      if (HEADS[acr.toLowerCase()] !== undefined || /^(?:F?CFA|XOF|XAF)$/.test(acr)) continue;
      if (findCountries([t]).length > 0 || /^[IVX]+$/.test(acr)) continue;
      // a currency or a unit next to an amount ("RWF 9.6 million", "12,000 USD") is no actor
      if (/^[A-Z]{3}$/.test(acr) && (/^\s?\d/.test(s.text.slice(t.end - s.span.start, t.end - s.span.start + 2)) || (AMOUNT_BEFORE.test(s.text.slice(Math.max(0, t.start - s.span.start - 16), t.start - s.span.start)) && !YEAR_BEFORE.test(s.text.slice(Math.max(0, t.start - s.span.start - 6), t.start - s.span.start))))) continue;
      if (acr === programme && programmeDraft) {
        hits.push({ s, start: t.start, end: t.baseEnd, d: programmeDraft, rank: 1 });
        continue;
      }
      // an acronym of a name already found ("OPM" ← Office of the Prime Minister, "DD" ← DefendDefenders)
      const owner = liveDrafts.find((d) => d.type !== "Programme" && [...d.names].some((n) => camelInitials(n) === acr.toUpperCase() || (n.includes(" ") && abbreviates(acr, n, 0))));
      if (owner) {
        owner.names.add(acr);
        byKey.set(compactKey(acr), owner);
        hits.push({ s, start: t.start, end: t.baseEnd, d: owner, rank: 1 });
        continue;
      }
      PROJECT_AFTER.lastIndex = t.end - s.span.start;
      const next = PROJECT_AFTER.exec(s.text);
      const type: EntityType = next ? (/^pro(j|gramme|gram)s?/i.test(next[1]) && /^proj/i.test(next[1]) ? "Project" : "Programme") : "Organisation";
      if (!DISCOVERY_FIELDS.has(s.field) && !byKey.has(compactKey(acr))) continue;
      const d = addDraft({ name: acr, type, aliases: [], rule: "acronym" }, s);
      hits.push({ s, start: t.start, end: t.baseEnd, d, rank: 1 });
      liveDrafts = live();
    }
  }
  // overlapping hits: the longest wins, then the better-founded
  const root = (d: Draft): Draft => (d.rank >= 0 ? d : byKey.get(compactKey(d.name)) ?? d);
  const bySentence = new Map<Sentence, Hit[]>();
  for (const h of hits) (bySentence.get(h.s) ?? bySentence.set(h.s, []).get(h.s)!).push(h);
  for (const [s, hs] of bySentence) {
    hs.sort((a, b) => b.end - b.start - (a.end - a.start) || b.rank - a.rank);
    const kept: Hit[] = [];
    const keptSpans = new DisjointSpans();
    for (const h of hs)
      if (!keptSpans.overlaps(h.start, h.end)) {
        kept.push(h);
        keptSpans.add(h.start, h.end);
      }
    for (const h of kept) s.mentions.push({ key: `d${root(h.d).id}`, start: h.start, end: h.end, kind: "name" });
  }

  // 5. entities from drafts that kept at least one mention
  const entities = new Map<string, LocalEntity>();
  const mentioned = new Set(sentences.flatMap((s) => s.mentions.map((m) => m.key)));
  for (const d of live()) {
    const key = `d${d.id}`;
    if (!mentioned.has(key) && d !== programmeDraft) continue;
    const g = d.gazetteer;
    const name = g ? g.name : d.name;
    const type = g ? g.type : d.type;
    entities.set(key, {
      key,
      type,
      name,
      aliases: [...new Set([...d.names, ...(g?.aliases ?? [])])].filter((n) => n !== name),
      country: d.country,
      gazetteer: g?.name,
      generic: !g && d.generic,
      ...(d === programmeDraft && programme && !g ? { idName: programme } : {}),
      mentions: [],
    });
  }

  // 6. places: countries, then local places in the words no actor took
  const places: { s: Sentence; p: PlaceHit }[] = [];
  const actorNames = new Set([...entities.values()].filter((e) => e.type !== "Place").flatMap((e) => [e.name, ...e.aliases].map(compactKey)));
  for (const s of sentences) {
    if (s.field === "evidence") continue;
    const named = new SpanIndex(s.mentions);
    const taken = (i: number) => named.overlaps(s.tokens[i].start, s.tokens[i].start + 1);
    const countries = findCountries(matchTokens(s.tokens)).filter((p) => !named.contains(p.start, p.end));
    // "Ngou<redacted>": a word glued to a redaction token is part of what was redacted, never a place of its own
    const glued = (p: PlaceHit) => /[<>]/.test(record.text[s.field].charAt(p.end)) || /[<>]/.test(record.text[s.field].charAt(p.start - 1));
    const local = findLocalPlaces(s.tokens, taken).filter((p) => !actorNames.has(compactKey(p.name)) && !glued(p));
    const all = [...local, ...countries].sort((a, b) => b.end - b.start - (a.end - a.start) || (a.kind === "local" ? 1 : -1));
    const kept: PlaceHit[] = [];
    const keptSpans = new DisjointSpans();
    for (const p of all)
      if (!keptSpans.overlaps(p.start, p.end)) {
        kept.push(p);
        keptSpans.add(p.start, p.end);
      }
    for (const p of kept) places.push({ s, p });
  }
  const placeKey = (p: PlaceHit) => (p.iso ? `place:${p.iso}` : `place:${compactKey(p.name)}`);
  for (const { s, p } of places) {
    const key = placeKey(p);
    let e = entities.get(key);
    const surface = record.text[s.field].slice(p.start, p.end);
    if (!e) {
      e = { key, type: "Place", name: p.name, aliases: [], country: p.iso ?? (p.kind === "local" ? country : undefined), mentions: [] };
      entities.set(key, e);
    }
    if (surface !== e.name && !e.aliases.includes(surface)) e.aliases.push(surface);
    s.mentions.push({ key, start: p.start, end: p.end, kind: "name" });
  }
  // the record's own country or region is a place of the outcome, named or not
  if (record.country.kind !== "unknown") {
    const key = record.country.iso ? `place:${record.country.iso}` : `place:${compactKey(record.country.name)}`;
    if (!entities.has(key)) entities.set(key, { key, type: "Place", name: record.country.name, aliases: [], country: record.country.iso, mentions: [] });
  }

  // 7. phrases that refer back: the programme, "the network", "la coalition", "the national coalitions"
  const view: RecordView = {
    record,
    sentences,
    entities,
    programme: programmeDraft ? `d${programmeDraft.id}` : null,
    evidence: (s) => ({ outcome: record.id, field: s.field, text: s.text, start: s.span.start, end: s.span.end }),
  };
  resolveReferences(view);
  for (const s of sentences) {
    s.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const key of new Set(s.mentions.map((m) => m.key))) entities.get(key)?.mentions.push(view.evidence(s));
  }
  return view;
}


/** An amount right before a word, not a year ("12,000 USD", "5 million RWF"; never "In 2023 KWRC"). */
const AMOUNT_BEFORE = /(?:\d[\d,.\s]*(?:million|billion|bn|m|k)?|\d{1,3}(?:[,.\s]\d{3})+)\s?$/u;
const YEAR_BEFORE = /(?<!\d)(?:19|20)\d\d\s?$/;

/** "ACR project(s)/programme(s)" right after an acronym, read in place (sticky) rather than from a copy of the rest. */
const PROJECT_AFTER = /\s+(?:and\s+[A-Z]{2,}\s+)?(projects?|projet|programmes?|programs?)\b/iy;

function spellsPrefix(name: string, prefix: string): boolean {
  const bare = name.replace(/\s+(?:programme|program|project|projet)$/iu, "");
  return initials(bare) === prefix.toUpperCase() || initials(name) === prefix.toUpperCase();
}

const CAMEL_INITIALS = new Map<string, string>();
/** The initials of a name with its camel-case parts apart ("DefendDefenders" → "DD"); memoised, names recur. */
function camelInitials(name: string): string {
  let v = CAMEL_INITIALS.get(name);
  if (v === undefined) {
    if (CAMEL_INITIALS.size > 100_000) CAMEL_INITIALS.clear();
    CAMEL_INITIALS.set(name, (v = initials(splitCamel(name))));
  }
  return v;
}

function splitCamel(s: string): string {
  return s.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
}

const REFERRING = /\b(?:the|The|this|This|its|la|La|le|Le|l['’]|L['’]|du|au|cette|Cette|ce|Ce)\s*(coalitions?|network|réseau|association|organisation|organization|commission|Commission|ministry|ministère|forum|committee|comité|collectif|ligue|league|desk|initiative|consortium|alliance|platform|plateforme|centre|center|observatory|observatoire|collective|trust|hub|radio|station|union|cooperative|coopérative|institute|institut|foundation|fondation|clinic|clinique|council|conseil|federation|fédération|cellule|movement|mouvement|programme|program|Programme)\b(?!\s+(?:of|de|des|du)\s+\p{Lu})/gu;
const NATIONAL = /\b(?:the\s+|la\s+|les\s+|of\s+)?(?:national\s+(?:HRDs?\s+|human rights defenders?\s+)?(coalitions?|networks?|<redacted>)|(coalitions?|réseaux?)\s+nationa(?:le|les|l|ux))(?![\p{L}])/giu;
const HEAD_OF: Record<string, string[]> = {
  coalition: ["coalition", "network", "reseau", "alliance", "consortium", "platform", "plateforme"],
  network: ["network", "reseau", "coalition"],
  reseau: ["reseau", "network", "coalition"],
};

/** "We, the Elgon Trust (ET), …", "Nous, le CKAD, …", "We at Kituo …": the record's writer introduces itself by name. */
const WRITER = /(?<![\p{L}])(?:(?:We|we|Nous|nous)\s*,\s*(?:the\s+|le\s+|la\s+|les\s+|l['’]\s*)?|(?:We|we)\s+(?:at|from)\s+(?:the\s+)?)(?=\p{Lu})/gu;
/** First-person words that stand for the writer once it has named itself. */
const FIRST_PERSON = /(?<![\p{L}])(?:we|We|us|our|Our|ours|nous|Nous|notre|Notre|nos|Nos)(?![\p{L}'’])/gu;

/** The actor the writer named as itself, if it did. */
function findWriter(view: RecordView): string | null {
  for (const s of view.sentences) {
    if (!/(?:we|nous)/i.test(s.text)) continue;
    for (const m of s.text.matchAll(WRITER)) {
      const at = s.span.start + m.index! + m[0].length;
      const named = s.mentions.find((x) => x.start === at && x.kind === "name");
      const e = named && view.entities.get(named.key);
      if (e && isActorType(e.type) && e.type !== "Programme") return named.key;
    }
  }
  return null;
}

function resolveReferences(view: RecordView): void {
  const { sentences, entities, programme, record } = view;
  const writer = findWriter(view);
  const order: { key: string }[] = [];
  const nationals: string[] = [];
  const hasCoalitionWord = EXTRACT_FIELDS.some((f) => /coalition/i.test(record.text[f] ?? ""));
  const words = new Map<string, Set<string>>();
  const wordsOf = (key: string): Set<string> => {
    let w = words.get(key);
    if (!w) {
      const e = entities.get(key)!;
      words.set(key, (w = new Set([e.name, ...e.aliases].flatMap((n) => fold(n).split(" ")))));
    }
    return w;
  };
  for (const s of sentences) {
    const named = new SpanIndex(s.mentions);
    const covered = (a: number, b: number) => named.overlaps(a, b);
    const add: Mention[] = [];
    let countries: string[] | undefined;
    // national coalitions, one per country named with them
    for (const m of s.text.matchAll(NATIONAL)) {
      const start = s.span.start + m.index!, end = start + m[0].length;
      if (covered(start, end)) continue;
      const noun = (m[1] ?? m[2] ?? "").toLowerCase();
      const kind = noun.startsWith("<") ? (hasCoalitionWord ? "coalition" : "network") : /^(network|réseau)/.test(noun) ? "network" : "coalition";
      const pluralForm = /s$|aux$/.test(noun) || /^les\b/i.test(m[0]);
      countries ??= s.mentions.filter((x) => /^place:[A-Z]{3}$/.test(x.key)).map((x) => x.key.slice(6));
      if (countries.length > 0) {
        for (const iso of new Set(countries)) {
          const place = entities.get(`place:${iso}`)!;
          const key = `national-${kind}:${iso}`;
          if (!entities.has(key)) {
            entities.set(key, { key, type: "Coalition", name: `National ${kind} of ${place.name}`, aliases: [], country: iso, generic: true, mentions: [] });
            nationals.push(key);
          }
          add.push({ key, start, end, kind: "coref" });
        }
      } else if (pluralForm) for (const key of nationals) add.push({ key, start, end, kind: "coref" });
      else if (nationals.length > 0) add.push({ key: lastOf(order, nationals) ?? nationals[nationals.length - 1], start, end, kind: "coref" });
    }
    // the national phrases added so far; a "the network" phrase never overlaps an earlier one (matches do not overlap)
    const nationalSpans = new SpanIndex(add);
    for (const m of s.text.matchAll(REFERRING)) {
      const start = s.span.start + m.index!, end = start + m[0].length;
      if (covered(start, end) || nationalSpans.overlaps(start, end)) continue;
      const noun = fold(m[1]).replace(/s$/, "");
      if (noun === "programme" || noun === "program") {
        if (programme) add.push({ key: programme, start, end, kind: "coref" });
        continue;
      }
      if (/s$/.test(m[1]) && nationals.length > 0 && noun === "coalition") {
        for (const key of nationals) add.push({ key, start, end, kind: "coref" });
        continue;
      }
      const heads = HEAD_OF[noun] ?? [noun];
      const fits = (key: string) => {
        const e = entities.get(key);
        if (!e || !isActorType(e.type) || e.type === "Programme") return false;
        if (noun === "organisation" || noun === "organization") return e.type === "Organisation";
        const words = wordsOf(key);
        return heads.some((h) => words.has(h)) || (heads.includes("coalition") && e.type === "Coalition");
      };
      // the latest actor whose own name has the noun ("the network" → "… Network") before one that only has its kind
      const named = (key: string) => fits(key) && wordsOf(key).has(noun);
      // names earlier in this sentence count too ("mentored the Nyamata Cooperative's board and … the cooperative")
      const seen = [...order, ...s.mentions.filter((x) => x.end <= start && !x.key.startsWith("place:"))];
      let pick: string | undefined;
      for (let i = seen.length - 1; i >= 0 && !pick; i--) if (named(seen[i].key)) pick = seen[i].key;
      for (let i = seen.length - 1; i >= 0 && !pick; i--) if (fits(seen[i].key)) pick = seen[i].key;
      if (pick) add.push({ key: pick, start, end, kind: "coref" });
    }
    // the writer, once named, in every "we", "our", "nous", "notre"
    if (writer)
      for (const m of s.text.matchAll(FIRST_PERSON)) {
        const start = s.span.start + m.index!, end = start + m[0].length;
        if (!covered(start, end)) add.push({ key: writer, start, end, kind: "coref" });
      }
    s.mentions.push(...add);
    s.mentions.sort((a, b) => a.start - b.start);
    for (const m of s.mentions) if (!m.key.startsWith("place:")) order.push({ key: m.key });
  }
}

function lastOf(order: { key: string }[], keys: string[]): string | undefined {
  for (let i = order.length - 1; i >= 0; i--) if (keys.includes(order[i].key)) return order[i].key;
  return undefined;
}

export { typeOfName };
