// Finding actors in one sentence from how the text introduces them: acronym definitions either way round,
// capitalised names with a head noun ("… Network", "Ministry of …", "Réseau …"), and the known-actor gazetteer.
import type { EntityType } from "../schema.ts";
import { abbreviates } from "./_acronyms.ts";
import { SpanIndex } from "./_spans.ts";
import {
  GENERIC_ACRONYMS,
  GENERIC_NAME_WORDS,
  HEADS,
  LEADING_HEADS,
  LEADING_ONLY_HEADS,
  NAME_OPENERS,
  MONTHS,
  NAME_PARTICLES,
  type Token,
  fold,
  uRegExp,
} from "./_text.ts";
import { NameTrie, matchTokens } from "./_trie.ts";
import type { GazetteerEntry } from "./types.ts";

export type ActorCandidate = {
  start: number;
  end: number;
  name: string;
  type: EntityType;
  aliases: string[];
  rule: "gazetteer" | "acronym-definition" | "head-noun" | "acronym" | "lexicon";
  /** Higher wins when two candidates overlap and have the same length. */
  priority: number;
  gazetteer?: GazetteerEntry;
  generic?: boolean;
};

export type SentenceFacts = {
  candidates: ActorCandidate[];
  /** Acronyms whose definition is not an actor ("DDRRR" ← Disarming, Demobilizing…): never entities. */
  rejected: string[];
  /** Singular forms of plural acronyms ("SDCs" → "SDC"): classes of bodies, never one actor. */
  plural: string[];
};

export function buildGazetteer(entries: GazetteerEntry[]): NameTrie<GazetteerEntry> {
  const trie = new NameTrie<GazetteerEntry>();
  for (const e of entries)
    for (const n of [e.name, ...e.aliases])
      // acronyms exactly; long names in any case ("le ministère néerlandais des Affaires étrangères"); others from a capital
      trie.add(n, e, /^[\p{Lu}\d]+$/u.test(n.replace(/[^\p{L}\d]/gu, "")) && n.length <= 10 ? "exact" : n.trim().split(/\s+/).length >= 4 ? "any" : "capital");
  return trie;
}

/** A capitalised word that can be part of a name; plural acronyms ("HRDs", "CSOs") name classes of people, never actors. */
const isCapWord = (t: Token | undefined) => !!t && t.word && t.cap && !(t.base.endsWith("s") && /^\p{Lu}{2,}s$/u.test(t.base)) && !(t.base.length > 6 && /-based$/i.test(t.base));
const isParticle = (t: Token | undefined) => !!t && ((t.word && !t.cap && NAME_PARTICLES.has(t.fold)) || t.text === "&" || t.text === "'" || t.text === "’");
const textOf = (text: string, base: number, from: Token, to: Token) => text.slice(from.start - base, to.baseEnd - base);

export function typeOfName(words: string[]): EntityType {
  const folds = words.map(fold);
  const has = (re: RegExp) => folds.some((f) => re.test(f));
  if (has(/^(army|armee|forces|militia|milice|front|rebels?)$/) && has(/^(liberation|resistance|revolutionary|rebel|democratic|islamic|patriotic|mouvement|movement|salvation)$/))
    return "ArmedGroup";
  const un = folds.some((f, i) => f === "un" || (f === "united" && folds[i + 1] === "nations") || (f === "nations" && folds[i + 1] === "unies"));
  if (un && !has(/^(council|conseil|assembly|assemblee)$/)) return "Organisation";
  let type: EntityType = "Organisation";
  if (LEADING_HEADS.has(folds[0]) && HEADS[folds[0]]) type = HEADS[folds[0]];
  else
    for (let i = folds.length - 1; i >= 0; i--)
      if (HEADS[folds[i]] && /^\p{Lu}/u.test(words[i]) && (i === 0 || !LEADING_ONLY_HEADS.has(folds[i]))) {
        type = HEADS[folds[i]];
        break;
      }
  // a committee or council of volunteers, residents or an international movement is not a state body
  if (type === "GovernmentBody" && has(/^(committee|comite|council|conseil|cellule)$/) && has(CIVIC_WORDS)) return "Organisation";
  return type;
}

