// Text primitives for the rules: sentences and tokens with offsets into the field value, name folding, and word lists (EN/FR).

export type Span = { start: number; end: number };

export type Token = {
  text: string;
  start: number;
  end: number;
  /** The word without a possessive "'s" ("DD's" → "DD"); `baseEnd` is where it stops. */
  base: string;
  baseEnd: number;
  fold: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** An acronym: two or more capitals, at most a few lower-case letters inside ("MoSA", "UPDF"), no plural s. */
  acronym: boolean;
  word: boolean;
};

const FOLDS = new Map<string, string>();

/** Case, accents, apostrophes and punctuation folded away; memoised, since records reuse a small vocabulary. */
export function fold(s: string): string {
  // most words are plain ASCII letters and digits: their fold is their lower case, with no table to consult
  if (isPlainAscii(s)) return s.toLowerCase();
  let f = FOLDS.get(s);
  if (f === undefined) {
    f = foldNow(s);
    if (FOLDS.size > 200_000) FOLDS.clear();
    FOLDS.set(s, f);
  }
  return f;
}

function isPlainAscii(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

function foldNow(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/'s\b/g, "s")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The key two spellings of one name share: folded, without spaces and leading articles. */
const COMPACT = new Map<string, string>();

export function compactKey(s: string): string {
  let k = COMPACT.get(s);
  if (k === undefined) {
    if (COMPACT.size > 200_000) COMPACT.clear();
    COMPACT.set(s, (k = compactNow(s)));
  }
  return k;
}

function compactNow(s: string): string {
  return fold(s)
    .replace(/^(the|la|le|les|l) /, "")
    .replace(/ /g, "");
}

export function slug(s: string): string {
  return fold(s).replace(/^(the|la|le|les|l) /, "").replace(/ /g, "-") || "x";
}

/**
 * Tokens of a text, scanned by hand (this runs for every word of every record). Equal to the matches of
 *   /[\p{L}\p{N}]+(?:[-‑][\p{L}\p{N}]+)*(?:(?<!(?<![\p{L}])(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu))['’](?![sS](?![\p{L}]))(?=\p{Ll})\p{L}+|(?<=(?<![\p{L}])N)['’](?=\p{Lu})\p{L}+)?(?:['’][sS](?![\p{L}]))?|<[^<>\s]{1,20}>|\S/gu
 * (test/extract-tokenize.test.ts holds that regex as the reference): words with hyphens and possessives, an apostrophe
 * inside a word ("Q'eqchi", "Sana'a") joining it except after a French elision ("l'", "d'", "qu'"), redaction tokens
 * ("<redacted>"), and any other character on its own.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 ? c === 32 || (c >= 9 && c <= 13) : (charClass(c) & SPACE) !== 0) {
      i++;
      continue;
    }
    let end: number;
    if (classAt(text, i) & (LETTER | NUMBER)) end = wordEnd(text, i);
    else if (c === 60) end = redactionEnd(text, i);
    else end = i + unitsAt(text, i);
    out.push(makeToken(text.slice(i, end), offset + i));
    i = end;
  }
  return out;
}

function makeToken(raw: string, start: number): Token {
  const last = raw.charCodeAt(raw.length - 1) | 32;
  const poss = raw.length > 2 && last === 115 && (raw[raw.length - 2] === "'" || raw[raw.length - 2] === "’");
  const base = poss ? raw.slice(0, -2) : raw;
  // the first character decides whether this is a word and whether it is capitalised (ASCII without string case calls)
  const c0 = raw.charCodeAt(0);
  const word = c0 < 128 ? (c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || (c0 >= 48 && c0 <= 57) : raw[0].toLowerCase() !== raw[0].toUpperCase();
  const cap = c0 < 128 ? c0 >= 65 && c0 <= 90 : raw[0] !== raw[0].toLowerCase();
  // letters, capitals and lower-case letters counted in one pass (no regex: this runs for every word)
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
  return {
    text: raw,
    start,
    end: start + raw.length,
    base,
    baseEnd: start + base.length,
    fold: word ? fold(base) : raw,
    cap,
    acronym: word && upper >= 2 && letters <= 10 && letters - upper <= 2 && !lowerEnd,
    word,
  };
}

// ---- the scanner's character classes (\p{L}, \p{N}, \p{Ll}, \s), by code point ----

const LETTER = 1, NUMBER = 2, LOWER = 4, SPACE = 8, KNOWN = 128;
/** Classes of the BMP, filled as characters are met (an ASCII text never pays for the rest). */
const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();

function classify(ch: string): number {
  return (
    (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/\p{Ll}/u.test(ch) ? LOWER : 0) | (/\s/u.test(ch) ? SPACE : 0) | KNOWN
  );
}

function charClass(unit: number): number {
  let k = BMP[unit];
  if (k === 0) BMP[unit] = k = classify(String.fromCharCode(unit));
  return k;
}

/** The class of the code point at i (a surrogate pair read whole, as the `u` flag does). */
function classAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const cp = s.codePointAt(i)!;
  if (cp < 0x10000) return charClass(cp);
  let k = ASTRAL.get(cp);
  if (k === undefined) ASTRAL.set(cp, (k = classify(String.fromCodePoint(cp))));
  return k;
}

/** The class of the code point that ends at i (what a lookbehind reads), or 0 at the start. */
function classBefore(s: string, i: number): number {
  if (i <= 0) return 0;
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return classAt(s, i - 2);
  }
  return charClass(lo);
}

function unitsAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Past a run of code points of the given classes. */
function skip(s: string, i: number, classes: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57 && classes & NUMBER)) i++;
      else return i;
    } else if (classAt(s, i) & classes) i += unitsAt(s, i);
    else return i;
  }
  return i;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/** The end of the word starting at i: letters and digits, hyphenated parts, a joined apostrophe part, a possessive. */
function wordEnd(s: string, i: number): number {
  let j = skip(s, i, LETTER | NUMBER);
  while ((s.charCodeAt(j) === 45 || s.charCodeAt(j) === 0x2011) && classAt(s, j + 1) & (LETTER | NUMBER)) j = skip(s, j + 1, LETTER | NUMBER);
  if (isApostrophe(s.charCodeAt(j)) && !possessiveAt(s, j) && classAt(s, j + 1) & LOWER && !elisionBefore(s, j)) j = skip(s, j + 1, LETTER);
  // "N'Djamena", "N'Zérékoré", "N'Guigmi": a capital N and an apostrophe open West and Central African place names
  else if (s[j - 1] === "N" && !(classBefore(s, j - 1) & LETTER) && isApostrophe(s.charCodeAt(j)) && /\p{Lu}/u.test(String.fromCodePoint(s.codePointAt(j + 1) ?? 32))) j = skip(s, j + 1, LETTER);
  if (possessiveAt(s, j)) j += 2;
  return j;
}

/** An apostrophe, then "s" or "S" ending the word. */
function possessiveAt(s: string, j: number): boolean {
  return isApostrophe(s.charCodeAt(j)) && (s.charCodeAt(j + 1) | 32) === 115 && !(classAt(s, j + 2) & LETTER);
}

const SINGLE_ELISIONS = "lLdDjJmMnNsStTcC";
const ELISIONS = ["qu", "jusqu", "lorsqu", "puisqu"];

/** A French elided word ends at j ("l", "d", "qu", "jusqu"…; first letter in either case), with no letter before it. */
function elisionBefore(s: string, j: number): boolean {
  if (j >= 1 && SINGLE_ELISIONS.includes(s[j - 1]) && !(classBefore(s, j - 1) & LETTER)) return true;
  for (const e of ELISIONS) {
    const from = j - e.length;
    if (from < 0 || (s.charCodeAt(from) | 32) !== e.charCodeAt(0) || !s.startsWith(e.slice(1), from + 1)) continue;
    if (!(classBefore(s, from) & LETTER)) return true;
  }
  return false;
}

/** "<redacted>": up to 20 code points that are not "<", ">" or a space, closed by ">"; else the "<" alone. */
function redactionEnd(s: string, i: number): number {
  let k = i + 1;
  for (let count = 0; count < 20 && k < s.length; count++) {
    const c = s.charCodeAt(k);
    if (c === 60 || c === 62 || classAt(s, k) & SPACE) break;
    k += unitsAt(s, k);
  }
  return k > i + 1 && s.charCodeAt(k) === 62 ? k + 1 : i + 1;
}

/** Sentence spans of a field value, trimmed; a line break always ends a sentence. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const boundary = /[.!?](?=["»”)]?\s+(?:["«“(]?[\p{Lu}\p{N}<]))|\n+/gu;
  let from = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (const m of text.matchAll(boundary)) {
    const end = m.index! + (m[0] === "\n" || m[0].startsWith("\n") ? 0 : 1);
    // "e.g." and single capitals ("D.R.") are not sentence ends
    const before = text.slice(Math.max(0, m.index! - 4), m.index!);
    if (m[0] === "." && /(?:\b\p{Lu}|\be\.g|\bi\.e|\bNo|\bvs|\bSt|\bDr|\bMr|\bMs)$/u.test(before)) continue;
    push(from, end);
    from = m.index! + m[0].length;
  }
  push(from, text.length);
  return spans;
}

export const MONTHS = new Set(
  "january february march april may june july august september october november december janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre jan feb mar apr jun jul aug sep sept oct nov dec".split(
    " ",
  ),
);

/** Lower-case words that may sit inside a proper name ("Ministry of Defence", "Ligue Paysanne de l'Aruwimi"). */
export const NAME_PARTICLES = new Set(
  // Swahili: "Kituo cha Sheria", "Haki za Binadamu", "Sauti ya Wanawake"
  "of for on and the in de des du la le les l d pour et à a au aux en el al bin ibn van von der & da das do dos del los las y e para por cha za ya wa".split(" "),
);

