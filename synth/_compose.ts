// Writing one record's text while keeping its truth: every actor mentioned becomes a gold entity (with the surface forms
// used, misspellings included) and every relation a sentence states is recorded beside it.
import type { EntityType, RelationType } from "../ingest/schema.ts";
import type { Rng } from "./_prng.ts";
import type { Actor, Lang, Programme } from "./pool.ts";
import type { GoldEntity, GoldRelation } from "./schema.ts";

/** The outcome node of the record, as the gold format names it. */
export const OUTCOME = "OUTCOME";

/** Folds a name the way the scorer compares names (case, accents, punctuation, a leading article). */
export function foldName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/'s\b/g, "s")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/^(the|la|le|les) /, "")
    .trim();
}

export const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

const VOWEL = /^[AEIOUYÉÈÊÂÎaeiouyéèêâîh]/;

/** A mention as written: the words and the article that goes before them in running text. */
export type Mention = { text: string; article: string };

export type Place = { name: string; aliases: string[] };

export function createComposer(rng: Rng, lang: Lang, redactPlaces: boolean) {
  const entities = new Map<string, GoldEntity>();
  const relations: GoldRelation[] = [];
  const forbidden = new Set<string>(["<redacted>", "<person>", "<LOC>", "redacted", "person", "LOC"]);
  const mentioned = new Set<string>();

  function entityOf(key: string, type: EntityType, name: string, aliases: string[], types?: EntityType[], optional?: boolean): GoldEntity {
    let e = entities.get(key);
    if (!e) {
      e = { name, type, aliases: [...new Set(aliases.filter((a) => a !== name))], ...(types ? { types } : {}), ...(optional ? { optional } : {}) };
      entities.set(key, e);
    } else if (!optional && e.optional) delete e.optional;
    return e;
  }

  function addAlias(e: GoldEntity, alias: string) {
    if (alias !== e.name && !e.aliases!.includes(alias)) e.aliases!.push(alias);
  }

  /** The article for a form in the record's language: English acronyms go bare; French ones keep the gender, elided before a vowel. */
  function articleFor(actor: Actor, form: string, full: boolean): string {
    const own = actor.lang === lang;
    if (lang === "en") return full ? (own ? actor.article : actor.article ? "the " : "") : "";
    const base = own ? actor.article : actor.article ? "le " : "";
    if (base === "") return "";
    if (VOWEL.test(form)) return "l'";
    if (base === "l'") return /^(Association|Action)/.test(actor.name) ? "la " : "le ";
    return base;
  }

  /** A mention of an actor: full name with its acronym the first time, mostly the acronym after that; sometimes misspelt. */
  function mention(actor: Actor): Mention {
    const e = entityOf(actor.key, actor.type, actor.name, [...(actor.acronym ? [actor.acronym] : []), ...actor.aliases], actor.types);
    const first = !mentioned.has(actor.key);
    mentioned.add(actor.key);
    let name = actor.name;
    if (rng.chance(0.04)) {
      name = misspell(rng, actor.name);
      addAlias(e, name);
    }
    const acr = actor.acronym;
    if (first) {
      const r = rng.next();
      if (acr && r < 0.55) return { text: `${name} (${acr})`, article: articleFor(actor, name, true) };
      if (acr && r < 0.7) return { text: `${acr} (${name})`, article: articleFor(actor, acr, false) };
      return { text: name, article: articleFor(actor, name, true) };
    }
    if (acr && rng.chance(0.75)) return { text: acr, article: articleFor(actor, acr, false) };
    const plain = actor.aliases.filter((a) => !/\b(programme|program|of [A-Z])/.test(a) && a !== actor.name && a.length > 4);
    if (plain.length && rng.chance(0.15)) {
      const alias = rng.pick(plain);
      return { text: alias, article: articleFor(actor, alias, true) };
    }
    return { text: name, article: articleFor(actor, name, true) };
  }

  /** A programme: "the VFC programme", "le programme Voices for Change (VFC)". */
  function programme(p: Programme): Mention {
    entityOf(p.key, "Programme", p.name, p.aliases);
    const first = !mentioned.has(p.key);
    mentioned.add(p.key);
    if (lang === "fr") {
      const text = first && rng.chance(0.4) ? `programme ${p.name} (${p.code})` : `programme ${p.code}`;
      return { text, article: "le " };
    }
    const r = rng.next();
    const text = first && r < 0.3 ? `${p.name} programme (${p.code})` : first && r < 0.45 ? `${p.name} (${p.code}) programme` : `${p.code} programme`;
    return { text, article: "the " };
  }

  /** A place: its name, or a redaction token in an anonymised record (then it is no entity). */
  function place(key: string, p: Place, written = p.name): string {
    if (redactPlaces && rng.chance(0.35)) return "<LOC>";
    entityOf(`place:${key}`, "Place", p.name, p.aliases);
    return written;
  }

  function relate(source: Actor | typeof OUTCOME, type: RelationType, target: Actor | typeof OUTCOME, optional = false) {
    const s = source === OUTCOME ? OUTCOME : source.name;
    const t = target === OUTCOME ? OUTCOME : target.name;
    const same = relations.find((r) => r.type === type && ((r.source === s && r.target === t) || (type === "PARTNERED_WITH" && r.source === t && r.target === s)));
    if (same) {
      if (!optional && same.optional) delete same.optional;
      return;
    }
    relations.push(optional ? { source: s, type, target: t, optional } : { source: s, type, target: t });
  }

  return {
    mention,
    programme,
    place,
    relate,
    /** An entity the record is about without naming it in the text (e.g. the country of the country field). */
    optionalPlace: (key: string, p: Place) => entityOf(`place:${key}`, "Place", p.name, p.aliases, undefined, true),
    forbid: (...names: string[]) => names.forEach((n) => forbidden.add(n)),
    gold: () => ({
      // Relations may only name entities the text mentions: drop the ones whose actor a redaction removed.
      entities: [...entities.values()].map((e) => (e.aliases!.length ? e : { ...e, aliases: undefined })).map(stripUndefined),
      relations: relations.filter((r) => [r.source, r.target].every((n) => n === OUTCOME || [...entities.values()].some((e) => e.name === n))),
      forbidden: [...forbidden],
    }),
  };
}