const CIVIC_WORDS = /^(international|internationale|volunteers?|volontaires|benevoles|residents?|youth|jeunes|women|femmes|citizens?|citoyens?|citoyenne|villagers|rescue|vigilance|community|communautaire|parents|victims|victimes|students|etudiants)$/;

function hasHead(words: string[]): boolean {
  return words.some((w, i) => /^\p{Lu}/u.test(w) && HEADS[fold(w)] !== undefined && (i === 0 || !LEADING_ONLY_HEADS.has(fold(w))));
}

export function isGenericName(name: string): boolean {
  const words = fold(name).split(" ");
  return words.every((w) => GENERIC_NAME_WORDS.has(w));
}

/** Capitalised chunks: capitals joined by particles ("Ligue Paysanne de l'Aruwimi"), split before a second head ("… and Ministry …"). */
export function capitalChunks(tokens: Token[]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapWord(tokens[i])) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      let k = j + 1;
      while (isParticle(tokens[k]) && tokens[k].start - tokens[k - 1].end <= 1) k++;
      if (!isCapWord(tokens[k]) || tokens[k].start - tokens[k - 1].end > 1) {
        const tail = frenchTail(tokens, i, j);
        if (tail > j) {
          j = tail;
          continue;
        }
        break;
      }
      const between = tokens.slice(j + 1, k).map((t) => t.fold);
      // "… Prime Minister and Ministry of Defence": a coordinated second name starts a new chunk
      const and = between.findIndex((b) => b === "and" || b === "et");
      if (and >= 0 && (LEADING_HEADS.has(tokens[k].fold) || between.slice(and + 1).some((b) => /^(the|la|le|les|l)$/.test(b)))) break;
      // "… Traders Network and Manyatta Youth Voices": a name that already ends on its head noun is complete
      if (and >= 0 && ENDING_HEAD(tokens[j]) && tokens.slice(i, j).some((t) => isCapWord(t) && !NAME_OPENERS.has(t.fold))) break;
      // "the Law Society of Kenya's Mombasa branch": a possessive after a complete name ends it
      if (/['’]s$/.test(tokens[j].text) && (tokens[k].acronym || tokens.slice(i, j + 1).some((t) => t.cap && HEADS[t.fold] !== undefined && !LEADING_ONLY_HEADS.has(t.fold)))) break;
      // "Registrar of … in the Ministry of …": a body inside another body is a second name
      if (between.some((b) => b === "in" || b === "within" || b === "au sein") && LEADING_HEADS.has(tokens[k].fold)) break;
      j = k;
    }
    // "Ministry of Public Service, Labour and Social Welfare": a list inside a body's name, after "of"/"de"
    const tail = listTail(tokens, i, j);
    if (tail > j) {
      j = tail;
      for (;;) {
        let k = j + 1;
        while (isParticle(tokens[k]) && tokens[k].start - tokens[k - 1].end <= 1) k++;
        if (!isCapWord(tokens[k]) || tokens[k].start - tokens[k - 1].end > 1) break;
        if (tokens.slice(j + 1, k).some((t) => t.fold === "and" || t.fold === "et")) break;
        j = k;
      }
    }
    // trim openers ("The", "In", "La") and particles at the front
    let s = i;
    while (s < j && ((isCapWord(tokens[s]) && NAME_OPENERS.has(tokens[s].fold) && !tokens[s].acronym) || isParticle(tokens[s]))) s++;
    if (isCapWord(tokens[s])) out.push([s, j]);
    i = j + 1;
  }
  return out;
}

const PRONOUNS = new Set("i we you he she it they us them our their its this these those who which nous vous il ils elle elles on eux ceci cela celui celle ceux celles".split(" "));

/** Heads that close a name ("… Network", "… Society"), not those that also qualify ("Radio and Television …"). */
const NOT_ENDING = new Set(["radio", "tv", "television", "fm", "action", "actions", "advocates", "lawyers", "partners", "watch", "intelligence", "forces", "police", "army", "armee", "government", "gouvernement", "office", "board", "department", "bureau"]);
const ENDING_HEAD = (t: Token) => t.cap && HEADS[t.fold] !== undefined && !LEADING_ONLY_HEADS.has(t.fold) && !NOT_ENDING.has(t.fold);