/** Capitalised words that open sentences but never names. */
export const NAME_OPENERS = new Set(
  (
    "the a an in on at by for from with to of and or but as after before during following since until between among " +
    "this that these those its their his her our both two three four five six seven eight nine ten several some many most all each other another " +
    "la le les l un une des du de d en au aux avec par pour entre depuis apres avant lors suite selon sans sur dans chez ce cette ces son sa ses leur leurs " +
    "deux trois quatre cinq six sept huit neuf dix plusieurs certaines certains une " +
    "however also additionally similarly furthermore moreover thus therefore then yes no non oui while when where which who " +
    "under through via thanks within without despite against upon once grâce malgré dont " +
    "outcome resultat significance contribution evidence"
  ).split(" "),
);

/** Head nouns that make a capitalised phrase an actor, with the type they give. */
export const HEADS: Record<string, "Organisation" | "Coalition" | "GovernmentBody" | "ArmedGroup" | "Project" | "Programme"> = {
  // coalitions
  network: "Coalition", networks: "Coalition", coalition: "Coalition", alliance: "Coalition", consortium: "Coalition",
  platform: "Coalition", federation: "Coalition", reseau: "Coalition", plateforme: "Coalition", federation_fr: "Coalition",
  synergie: "Coalition", confederation: "Coalition",
  // government
  ministry: "GovernmentBody", ministere: "GovernmentBody", government: "GovernmentBody", gouvernement: "GovernmentBody",
  authority: "GovernmentBody", autorite: "GovernmentBody", board: "GovernmentBody", bureau: "GovernmentBody",
  commission: "GovernmentBody", police: "GovernmentBody", parliament: "GovernmentBody", parlement: "GovernmentBody",
  assembly: "GovernmentBody", assemblee: "GovernmentBody", senate: "GovernmentBody", senat: "GovernmentBody",
  court: "GovernmentBody", cour: "GovernmentBody", tribunal: "GovernmentBody", department: "GovernmentBody",
  directorate: "GovernmentBody", direction: "GovernmentBody", agency: "GovernmentBody", agence: "GovernmentBody",
  chieftaincy: "GovernmentBody", chieftancy: "GovernmentBody", intelligence: "GovernmentBody", forces: "GovernmentBody",
  municipality: "GovernmentBody", mairie: "GovernmentBody", prefecture: "GovernmentBody", governorate: "GovernmentBody",
  commissariat: "GovernmentBody", ombudsman: "GovernmentBody", mediateur: "GovernmentBody", presidency: "GovernmentBody",
  presidence: "GovernmentBody", office: "GovernmentBody", committee: "GovernmentBody", comite: "GovernmentBody",
  council: "GovernmentBody", conseil: "GovernmentBody", army: "GovernmentBody", armee: "GovernmentBody",
  // organisations
  association: "Organisation", forum: "Organisation", group: "Organisation", groupe: "Organisation",
  initiative: "Organisation", desk: "Organisation", circle: "Organisation", cercle: "Organisation",
  centre: "Organisation", center: "Organisation", centres: "Organisation", foundation: "Organisation", fondation: "Organisation",
  fund: "Organisation", trust: "Organisation", institute: "Organisation", institut: "Organisation", union: "Organisation",
  league: "Organisation", ligue: "Organisation", society: "Organisation", societe: "Organisation", hub: "Organisation",
  mission: "Organisation", collective: "Organisation", collectif: "Organisation", advocates: "Organisation",
  lawyers: "Organisation", partners: "Organisation", radio: "Organisation", fm: "Organisation", tv: "Organisation",
  television: "Organisation", organisation: "Organisation", organization: "Organisation", secretariat: "Organisation",
  cooperative: "Organisation", club: "Organisation", watch: "Organisation", maison: "Organisation", movement: "Organisation",
  mouvement: "Organisation", observatoire: "Organisation", observatory: "Organisation", clinic: "Organisation",
  clinique: "Organisation", cellule: "Organisation", action: "Organisation", actions: "Organisation", project: "Project",
  projet: "Project", programme: "Programme", program: "Programme", agency_un: "Organisation", corporation: "Organisation",
  company: "Organisation", ltd: "Organisation", syndicate: "Organisation", syndicat: "Organisation",
  // office holders who stand for their office ("the Governor of Ouaddaï province", "l'administrateur de la commune")
  governor: "GovernmentBody", gouverneur: "GovernmentBody", administrator: "GovernmentBody", administrateur: "GovernmentBody",
  prefect: "GovernmentBody", prefet: "GovernmentBody", mayor: "GovernmentBody", maire: "GovernmentBody",
  commissioner: "GovernmentBody", prison: "GovernmentBody", delegation: "GovernmentBody", gendarmerie: "GovernmentBody",
  chefferie: "GovernmentBody", barreau: "Organisation", embassy: "GovernmentBody", ambassade: "GovernmentBody", consulate: "GovernmentBody",
  // registries and administrations that decide on organisations
  registrar: "GovernmentBody", registry: "GovernmentBody", registre: "GovernmentBody", administration: "GovernmentBody",
  institution: "GovernmentBody", instance: "GovernmentBody", unit: "GovernmentBody", unite: "GovernmentBody",
  // Spanish and Portuguese names (Latin America, Lusophone Africa)
  asociacion: "Organisation", associacao: "Organisation", centro: "Organisation", fundacion: "Organisation",
  fundacao: "Organisation", instituto: "Organisation", colectivo: "Organisation", coletivo: "Organisation",
  movimiento: "Organisation", movimento: "Organisation", observatorio: "Organisation", sindicato: "Organisation",
  bufete: "Organisation", clinica: "Organisation", liga: "Organisation", red: "Coalition", rede: "Coalition", federacion: "Coalition",
  federacao: "Coalition", ministerio: "GovernmentBody", defensoria: "GovernmentBody", procuraduria: "GovernmentBody",
  procurador: "GovernmentBody", comision: "GovernmentBody", comissao: "GovernmentBody", unidad: "GovernmentBody",
  direccion: "GovernmentBody", direcao: "GovernmentBody", consejo: "GovernmentBody", conselho: "GovernmentBody",
};