export type Composer = ReturnType<typeof createComposer>;

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

// ---- French and English articles with prepositions ----

/** "the Ministry of Justice", "l'Association…", "CST". */
export const the = (m: Mention) => `${m.article}${m.text}`;

/** French "de" + article: "du Collectif", "de la Ligue", "de l'Association", "de CST" (or "d'" before a vowel). */
export function de(m: Mention): string {
  if (m.article === "le ") return `du ${m.text}`;
  if (m.article === "les ") return `des ${m.text}`;
  if (m.article === "") return VOWEL.test(m.text) ? `d'${m.text}` : `de ${m.text}`;
  return `de ${m.article}${m.text}`;
}

/** French "à" + article: "au Collectif", "à la Ligue", "à l'Association". */
export function a(m: Mention): string {
  if (m.article === "le ") return `au ${m.text}`;
  if (m.article === "les ") return `aux ${m.text}`;
  return `à ${m.article}${m.text}`;
}

/** French "de" before written words that may start with an article: "du Collectif…", "de l'Association…". */
export const deText = (text: string) => (text.startsWith("le ") ? `du ${text.slice(3)}` : text.startsWith("les ") ? `des ${text.slice(4)}` : VOWEL.test(text) ? `d'${text}` : `de ${text}`);

/** French "à" before written words that may start with an article: "au Collectif…", "à l'Association…". */
export const aText = (text: string) => (text.startsWith("le ") ? `au ${text.slice(3)}` : text.startsWith("les ") ? `aux ${text.slice(4)}` : `à ${text}`);

/** "A", "A and B", "A, B and C" (or "et" in French). */
export function list(items: string[], lang: Lang): string {
  const and = lang === "fr" ? "et" : "and";
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

/** A typing slip a harvester could make in the longest word: two letters swapped, a letter doubled or dropped. */
export function misspell(rng: Rng, name: string): string {
  const words = name.split(" ");
  const longest = words.reduce((best, w, i) => (w.length > words[best].length ? i : best), 0);
  const w = words[longest];
  if (w.length < 5) return name;
  const i = rng.int(1, w.length - 3);
  const kind = rng.int(0, 2);
  const slipped = kind === 0 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : kind === 1 ? w.slice(0, i) + w[i] + w.slice(i) : w.slice(0, i) + w.slice(i + 1);
  words[longest] = slipped === w ? w.slice(0, i) + w.slice(i + 1) : slipped;
  return words.join(" ");
}