/** Offices and bodies that French (and some English) writes in lower case before the place they serve. */
const LOWER_OFFICES = new Set(
  "administrateur administratrice gouverneur gouverneure prefet prefete maire bourgmestre commissaire procureur procureure regisseur mairie prefecture gendarmerie ministere tribunal chefferie conseil assemblee delegation direction governor administrator mayor prefect commissioner prosecutor".split(" "),
);
const GENITIVE = new Set(["de", "du", "des", "d", "of"]);
const OFFICE_HOLDERS = new Set("administrateur administratrice gouverneur gouverneure prefet prefete maire bourgmestre commissaire procureur procureure regisseur governor administrator mayor prefect commissioner prosecutor".split(" "));
const ARTICLE = new Set(["la", "le", "l", "les", "du", "au", "aux", "the", "a", "an", "un", "une"]);

/** Lower-case words a French body's name carries after its head: adjectives and the units of administration. */
const FRENCH_TAIL_WORD = /^(?:\p{Ll}+(?:ales?|aux|aires?|iques?|iennes?|aines?|aises?|oises?|elles?|ives?|eures?)|commune|ville|territoire|province|région|district|secteur|chefferie|cercle|préfecture|département|wilaya|zone|collectivité)$/u;

/**
 * "Assemblée provinciale du Kasaï-Central", "Mairie de la commune urbaine de Mopti": past a French head noun, a few
 * lower-case adjectives or units and a particle lead to the next capital. Returns that capital's index, or j.
 */
function frenchTail(tokens: Token[], i: number, j: number): number {
  if (!tokens.slice(i, j + 1).some((t) => t.cap && LEADING_HEADS.has(t.fold))) return j;
  let k = j + 1, words = 0;
  for (; k < tokens.length && k <= j + 7; k++) {
    const t = tokens[k];
    if (t.start - tokens[k - 1].end > 1) return j;
    if (isCapWord(t)) return isParticle(tokens[k - 1]) && words > 0 ? k : j;
    if (isParticle(t)) continue;
    if (!t.word || !FRENCH_TAIL_WORD.test(t.text) || ++words > 3) return j;
  }
  return j;
}

/** The bracket holds one capitalised name with a head, optionally followed by ", ACR". */
function translation(inner: Token[]): { from: number; to: number; acr?: Token } | null {
  let to = inner.length - 1;
  let acr: Token | undefined;
  if (inner[to]?.acronym && inner[to - 1]?.text === ",") {
    acr = inner[to];
    to -= 2;
  }
  if (to < 1 || !isCapWord(inner[0])) return null;
  const cs = capitalChunks(inner.slice(0, to + 1));
  if (cs.length !== 1 || cs[0][0] !== 0 || cs[0][1] !== to) return null;
  const spelled = !!acr && abbreviates(acr.base, inner.slice(0, to + 1).map((t) => t.text).join(" "));
  if (!spelled && !hasHead(inner.slice(0, to + 1).filter((t) => t.word).map((t) => t.base))) return null;
  if (acr && GENERIC_ACRONYMS.has(acr.base.toUpperCase())) return null;
  return { from: 0, to, acr };
}

/** End of ", Labour and Social Welfare" after a head-and-"of" chunk [i, j] (items without heads), or j when there is none. */
function listTail(tokens: Token[], i: number, j: number): number {
  if (tokens[j + 1]?.text !== "," || !isCapWord(tokens[j + 2])) return j;
  const chunk = tokens.slice(i, j + 1);
  if (!chunk.some((t) => HEADS[t.fold] !== undefined && t.cap) || !chunk.some((t) => /^(of|de|du|des)$/.test(t.fold))) return j;
  let k = j + 1;
  for (;;) {
    if (tokens[k]?.text !== ",") return j;
    let m = k + 1;
    if (!isCapWord(tokens[m])) return j;
    while (isCapWord(tokens[m + 1]) && tokens[m + 1].start - tokens[m].end <= 1) m++;
    if (tokens.slice(k + 1, m + 1).some((t) => HEADS[t.fold] !== undefined)) return j;
    const conj = tokens[m + 1];
    if (conj && /^(and|et|y|e)$/.test(conj.fold) && isCapWord(tokens[m + 2])) {
      let e = m + 2;
      while (isCapWord(tokens[e + 1]) && tokens[e + 1].start - tokens[e].end <= 1) e++;
      return e;
    }
    k = m + 1;
  }
}