/** Heads that make a name only in first place ("Red de Mujeres …", never "… Red Cross"; "Mayor of …", never "Estado Mayor"). */
export const LEADING_ONLY_HEADS = new Set(["red", "rede", "liga", "mayor"]);

/** Heads that come first in French names ("Réseau …", "Ligue …") or name a kind before "of" ("Ministry of …"). */
export const LEADING_HEADS = new Set(
  (
    "reseau coalition association ligue collectif cercle forum groupe commission comite conseil ministere ministry office bureau " +
    "societe maison fondation institut union federation plateforme synergie cellule mouvement observatoire radio " +
    "government gouvernement police assemblee parlement cour tribunal direction agence chieftaincy chieftancy actions mission " +
    "centre center clinique registrar registry registre instance institution unit unite " +
    "governor gouverneur administrator administrateur prefect prefet mayor maire mairie prison delegation gendarmerie chefferie barreau embassy ambassade consulate " +
    "asociacion associacao centro fundacion fundacao instituto colectivo coletivo movimiento movimento observatorio sindicato " +
    "bufete liga red rede federacion federacao ministerio defensoria procuraduria procurador comision comissao unidad direccion direcao consejo conselho"
  ).split(" "),
);

/** Words that make a capitalised phrase generic (no proper noun): such bodies are told apart by country. */
export const GENERIC_NAME_WORDS = new Set(
  (
    "national nationale independent independante high haute human humains rights droits homme personne commission ministry ministere of " +
    "the for and on de des du la le l et pour justice defence defense interior interieur foreign affairs affaires social sociale sociales " +
    "solidarity solidarite women femmes gender genre youth jeunesse health sante education prime minister ministre office bureau assembly " +
    "assemblee parliament parlement police forces army armee government gouvernement senate senat court cour supreme constitutional " +
    "council conseil electoral election board public security securite veterans children family famille labour travail information " +
    "communication communications land lands environment environnement culture sports local district regional state provincial"
  ).split(" "),
);

/** Plural or generic nouns and acronyms that name a class of people or bodies, never one actor. */
export const GENERIC_ACRONYMS = new Set(
  "HRD HRDS WHRD WHRDS CSO CSOS NGO NGOS INGO CBO CBOS OSC OSCS ONG ONGS DDH FDDH VBG GBV SGBV LGBT LGBTI LGBTQ LGBTIQ COVID ICT TIC ID OK YES NO OUI NON AND ET HR UN UNO PDF SMS TOT MOU MEAL ME IDP IDPS PWD PWDS CEO ED USD EUR CHF NB".split(
    " ",
  ),
);

export const LANGUAGES = new Set(
  "arabic english french swahili kiswahili amharic somali kinyarwanda kirundi lingala portuguese spanish tigrinya oromo luganda hausa kurdish arabe anglais francais".split(
    " ",
  ),
);

export { uRegExp } from "./_regexp.ts";