/** All actor candidates of one sentence. `text` is the field value; tokens carry offsets into it. */
export function findActors(text: string, tokens: Token[], gazetteer: NameTrie<GazetteerEntry> | null): SentenceFacts {
  const facts: SentenceFacts = { candidates: [], rejected: [], plural: [] };
  const slice = (a: Token, b: Token) => text.slice(a.start, b.baseEnd);
  const push = (c: ActorCandidate) => {
    if (/[<>]/.test(c.name) || c.name.trim() === "") return;
    // never a pronoun ("We trained", "They funded") or a bare kind of body ("The Ministry organised")
    if (c.rule !== "gazetteer" && !/\s/.test(c.name.trim()) && (PRONOUNS.has(fold(c.name)) || (HEADS[fold(c.name)] !== undefined && !c.aliases.length))) return;
    facts.candidates.push(c);
  };

  // 1. the gazetteer of known actors
  if (gazetteer) {
    for (const m of gazetteer.findAll(matchTokens(tokens))) {
      const e = m.value;
      push({ start: m.start, end: m.end, name: e.name, type: e.type, aliases: e.aliases, rule: "gazetteer", priority: 4, gazetteer: e });
    }
  }

  const chunks = capitalChunks(tokens);
  // chunks do not overlap, so each ends at its own token
  const chunkEndingAt = new Map<number, [number, number]>();
  for (const c of chunks) if (!chunkEndingAt.has(c[1])) chunkEndingAt.set(c[1], c);
  // 2. acronym definitions: "Long Name (ACR)" and "ACR (Long Name)"
  for (let p = 0; p < tokens.length; p++) {
    if (tokens[p].text !== "(") continue;
    let q = p + 1;
    while (q < tokens.length && tokens[q].text !== ")" && q - p <= 24) q++;
    if (tokens[q]?.text !== ")") continue;
    const inner = tokens.slice(p + 1, q);
    const innerWords = inner.filter((t) => t.word);
    if (innerWords.length === 0) continue;
    // "English Name (Nombre original, ACR)" and "English Name (Nom original)": one actor, named in two languages
    const own = chunkEndingAt.get(p - 1);
    const tr = translation(inner);
    if (own && tr && (hasHead(tokens.slice(own[0], p).filter((t) => t.word).map((t) => t.base)) || (tr.acr && abbreviates(tr.acr.base, slice(inner[tr.from], inner[tr.to]))))) {
      const name = slice(tokens[own[0]], tokens[p - 1]).replace(/['’]s$/, "");
      const original = slice(inner[tr.from], inner[tr.to]);
      const words = tokens.slice(own[0], p).filter((t) => t.word).map((t) => t.base);
      const c = { name, type: typeOfName(words), aliases: tr.acr ? [original, tr.acr.base] : [original], generic: isGenericName(name) };
      push({ start: tokens[own[0]].start, end: tokens[p - 1].baseEnd, ...c, rule: "acronym-definition", priority: 3 });
      push({ start: inner[tr.from].start, end: inner[tr.to].baseEnd, ...c, rule: "acronym-definition", priority: 3 });
      if (tr.acr) push({ start: tr.acr.start, end: tr.acr.baseEnd, ...c, rule: "acronym-definition", priority: 3 });
      continue;
    }
    const plural = innerWords.length === 1 && /^\p{Lu}{2,}s$/u.test(innerWords[0].text);
    if (plural) {
      facts.plural.push(innerWords[0].text.slice(0, -1));
      continue;
    }
    // "UAF-Africa", "SPLA-IO": an acronym with a hyphenated part is still one
    const acrTok = innerWords.find((t) => t.acronym || /^[\p{Lu}\d]{2,}(?:[-‑][\p{L}\d]+)+$/u.test(t.base));
    const innerIsAcr = !!acrTok && innerWords.length <= 3 && innerWords.every((t) => t.cap || /^\d/.test(t.text));
    if (innerIsAcr && !GENERIC_ACRONYMS.has(acrTok!.base.toUpperCase())) {
      const acr = text.slice(innerWords[0].start, innerWords[innerWords.length - 1].baseEnd);
      // the name before the bracket, back to the first word that is neither a capital nor a particle
      let s = p - 1;
      if (!isCapWord(tokens[s])) {
        // a French name in sentence case ("Reporters sans frontières (RSF)", "Ligue des droits de l'homme (LDH)"):
        // from a capital, plain words the acronym spells in full
        const from = sentenceCaseName(tokens, p, acr);
        if (from >= 0) {
          const name = slice(tokens[from], tokens[p - 1]);
          const words = tokens.slice(from, p).filter((t) => t.word).map((t) => t.base);
          const c = { name, type: KIND_WORDS[tokens[p - 1].fold] ?? kindBefore(tokens, from) ?? typeOfName(words), aliases: [acr], generic: isGenericName(name) };
          push({ start: tokens[from].start, end: tokens[p - 1].baseEnd, ...c, rule: "acronym-definition", priority: 3 });
          push({ start: innerWords[0].start, end: innerWords[innerWords.length - 1].baseEnd, ...c, rule: "acronym-definition", priority: 3 });
        }
        continue;
      }
      const glue = (t: Token | undefined) => isParticle(t) || t?.text === "to";
      // short lower-case words between capitals ("Abaharanira Uburenganzira bw'Abagore ba Huye"): the spelling decides
      const inner = (k: number) => !!tokens[k] && tokens[k].word && !tokens[k].cap && tokens[k].text.length <= 3 && isCapWord(tokens[k - 1]) && !/^\d/.test(tokens[k].text);
      while (s > 0 && (isCapWord(tokens[s - 1]) || inner(s - 1) || (glue(tokens[s - 1]) && s - 2 >= 0 && (isCapWord(tokens[s - 2]) || glue(tokens[s - 2]) || inner(s - 2))))) s--;
      // a name with a list inside ("Ministry of Public Service, Labour and Social Welfare") starts where its chunk does
      const chunk = chunkEndingAt.get(p - 1);
      if (chunk && chunk[0] < s) s = chunk[0];
      while (s < p - 1 && (isParticle(tokens[s]) || (NAME_OPENERS.has(tokens[s].fold) && !tokens[s].acronym))) s++;
      const words = tokens.slice(s, p).filter((t) => t.word);
      let from = -1;
      for (let k = p - 1; k >= s; k--) {
        if (!isCapWord(tokens[k])) continue;
        if (abbreviates(acr, slice(tokens[k], tokens[p - 1]))) {
          from = k;
          break;
        }
      }
      if (from >= 0) {
        // "Gulu District NGO Monitoring Committee (DNMC)": adjacent capitals before the spelled part belong to the name
        while (from > s && isCapWord(tokens[from - 1]) && !NAME_OPENERS.has(tokens[from - 1].fold) && !/-based$/.test(tokens[from - 1].text)) from--;
      } else if (hasHead(words.map((w) => w.base)) && words.length >= 2) from = s;
      if (from < 0 || tokens[from].acronym && from === p - 1) {
        if (!/^\p{Lu}[\p{Ll}]/u.test(tokens[p - 1].text) || !hasHead([tokens[p - 1].text])) facts.rejected.push(acr);
        continue;
      }
      const name = slice(tokens[from], tokens[p - 1]).replace(/['’]s$/, "");
      const nameWords = tokens.slice(from, p).filter((t) => t.word).map((t) => t.base);
      if (nameWords.filter((w) => /-?ing$/.test(w)).length >= 2) {
        facts.rejected.push(acr);
        continue;
      }
      const type = innerWords.length === 1 && /projects?$/i.test(nameWords[nameWords.length - 1]) ? "Project" : kindBefore(tokens, from) ?? typeOfName(nameWords);
      const c = { name, type, aliases: [acr], generic: isGenericName(name) } as const;
      push({ start: tokens[from].start, end: tokens[p - 1].baseEnd, ...c, aliases: [acr], rule: "acronym-definition", priority: 3 });
      push({ start: innerWords[0].start, end: innerWords[innerWords.length - 1].baseEnd, ...c, aliases: [acr], rule: "acronym-definition", priority: 3 });
      continue;
    }
    // reverse: "KNCHR (Kenya National Commission on Human Rights)", "SECHA (Seconde Chance)"
    const before = tokens[p - 1];
    if (before && before.acronym && !GENERIC_ACRONYMS.has(before.base.toUpperCase()) && innerWords.length >= 2 && isCapWord(innerWords[0])) {
      const chunk = capitalChunks(inner)[0];
      if (!chunk) continue;
      const first = inner[chunk[0]], last = inner[chunk[1]];
      if (first !== innerWords[0] || last !== innerWords[innerWords.length - 1]) continue;
      const name = slice(first, last);
      const words = innerWords.map((t) => t.base);
      if (!abbreviates(before.base, name) && !hasHead(words)) continue;
      const c = { name, type: typeOfName(words), aliases: [before.base], generic: isGenericName(name) };
      push({ start: before.start, end: before.baseEnd, ...c, rule: "acronym-definition", priority: 3 });
      push({ start: first.start, end: last.baseEnd, ...c, rule: "acronym-definition", priority: 3 });
    }
  }

  // 3. capitalised names with a head noun, unless they only wrap a better-founded name ("Human Rights Office of the UNAMI")
  const founded = foundedWithin(facts.candidates);
  for (let [s, e] of chunks) {
    if (founded(tokens[s].start, tokens[e].baseEnd)) continue;
    const words = tokens.slice(s, e + 1).filter((t) => t.word);
    const caps = words.filter((t) => t.cap);
    const un = caps[0]?.base === "UN" || (caps[0]?.fold === "united" && caps[1]?.fold === "nations");
    if (caps.length < 2 || (!hasHead(words.map((w) => w.base)) && !un)) continue;
    // a name is not a sentence: it has no verbs in lower case and at most one particle run between capitals
    // "High Court in Harare": a place after "in" is where the body sits, not part of its name
    let at = -1;
    for (let k = s + 1; k < e && at < 0; k++) if (/^(in|à|en)$/.test(tokens[k].text) && isCapWord(tokens[k + 1])) at = k;
    if (at > 0 && hasHead(tokens.slice(s, at).filter((t) => t.word).map((t) => t.base)) && !hasHead(tokens.slice(at + 1, e + 1).filter((t) => t.word).map((t) => t.base))) e = at - 1;
    const name = slice(tokens[s], tokens[e]).replace(/['’]s$/, "");
    push({ start: tokens[s].start, end: tokens[e].baseEnd, name, type: typeOfName(tokens.slice(s, e + 1).filter((t) => t.word).map((w) => w.base)), aliases: [], rule: "head-noun", priority: 2, generic: isGenericName(name) });
  }
  // 3b. names of programmes and projects said to be one: "the Inclusive Voices programme", "le projet Sauti ya Haki"
  for (const [s, e] of chunks) {
    const next = tokens[e + 1];
    const kindAfter = next && next.word && !next.cap && next.start - tokens[e].end <= 1 ? KIND_WORDS[next.fold] : undefined;
    const kind = kindAfter ?? kindBefore(tokens, s);
    if (!kind || founded(tokens[s].start, (kindAfter ? next : tokens[e]).baseEnd) || tokens.slice(s, e + 1).every((t) => NAME_OPENERS.has(t.fold) || t.acronym)) continue;
    // the whole name: opened by an article, a possessive or the sentence ("… Access to Justice project" is cut short)
    const prev = tokens[s - 1];
    if (kindAfter && prev && prev.word && !/^(?:the|a|an|its|their|our|this|his|her|le|la|les|l|du|au|un|une|ce|cette)$/.test(prev.fold) && !/['’]s$/.test(prev.text)) continue;
    const last = kindAfter ? next : tokens[e];
    const name = slice(tokens[s], last).replace(/['’]s$/, "");
    push({ start: tokens[s].start, end: last.baseEnd, name, type: kind, aliases: [], rule: "head-noun", priority: 2 });
  }
  // 3c. offices and bodies written in lower case, as French does: "l'administrateur de la commune de Rugombo", "la
  // mairie de la commune urbaine de Mopti", "le conseil municipal de Kayes": from the office word to the place it serves
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const article = ARTICLE.has(tokens[i - 1].fold) || (/^['’]$/.test(tokens[i - 1].text) && /^[ld]$/.test(tokens[i - 2]?.fold ?? ""));
    if (!t.word || t.cap || !LOWER_OFFICES.has(t.fold) || !article) continue;
    let k = i + 1, words = 0, sawParticle = false;
    for (; k < tokens.length && k <= i + 8; k++) {
      const x = tokens[k];
      if (x.start - tokens[k - 1].end > 1) break;
      if (isCapWord(x)) break;
      if (isParticle(x)) sawParticle = true;
      else if (!x.word || !FRENCH_TAIL_WORD.test(x.text) || ++words > 3) break;
    }
    if (!isCapWord(tokens[k]) || !sawParticle || !isParticle(tokens[k - 1]) || tokens[k].acronym) continue;
    // the place it serves follows "de"/"of" ("délégation de Kayes"), never "à"/"in" ("une délégation à Antananarivo")
    let q = k - 1;
    while (q > i && isParticle(tokens[q]) && !GENITIVE.has(tokens[q].fold)) q--;
    if (!GENITIVE.has(tokens[q].fold)) continue;
    // "le régisseur de la Prison centrale de Bafoussam": an office holder inside a named body is that body's, not an actor
    if (OFFICE_HOLDERS.has(t.fold) && HEADS[tokens[k].fold] !== undefined) continue;
    let e = k;
    while (isCapWord(tokens[e + 1]) && tokens[e + 1].start - tokens[e].end <= 1) e++;
    // "le ministère de l'Administration territoriale": an adjective or two after the capital
    for (let n = 0; n < 2 && tokens[e + 1]?.word && !tokens[e + 1].cap && FRENCH_TAIL_WORD.test(tokens[e + 1].text) && tokens[e + 1].start - tokens[e].end <= 1; n++) e++;
    if (founded(t.start, tokens[e].baseEnd)) continue;
    const name = slice(t, tokens[e]).replace(/['’]s$/, "");
    push({ start: t.start, end: tokens[e].baseEnd, name, type: "GovernmentBody", aliases: [], rule: "head-noun", priority: 2, generic: false });
  }
  // 4. names nobody listed, known by what they do: "Defenddefenders organized", "trained by Amnesty International Netherlands"
  // the names this step adds lie inside their own chunk, and chunks do not overlap: the earlier steps' names decide
  const earlier = new SpanIndex(facts.candidates);
  const taken = (a: number, b: number) => earlier.overlaps(a, b);
  for (const [s, e0] of chunks) {
    // "facilitated by DefendDefenders in Addis Ababa": the name stops before a place preposition
    let e = e0;
    for (let k = s + 1; k <= e0; k++) if (/^(in|à|at|au)$/.test(tokens[k].text)) { e = k - 1; break; }
    const first = tokens[s], last = tokens[e];
    if (taken(first.start, last.baseEnd) || first.acronym) continue;
    if (/\b(?:in|at|à|from|to|near|de|du)\s+(?:the\s+)?$/iu.test(text.slice(Math.max(0, first.start - 12), first.start))) continue;
    const after = text.slice(last.end, last.end + 60);
    const beforeText = text.slice(Math.max(0, first.start - 60), first.start);
    const agentVerb = AGENT_AFTER.test(after);
    const byAgent = AGENT_BEFORE.test(beforeText);
    if (!agentVerb && !byAgent) continue;
    const words = tokens.slice(s, e + 1).filter((t) => t.word);
    if (words.some((w) => MONTHS.has(w.fold)) || words.every((w) => NAME_OPENERS.has(w.fold))) continue;
    const name = slice(first, last).replace(/['’]s$/, "");
    push({ start: first.start, end: last.baseEnd, name, type: typeOfName(words.map((w) => w.base)), aliases: [], rule: "acronym", priority: 1 });
  }
  return facts;
}

/** Lower-case words that say what kind of thing a capitalised name is ("the Inclusive Voices programme", "le projet Sauti"). */
const KIND_WORDS: Record<string, EntityType> = { programme: "Programme", program: "Programme", project: "Project", projet: "Project" };

/** "le programme Espaces Citoyens Protégés": the kind word right before a name, if any. */
function kindBefore(tokens: Token[], from: number): EntityType | undefined {
  const t = tokens[from - 1];
  return t && t.word && !t.cap ? KIND_WORDS[t.fold] : undefined;
}

/**
 * Where a sentence-case name ending right before the bracket at `p` starts, or -1: a capitalised first word, then
 * words and apostrophes only, all of which the acronym spells (small words may be skipped, no content word).
 */
function sentenceCaseName(tokens: Token[], p: number, acr: string): number {
  if (!tokens[p - 1]?.word || /^\d/.test(tokens[p - 1].text)) return -1;
  for (let k = p - 2; k >= Math.max(0, p - 10); k--) {
    const t = tokens[k];
    if (!t.word && t.text !== "'" && t.text !== "’") return -1;
    if (!isCapWord(t) || NAME_OPENERS.has(t.fold)) continue;
    if (abbreviates(acr, tokens.slice(k, p).map((x) => x.text).join(" "), 0)) return k;
    // "Civic Space Resilience programme (CSR)": the kind of thing named is not spelled
    if (KIND_WORDS[tokens[p - 1].fold] && p - 1 > k && abbreviates(acr, tokens.slice(k, p - 1).map((x) => x.text).join(" "), 0)) return k;
  }
  return -1;
}

/** Whether a candidate lies inside [a, b) and is shorter than it: sorted by start, with the minimum end of each suffix. */
function foundedWithin(candidates: { start: number; end: number }[]): (a: number, b: number) => boolean {
  const sorted = candidates.slice().sort((x, y) => x.start - y.start || x.end - y.end);
  const starts = sorted.map((c) => c.start);
  const minEnd: number[] = new Array(sorted.length);
  for (let i = sorted.length - 1, m = Infinity; i >= 0; i--) minEnd[i] = m = Math.min(m, sorted[i].end);
  const firstStart = (x: number, after: boolean) => {
    let lo = 0, hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (after ? starts[mid] <= x : starts[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (a, b) => {
    // one starting after a and ending by b, or one starting at a and ending before b
    const after = firstStart(a, true);
    if (after < sorted.length && minEnd[after] <= b) return true;
    const at = firstStart(a, false);
    return at < after && sorted[at].end < b;
  };
}

/** What an actor does right after its name, and what introduces an actor as the agent before it. */
const AGENT_AFTER = uRegExp(
  String.raw`^(?:['’]s?)?\s+(?:(?:also|then|further|later|ensuite|également|aussi|has|have|had)\s+)*(?:trained|organi[sz]ed|mentored|coached|facilitated|provided|supported|funded|financed|conducted|ran|held|(?:a|ont|avait)\s+(?:[\p{L}]+\s+)?(?:formé|organisé|accompagné|appuyé|financé|facilité|animé|mentoré))\b`,
  "u",
);
const AGENT_BEFORE = uRegExp(
  String.raw`\b(?:trained|mentored|coached|facilitated|organi[sz]ed|conducted|funded|financed|formée?s?|accompagnée?s?|facilitée?s?|organisée?s?|animée?s?|dispensée?s?|conduite?s?|financée?s?)\s+(?:by|par)\s+(?:the\s+|la\s+|le\s+|l['’])?$|\b(?:training|mentorship|trainings|workshop)\s+by\s+$|\bsupport (?:from|of)\s+$|\bappui financier d[eu]\s+$`,
  "u",
);
