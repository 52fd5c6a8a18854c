// Relations from the way evaluators write, sentence by sentence: who trained, mentored or funded whom (active,
// passive, nominal, EN/FR), partnerships, who changed (ACHIEVED) and who contributed; each names its rule.
import type { Evidence, RelationType } from "../schema.ts";
import { type Mention, type RecordView, type Sentence, isActorType } from "./_mentions.ts";
import { uRegExp } from "./_text.ts";
import type { LocalRelation } from "./types.ts";

const OUTCOME = "outcome";

/** French compound past with an optional adverb: "a formé", "a ensuite accompagné", "ont également formé" (never "a été"). */
const FR_AUX = String.raw`(?:a|ont|avait|avaient|aura|avons|avions|aurons)\s+(?:(?!été\b)[\p{L}]+\s+)?`;
const TRAIN_ACTIVE = uRegExp(String.raw`\b(?:trained|trains|train|${FR_AUX}formée?s?|forme|forment)\b`, "giu");
const TRAIN_PASSIVE = uRegExp(String.raw`\b(?:were|was|been|are|is|ont été|a été|avaient été|avait été|sont|seront|été)\s+(?:\w+\s+)?(?:trained|formée?s?)\b`, "giu");
const MENTOR_ACTIVE = uRegExp(String.raw`\b(?:mentored|coached|mentors|accompanied|${FR_AUX}(?:mentorée?s?|coachée?s?|accompagnée?s?|encadrée?s?)|provided (?:[\p{L}-]+ ){0,3}?(?:mentorship|mentoring|coaching)|held (?:[\p{L}-]+ ){0,3}?(?:mentorship|mentoring|coaching) (?:calls|sessions|visits|meetings)(?: with)?|${FR_AUX}assuré (?:\w+ )?(?:le )?(?:mentorat|coaching))\b`, "giu");
const MENTOR_PASSIVE = uRegExp(String.raw`\b(?:were|was|been|ont été|a été)\s+(?:\w+\s+)?(?:mentored|coached|accompagnée?s?|encadrée?s?)\b`, "giu");
const TRAIN_NOUN = uRegExp(String.raw`\b(?:trainings?|workshops?|formations?|ateliers?|training of trainers|ToT)\b`, "iu");
const MENTOR_NOUN = uRegExp(String.raw`\b(?:mentorship|mentoring|coaching|mentorat|accompagnement|encadrement)\b`, "iu");
const EVENT_VERB = uRegExp(String.raw`\b(?:organi[sz]ed|held|conducted|ran|facilitated|delivered|${FR_AUX}(?:organisé|tenu|animé|facilité|conduit|dispensé))\b`, "giu");
/** Taking part in a training: "in which two AFDA staff took part", "à laquelle ont participé trois animateurs". */
const PARTICIPATE = uRegExp(String.raw`\b(?:took part|take part|participated|attended|(?:a|ont|avait|avaient)\s+(?:[\p{L}]+\s+)?(?:participé|pris part|assisté))\b`, "giu");
/** Who ran the training a participation is in: "organised by X", "organisée par X". */
const RUN_BY = uRegExp(String.raw`\b(?:organi[sz]ed|facilitated|run|conducted|delivered|given|hosted|led|organisée?s?|animée?s?|facilitée?s?|dispensée?s?|conduite?s?)\s+(?:jointly\s+)?(?:by|par)\s+`, "giu");
const RELATIVE_PLACE = /(?:in|at|during)\s+which|where|auquel|à laquelle|auxquel(?:le)?s|lors de laquelle|où/iu;
const FUND_PHRASE = uRegExp(
  [
    // the means: "with funding from", "thanks to a core grant from", "with funds from", "grâce aux fonds du"
    String.raw`\b(?:with|thanks to|through|using)\s+(?:(?:the|a|an)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:funding|funds|financing|financial support|grants?|money)(?: support)?\s+(?:from|of|provided by)`,
    String.raw`\bwith (?:the )?support (?:of|from) funds from`,
    String.raw`\b(?:avec|grâce à|grâce aux?|sur)\s+(?:(?:les?|la|des|une?)\s+|l['’])?(?:[\p{L}-]+\s+){0,2}?(?:fonds|financements?|appui financier|soutien financier|subventions?|ressources)\s+(?:d[eu]s?|de la|de l['’])`,
    // the passive: "funded by", "co-financed by", "paid for by", "financée par", "pris en charge par"
    String.raw`\b(?:co-?)?(?:funded|financed|sponsored|paid for)\s+(?:by|under|through)`,
    String.raw`\b(?:co-?)?financée?s?\s+(?:par|dans le cadre d[eu])`,
    String.raw`\b(?:pris|prise|prises|payée?s?)\s+(?:en charge\s+)?par`,
    String.raw`\b(?:grants?|donations?|subventions?|funds)(?:\s+of\s+[^;()]{1,25}?)?\s+(?:from|de la part d[eu])`,
    // "the HSF, a pooled fund supported by the Dutch Ministry": a fund's backers fund it
    String.raw`\b(?:fund|funds|programme|program|facility|fonds)\s+(?:supported|backed|resourced|soutenu|appuyé)\s+(?:by|par)`,
    String.raw`\bunder`,
  ].join("|") + String.raw`\b`,
  "giu",
);
/** Support from a programme is its money: "with the support of the ECP programme", "grâce à l'appui du programme". */
const PROGRAMME_SUPPORT = uRegExp(String.raw`\b(?:with|thanks to|avec|grâce à)\s+(?:the\s+|l['’]|le\s+)?(?:support|appui|soutien)\s+(?:of|from|du|de(?:\s+l['’])?)\b`, "giu");
/** A grant given to someone: "gave CRRT a small grant", "a octroyé à l'OCLP une subvention", "provided a protection grant to". */
const GIVE_GRANT = uRegExp(String.raw`\b(?:gave|awarded|granted|provided|offered|extended|${FR_AUX}(?:octroyé|accordé|attribué|alloué|versé|remis))\b([^.;]{0,60}?)\b(?:grants?|subventions?|donations?|financement)\b`, "giu");
/** The intermediary money passed through, right after the funder. */
const VIA = /^\s*,?\s*(?:(?:channel?led|disbursed|managed|passed|paid|transmis|versée?s?|acheminée?s?)\s+)?(?:through|via|à travers|par l['’]intermédiaire d[eu]|par le biais d[eu])\s+/iu;
const FUND_ACTIVE = uRegExp(String.raw`\b(?:funded|financed|a financé|ont financé|finance[sd]?)\b`, "giu");
const GRANT = uRegExp(String.raw`\b(?:supported|provided|gave|awarded|granted|a appuyé|a octroyé|a accordé|ont appuyé)\b([^.;]{0,80}?)\b(?:with|through|avec|par)\s+(?:a |an |une |un )?(?:small |petite |petit )?(?:grant|grants|funding|funds|subvention|financement|financial support)\b`, "giu");
const COST = uRegExp(String.raw`\b(?:covered|paid|paid for|${FR_AUX}pris en charge|${FR_AUX}couvert|${FR_AUX}payé|financed)\s+(?:(?:the|les|le|la|l['’]|its|their)\s*)?(?:[\p{L}'’-]+\s+){0,3}?(?:costs?|fees|frais|coûts?|transport|travel|rent|loyer|salaries|salaires|déplacements?|per diems?|fuel|carburant|expenses|dépenses)\b`, "giu");
const PARTNER = uRegExp(String.raw`\b(?:jointly with|together with|in partnership with|in coordination with|coordinates with|coordinated with|(?:works|worked|working) closely with|collaborates with|collaborated with|cooperates with|cooperated with|joint [\p{L}-]+(?: [\p{L}-]+)? with|en coordination avec|collabore avec|collaborent avec|travaille en étroite collaboration avec|in collaboration with|in cooperation with|en partenariat avec|en collaboration avec|conjointement avec|avec le concours d[eu]|aux côtés d[eu]|alongside)\b`, "giu");
const JOINT_OF = uRegExp(String.raw`\b(?:joint (?:exercise|initiative|project|effort|action|activity|programme|undertaking) (?:of|by)|exercice conjoint d[eu])\b`, "giu");
const JOINTLY = uRegExp(String.raw`\b(?:jointly|conjointement|together)\s+(?:organi[sz]ed|ran|held|led|implemented|signed|developed|organisé|mené)`, "giu");
const JOINTLY_BY = uRegExp(String.raw`\b(?:jointly|conjointement|together|ensemble)\s+(?:by|par)\s+`, "giu");
const BETWEEN = uRegExp(String.raw`\b(?:between|entre)\b`, "giu");
const SIGNED = uRegExp(String.raw`\b(?:signed|ont signé|a signé)\s+(?:a |an |une |un )?(?:memorandum|agreement|MoU|partnership|protocol|convention|protocole|accord)`, "giu");
const PARTNER_OF = uRegExp(String.raw`\b(?:its|their|son|sa|ses|leur|leurs)\s+partners?\b(?:\s+(?:station|organisation|organization|organisations|group|radio|NGO|association))?\s*,?\s*`, "giu");
const SUCH_AS = uRegExp(String.raw`\bthrough\b[^.;]{0,100}?\bsuch as\b`, "giu");
const CONTRIB_BY = uRegExp(String.raw`\b(?:by|par|after|après que|après qu['’]|grâce à|grâce au|grâce aux|thanks to|with the support of|avec l['’]appui d[eu]|avec le soutien d[eu]|at the (?:request|initiative) of|upon (?:the )?request of|à la (?:demande|requête|initiative) d[eu]|(?:following|after|après|suite à|à la suite d['’]?)\s*(?:(?:a|an|the|une?|la|le|les|l['’])\s*)?(?:[\p{L}-]+\s+){0,2}?(?:request|complaint|petition|alerts?|referral|submission|advocacy|saisine|plainte|requête|pétition|alertes?|plaidoyer)s?(?:\s+[\p{L}-]+)?\s+(?:of|by|from|d[eu]|des|par))\b`, "giu");
/** Who is acted upon, not acting: "submitted to the IIMM", "accused AQDTA", "auprès du ministère". */
const OBJECT_BEFORE = uRegExp(String.raw`\b(?:to|with|into|against|for|about|on|accused|threatened|attacked|arrested|targeted|à|au|aux|avec|contre|auprès d[eu]|accusé|menacé|arrêté|visé)\s+(?:(?:the|la|le|les|l['’])\s*)?$`, "iu");
const MEMBER_OF = uRegExp(String.raw`\b(?:is a member of|are members of|a member of|est membre d[eu]|sont membres d[eu]|membre d[eu])\b`, "giu");

/** `civic`: the non-government actors who pushed for the change (who changed, or who the outcome names when a state body changed). */
type Ctx = { view: RecordView; out: LocalRelation[]; achievers: string[]; civic: string[] };

/** Relation rules read at most this many characters of one sentence; a longer one is cut there (and reported). */
export const MAX_RELATION_SENTENCE = 20_000;

/** The record as the relation rules see it: each sentence cut to MAX_RELATION_SENTENCE characters, with its mentions there. */
export function boundForRelations(view: RecordView): { view: RecordView; cut: Evidence[] } {
  const cut: Evidence[] = [];
  const sentences = view.sentences.map((s) => {
    if (s.text.length <= MAX_RELATION_SENTENCE) return s;
    const end = s.span.start + MAX_RELATION_SENTENCE;
    const short: Sentence = { ...s, span: { start: s.span.start, end }, text: s.text.slice(0, MAX_RELATION_SENTENCE), mentions: s.mentions.filter((m) => m.end <= end) };
    cut.push(view.evidence(short));
    return short;
  });
  return cut.length === 0 ? { view, cut } : { view: { ...view, sentences }, cut };
}

export function findRelations(view: RecordView): LocalRelation[] {
  const ctx: Ctx = { view, out: [], achievers: [], civic: [] };
  const { sentences } = view;
  // 1. who changed: the named actors the outcome description opens with, of the kind the record's social actor says
  ctx.achievers = findAchievers(view);
  ctx.civic = ctx.achievers.some((a) => !isGovernment(view, a)) ? ctx.achievers : findAchievers(view, "civic");
  const firstNamedIn = new Map<string, Sentence>();
  for (const x of sentences) if (x.field === "outcomeDescription") for (const m of x.mentions) if (!firstNamedIn.has(m.key)) firstNamedIn.set(m.key, x);
  for (const a of ctx.achievers) emit(ctx, a, "ACHIEVED", OUTCOME, "achiever-subject", firstNamedIn.get(a)!);
  // 2. capacity support, funding and partnerships, sentence by sentence
  for (const s of sentences) {
    if (s.field === "evidence" || !s.mentions.some((m) => actor(view, m))) continue;
    trainingAndMentoring(ctx, s);
    funding(ctx, s);
    nominalisations(ctx, s);
    partnerships(ctx, s);
    membership(ctx, s);
  }
  // 3. the programme's funding of the partners who did the work, when the sentence names no one
  const implementers = findImplementers(ctx);
  for (const s of sentences) if (s.field !== "evidence") programmeFunding(ctx, s, implementers);
  // 4. contributions to the outcome
  contributions(ctx, implementers);
  return ctx.out;
}

// ---- helpers over a sentence's mentions ----

const actor = (view: RecordView, m: Mention) => {
  const e = view.entities.get(m.key);
  return !!e && isActorType(e.type);
};
const isProgramme = (view: RecordView, key: string) => view.entities.get(key)?.type === "Programme";
const isGovernment = (view: RecordView, key: string) => view.entities.get(key)?.type === "GovernmentBody";
const abs = (s: Sentence, i: number) => s.span.start + i;

/** The actors a sentence names, in order; computed once per sentence (mentions are final here), never mutated by callers. */
const ACTORS_IN = new WeakMap<Sentence, Mention[]>();
function actorsIn(view: RecordView, s: Sentence): Mention[] {
  let out = ACTORS_IN.get(s);
  if (!out) ACTORS_IN.set(s, (out = s.mentions.filter((m) => actor(view, m))));
  return out;
}

/** A sticky regex run at `at` in `text`: the same as anchoring it with ^ on `text.slice(at)`, without the copy. */
function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** The nearest actor named before `pos` in the same clause. */
function before(view: RecordView, s: Sentence, pos: number, opts: { programme?: boolean; noList?: boolean } = {}): Mention[] {
  const list = actorsIn(view, s).filter((m) => m.end <= pos && (opts.programme || !isProgramme(view, m.key)));
  const last = list[list.length - 1];
  if (!last) return [];
  const gap = s.text.slice(last.end - s.span.start, pos - s.span.start);
  if (/;/.test(gap)) return [];
  // "members of CODA and of ATDM were trained": the list that ends there
  const out = list.filter((m) => m.start === last.start);
  let from = last.start;
  for (let i = list.length - 1; i >= 0; i--) {
    const m = list[i];
    if (m.end > from) continue;
    // "Association des Bergers du Dallol (ABD)": the acronym in brackets is the same item
    if (out.some((o) => o.key === m.key)) {
      from = m.start;
      continue;
    }
    const between = s.text.slice(m.end - s.span.start, from - s.span.start);
    if (!LIST_GAP.test(between) || between.trim() === "" || (opts.noList ?? false)) break;
    // "With funds from the EU, Internews trained": a comma alone before the last name ends a phrase, not a list
    if (out.length === 1 && !CONJUNCTION.test(between)) break;
    out.push(m);
    from = m.start;
  }
  return dedupe(out.reverse());
}

/** A subject pronoun right before a verb ("it trained", "they then mentored", "il a formé", "puis les a accompagnés"). */
const SUBJECT_PRONOUN = /(?:^|[\s,;])(?:it|they|il|elle|ils|elles)\s+(?:(?:also|then|later|further|afterwards|subsequently|ensuite|aussi|également|puis)\s+)*(?:(?:les|la|le|l['’]|lui|leur)\s*)?$/iu;
/** A French object pronoun before the auxiliary ("puis les a accompagnés", "et l'a formée"). */
const OBJECT_PRONOUN_FR = /(?:^|[\s,;])(?:les|la|le|l['’]|lui|leur)\s*$/iu;
/** An English object pronoun right after the verb ("SALC mentored them"). */
const OBJECT_PRONOUN_EN = /^\s+(?:them|it|him|her)\b/iu;

/** The latest support given in this sentence or the one before in the field: its givers and receivers. */
function lastSupport(ctx: Ctx, s: Sentence): { agents: Mention[]; patients: string[] } | null {
  const i = ctx.view.sentences.indexOf(s);
  for (const x of [s, ctx.view.sentences[i - 1]]) {
    if (!x || x.field !== s.field) continue;
    const rs = ctx.out.filter((r) => (r.type === "TRAINED" || r.type === "MENTORED" || r.type === "FUNDED") && r.evidence[0].start === x.span.start && r.evidence[0].field === x.field);
    const last = rs[rs.length - 1];
    if (!last) continue;
    // "With funding from PTP, FIDA did three things. First, it trained …": who the programme funded is who acts
    const agent = last.type === "FUNDED" && isProgramme(ctx.view, last.source) ? last.target : last.source;
    const same = rs.filter((r) => r.source === agent);
    return { agents: [{ key: agent, start: s.span.start, end: s.span.start, kind: "coref" }], patients: [...new Set(same.map((r) => r.target))] };
  }
  return null;
}

/** Who does what a verb at `pos` says: the actors right before it, or the clause's subject after "and" ("Oxfam gave the
 * Forum two laptops and mentored …": a coordinated verb has the clause's subject, not the last object). */
function subjectOf(view: RecordView, s: Sentence, pos: number): Mention[] {
  const agents = before(view, s, pos);
  const gapBefore = agents.length ? s.text.slice(agents[agents.length - 1].end - s.span.start, pos - s.span.start) : "";
  if (/\S\s+(?:and|et)\s+(?:(?:then|also|later|ensuite|aussi|a|ont|avons)\s+)*$/iu.test(gapBefore)) {
    const subject = actorsIn(view, s).find((x) => !isProgramme(view, x.key) && x.end <= pos);
    if (subject) return [subject];
  }
  return agents;
}

/** The first actor named after `pos` (within `max` characters), with the actors listed after it. */
function after(view: RecordView, s: Sentence, pos: number, max = 120, opts: { programme?: boolean; noComma?: boolean } = {}): Mention[] {
  const list = actorsIn(view, s).filter((m) => m.start >= pos && (opts.programme || !isProgramme(view, m.key)));
  const first = list[0];
  if (!first || first.start - pos > max || /[;]/.test(s.text.slice(pos - s.span.start, first.start - s.span.start))) return [];
  return withList(view, s, first, list, opts.noComma);
}

const CONJUNCTION = /(?<![\p{L}])(?:and|et|or|ou|as well as|ainsi que)(?![\p{L}])|&/iu;
// "A, B and C", "du COFEJUKA, de l'AJPD et du RRCK": a French list repeats its preposition before each item
const LIST_GAP = uRegExp(String.raw`^\s*(?:\([^()]*\))?\s*(?:,|,?\s*(?:and|et|or|ou|as well as|ainsi que|&))?(?:\s*(?:of|de|du|des|d['’]|à|au|aux)(?![\p{L}]))?\s*(?:(?:the|la|le|les|l['’]|its|their)\s*)?$`, "iu");

function withList(view: RecordView, s: Sentence, first: Mention, list: Mention[], noComma = false): Mention[] {
  const out = list.filter((m) => m.start === first.start);
  let end = Math.max(...out.map((m) => m.end));
  const keys = new Set(out.map((m) => m.key));
  for (const m of list) {
    if (m.start <= first.start) continue;
    if (m.start < end) continue;
    // "Femmes Solidaires de Ngozi (FESONG), l'Association …": the acronym in brackets is the same item
    if (keys.has(m.key) && /^\s*\(?\s*$/.test(s.text.slice(end - s.span.start, m.start - s.span.start))) {
      end = m.end + (s.text[m.end - s.span.start] === ")" ? 1 : 0);
      continue;
    }
    const gap = s.text.slice(end - s.span.start, m.start - s.span.start);
    if (!LIST_GAP.test(gap) || (gap.trim() === "" && m.start - end > 1) || (noComma && /,/.test(gap))) {
      // a parenthesis right after a name holds its acronym or its parts, not the next item
      if (/^\s*\($/.test(gap)) break;
      break;
    }
    out.push(m);
    keys.add(m.key);
    end = m.end;
  }
  return dedupe(out);
}

function dedupe(ms: Mention[]): Mention[] {
  const seen = new Set<string>();
  return ms.filter((m) => (seen.has(m.key) ? false : (seen.add(m.key), true)));
}

function emit(ctx: Ctx, source: string, type: RelationType, target: string, rule: string, s: Sentence): void {
  if (source === target) return;
  ctx.out.push({ source, type, target, rule, evidence: [ctx.view.evidence(s)] });
}

/** Duty bearers change as state bodies; civic change agents and citizens as the others. */
const DUTY_BEARERS = /duty|obligation|state actor|government|gouvern|autorit/i;
const CIVIC_ACTORS = /civic|civique|citizen|citoyen|civil/i;

function findAchievers(view: RecordView, kind?: "civic"): string[] {
  const social = view.record.socialActor ?? "";
  const want = kind ?? (DUTY_BEARERS.test(social) ? "duty" : CIVIC_ACTORS.test(social) ? "civic" : null);
  const fits = (key: string) => !isProgramme(view, key) && (want === null || (want === "duty") === isGovernment(view, key));
  for (const pass of want ? [want, null] : [null]) {
    for (const s of view.sentences) {
      if (s.field !== "outcomeDescription") continue;
      const list = actorsIn(view, s).filter((m) => !isProgramme(view, m.key));
      const first = list.find((m) => pass === null || fits(m.key));
      if (!first) continue;
      const keys = withList(view, s, first, list.filter((m) => m.start >= first.start)).map((m) => m.key);
      return pass === null ? keys : keys.filter(fits);
    }
    if (kind) return [];
  }
  return [];
}

// ---- rules ----

// Cheap keyword tests that let most sentences skip a family of rules.
const HAS_CAPACITY = /train|form|mentor|coach|accompag|encadr|workshop|atelier|session|organi|held|ran |conduct|facilit|deliver|anim/i;
const HAS_FUNDING = /fund|financ|grant|subvention|cost|coût|frais|paid|payé|pris en charge|couv|cover|under|support|appu|octroy|accordé|attribué|alloué|versé|remis|donation|award|\brent\b|loyer|salar|fuel|carburant|travel|déplacement|expense|dépense/i;
const HAS_PARTNER = /joint|conjoint|together|ensemble|partner|partenai|collaborat|cooperat|coordinat|closely|concours|côtés|alongside|between|entre|sign|such as/i;
const HAS_MEMBER = /member|membre|\(/i;

function trainingAndMentoring(ctx: Ctx, s: Sentence): void {
  const { view } = ctx;
  if (!HAS_CAPACITY.test(s.text)) return;
  const fallback = (agent: string) => (s.field === "programmeContribution" || s.field === "otherActorsContribution") && !ctx.achievers.includes(agent) ? ctx.achievers : [];
  const passiveSpans: [number, number][] = [];
  const passive = (re: RegExp, type: RelationType, rule: string) => {
    for (const m of s.text.matchAll(re)) {
      const at = abs(s, m.index!), end = at + m[0].length;
      passiveSpans.push([at, end]);
      let patients = before(view, s, at);
      const by = /\b(?:by|par)\b/iu.exec(s.text.slice(end - s.span.start));
      let agents = by ? after(view, s, end + by.index + by[0].length, 60) : [];
      // "The leaders of the four organisations were trained by PAX": those who pushed for the change
      if (patients.length === 0 && agents.length > 0 && s.field === "programmeContribution") patients = ctx.civic.filter((c) => !agents.some((a) => a.key === c)).map((key) => ({ key, start: at, end: at, kind: "coref" as const }));
      // "X organised a workshop during which Y were trained": the organiser
      if (agents.length === 0) agents = actorsIn(view, s).filter((a) => !isProgramme(view, a.key) && a.end <= (patients[0]?.start ?? at)).slice(0, 1);
      for (const a of agents) for (const p of patients) if (!isProgramme(view, a.key)) emit(ctx, a.key, type, p.key, rule, s);
    }
  };
  passive(TRAIN_PASSIVE, "TRAINED", "trained-passive");
  passive(MENTOR_PASSIVE, "MENTORED", "mentored-passive");
  const inPassive = (i: number) => passiveSpans.some(([a, b]) => a <= i && i < b);
  const active = (re: RegExp, type: RelationType, rule: string) => {
    for (const m of s.text.matchAll(re)) {
      const at = abs(s, m.index!), end = at + m[0].length;
      if (inPassive(at)) continue;
      // "16 YIPC members trained by Saferworld": a participle with its agent is a passive, its patient right before
      if (/^\s+(?:by|par)\s/iu.test(s.text.slice(end - s.span.start))) {
        const agents = after(view, s, end, 12, { noComma: true });
        const patients = before(view, s, at).filter((p) => at - p.end <= 40);
        for (const a of agents) for (const p of patients) if (!isProgramme(view, a.key)) emit(ctx, a.key, type, p.key, rule.replace("active", "participle"), s);
        continue;
      }
      // pronouns: "… and afterwards it accompanied", "Second, it mentored", "puis les a accompagnés", "mentored them"
      const pre = s.text.slice(0, m.index!);
      const subjectPronoun = SUBJECT_PRONOUN.test(pre);
      const objectPronoun = OBJECT_PRONOUN_FR.test(pre) || OBJECT_PRONOUN_EN.test(s.text.slice(end - s.span.start));
      const earlier = objectPronoun || subjectPronoun ? lastSupport(ctx, s) : null;
      const agents = earlier && (subjectPronoun || OBJECT_PRONOUN_FR.test(pre)) ? earlier.agents : subjectOf(view, s, at);
      if (agents.length === 0 || agents.some((a) => isProgramme(view, a.key))) continue;
      if (objectPronoun && earlier) {
        for (const a of agents) for (const p of earlier.patients) emit(ctx, a.key, type, p, rule, s);
        continue;
      }
      let patients = after(view, s, end, 120).map((p) => p.key);
      // "… provided the collective with storage and mentored its coordinator": the actor "its" stands for
      if (patients.length === 0 && /^\s+(?:its|their|son|sa|ses|leur|leurs)\s/iu.test(s.text.slice(end - s.span.start)))
        patients = actorsIn(view, s).filter((x) => x.end <= at && !agents.some((a) => a.key === x.key) && !isProgramme(view, x.key)).slice(-1).map((x) => x.key);
      if (patients.length === 0) patients = fallback(agents[0].key);
      for (const a of agents) for (const p of patients) emit(ctx, a.key, type, p, rule, s);
    }
  };
  active(TRAIN_ACTIVE, "TRAINED", "trained-active");
  active(MENTOR_ACTIVE, "MENTORED", "mentored-active");
  // "X ran a training of trainers for Y", "X a organisé un atelier pour Y"
  for (const m of s.text.matchAll(EVENT_VERB)) {
    const at = abs(s, m.index!), end = at + m[0].length;
    const rest = s.text.slice(end - s.span.start);
    const noun = TRAIN_NOUN.exec(rest.slice(0, 80));
    if (!noun) continue;
    const agents = subjectOf(view, s, at);
    const forM = /\b(?:for|pour|à l['’]intention d[eu]|au profit d[eu])\b/iu.exec(rest.slice(noun.index, noun.index + 120));
    if (!forM || agents.length === 0 || isProgramme(view, agents[0].key)) continue;
    const patients = after(view, s, end + noun.index + forM.index + forM[0].length, 40);
    for (const a of agents) for (const p of patients) emit(ctx, a.key, "TRAINED", p.key, "training-for", s);
  }
  // participation: "a workshop organised by UAF-Africa, in which two AFDA staff took part", "X a participé à une formation
  // animée par Y", "une formation organisée par RSF, à laquelle ont participé trois animateurs de la radio"
  if (TRAIN_NOUN.test(s.text))
    for (const m of s.text.matchAll(PARTICIPATE)) {
      const at = abs(s, m.index!), end = at + m[0].length;
      const runBy = [...s.text.matchAll(RUN_BY)].map((r) => after(view, s, abs(s, r.index! + r[0].length), 20, { noComma: true }));
      const trainers = runBy.find((t) => t.length > 0) ?? [];
      if (trainers.length === 0 || isProgramme(view, trainers[0].key)) continue;
      const head = s.text.slice(0, m.index!);
      const rel = [...head.matchAll(new RegExp(RELATIVE_PLACE.source, "giu"))].pop();
      let participants: Mention[];
      if (rel) {
        // the participants between the relative and the verb, or after the verb when French puts them there
        const relEnd = abs(s, rel.index! + rel[0].length);
        participants = actorsIn(view, s).filter((x) => x.start >= relEnd && x.end <= at && !isProgramme(view, x.key));
        if (participants.length === 0) participants = after(view, s, end, 60);
      } else participants = before(view, s, at);
      for (const t of trainers) for (const p of participants) if (p.key !== t.key) emit(ctx, t.key, "TRAINED", p.key, "took-part", s);
    }
  // nominal: "Following the trainings … and mentorship … by DefendDefenders, the national coalitions …"
  const nominal = /\b(?:trainings?|mentorship|mentoring|coaching|formations?|mentorat|accompagnement|encadrement)\b[^.;]{0,160}?\b(?:by|par)\s/giu;
  for (const m of s.text.matchAll(nominal)) {
    const at = abs(s, m.index!), end = at + m[0].length;
    if (inPassive(end - 4) || /\b(?:facilitated|organi[sz]ed|conducted|animé|facilité|organisé)\s+(?:by|par)\s$/iu.test(m[0])) continue;
    const agents = after(view, s, end, 5, { noComma: true });
    if (agents.length === 0 || isProgramme(view, agents[0].key)) continue;
    const restFrom = Math.max(...agents.map((a) => a.end));
    const comma = s.text.indexOf(",", restFrom - s.span.start);
    if (!/^(?:Following|After|Suite|À la suite|Après|Thanks to|Grâce)/iu.test(s.text) || comma < 0) continue;
    const patients = after(view, s, abs(s, comma), 40);
    const phrase = m[0];
    for (const a of agents)
      for (const p of patients) {
        if (TRAIN_NOUN.test(phrase)) emit(ctx, a.key, "TRAINED", p.key, "training-nominal", s);
        if (MENTOR_NOUN.test(phrase)) emit(ctx, a.key, "MENTORED", p.key, "mentorship-nominal", s);
      }
  }
  // possessive: "DD's mentorship and institutional support to national coalitions"
  for (const a of actorsIn(view, s)) {
    const pm = execAt(POSSESSIVE_SUPPORT, s.text, a.end - s.span.start);
    if (!pm || isProgramme(view, a.key)) continue;
    const patients = after(view, s, a.end + pm[0].length, 30);
    const type: RelationType = /train/i.test(pm[1]) ? "TRAINED" : "MENTORED";
    for (const p of patients) emit(ctx, a.key, type, p.key, "possessive-support", s);
  }
}

const POSSESSIVE_SUPPORT = /['’]s?\s+(?:\w+\s+)?(mentorship|mentoring|coaching|trainings?)\b[^.;]{0,60}?\b(?:to|of|for|with)\s/iuy;
/** "an SWVF grant to AFDA", "an emergency grant to the hub from Freedom House", "une subvention du FNUD à l'AFVC". */
const GRANT_TO = uRegExp(String.raw`\b(?:grants?|subventions?|donations?|allocations?)\s+(?:(?:of|de|d['’])\s+[^;()]{1,25}?\s+)?(?:to|à|au|aux)\s+(?:(?:the|la|le|les|l['’])\s*)?`, "giu");
const FUNDING_AFTER = /['’]?s?\s+(?:funding|financing|grant|funds)\b/iuy;
const BRACKETS_AFTER = /\s*\(([^()]{3,200})\)/uy;

function funding(ctx: Ctx, s: Sentence): void {
  const { view } = ctx;
  if (!HAS_FUNDING.test(s.text)) return;
  const here = (r: LocalRelation) => r.evidence[0].start === s.span.start && r.evidence[0].field === s.field;
  // 1. support by partners first (grants given, costs covered, active funding), so a programme named later funds the giver
  for (const m of s.text.matchAll(GIVE_GRANT)) {
    const at = abs(s, m.index!), end = at + m[0].length;
    const funders = before(view, s, at, { programme: true, noList: true });
    const inside = actorsIn(view, s).filter((x) => x.start >= at + m[0].indexOf(m[1], m[0].indexOf(" ")) && x.end <= end);
    const to = /^\s*(?:\p{L}+\s+){0,3}?(?:to|à|au|aux|for|pour)\b/iu.exec(s.text.slice(end - s.span.start));
    const funded = inside.length > 0 ? inside : to ? after(view, s, end + to[0].length, 30) : [];
    for (const f of funders) for (const d of funded) emit(ctx, f.key, "FUNDED", d.key, "gave-grant", s);
  }
  for (const m of s.text.matchAll(GRANT)) {
    const at = abs(s, m.index!);
    const funders = before(view, s, at, { programme: true });
    const funded = after(view, s, at + m[0].indexOf(m[1]), m[1].length + 1);
    for (const f of funders) for (const d of funded) emit(ctx, f.key, "FUNDED", d.key, "grant", s);
  }
  for (const m of s.text.matchAll(COST)) {
    const at = abs(s, m.index!), end = at + m[0].length;
    // the subject pays, even after a coordinated verb ("PAX a accompagné le réseau … et a pris en charge le transport")
    const before = actorsIn(view, s).filter((x) => x.end <= at);
    const funders = (before.filter((x) => !isProgramme(view, x.key)).length > 0 ? before.filter((x) => !isProgramme(view, x.key)) : before).slice(0, 1);
    if (funders.length === 0) continue;
    const f = funders[0].key;
    // "… a pris en charge le transport des victimes, et Médecins du Monde a assuré …": the next clause's subject is not paid for
    let funded = after(view, s, end, 60).filter((x) => !/(?:,\s*|\s)(?:and|et|while|whereas|tandis que|alors que)\s+(?:(?:the|la|le|les|l['’])\s*)?$/iu.test(s.text.slice(end - s.span.start, x.start - s.span.start))).map((x) => x.key);
    // no one named after the costs: whom the same sentence supports, whom the payer supports elsewhere, else who changed
    if (funded.length === 0) funded = ctx.out.filter((r) => (r.type === "TRAINED" || r.type === "MENTORED") && here(r)).map((r) => r.target);
    if (funded.length === 0) funded = ctx.out.filter((r) => (r.type === "TRAINED" || r.type === "MENTORED") && r.source === f).map((r) => r.target);
    if (funded.length === 0 && !ctx.achievers.includes(f) && s.field === "programmeContribution") funded = ctx.achievers.filter((a) => !isGovernment(view, a));
    for (const d of new Set(funded)) emit(ctx, f, "FUNDED", d, "covered-costs", s);
  }
  for (const m of s.text.matchAll(FUND_ACTIVE)) {
    const at = abs(s, m.index!), end = at + m[0].length;
    if (/\b(?:were|was|been|is|are|be|été|sont|est)\s+$/iu.test(s.text.slice(0, m.index!)) || /^\s+(?:by|par|under|through)\b/.test(s.text.slice(m.index! + m[0].length))) continue;
    const funders = before(view, s, at, { programme: true });
    const funded = after(view, s, end, 70);
    for (const f of funders) for (const d of funded) emit(ctx, f.key, "FUNDED", d.key, "funded-active", s);
  }
  // "an SWVF grant to AFDA": the funder names the grant, or follows the recipient with "from"
  for (const m of s.text.matchAll(GRANT_TO)) {
    const at = abs(s, m.index!), end = at + m[0].length;
    const recipients = after(view, s, end, 3, { noComma: true });
    if (recipients.length === 0) continue;
    const rEnd = Math.max(...recipients.map((r) => r.end));
    const from = /^\s*(?:from|de la part d[eu]|d[eu])\s+/iu.exec(s.text.slice(rEnd - s.span.start));
    const named = actorsIn(view, s).filter((x) => x.end <= at && /^\s*$/.test(s.text.slice(x.end - s.span.start, m.index!).replace(/^['’]s?/, "").replace(/\b(?:small|emergency|core|rapid response|petite|small-scale|seed|institutional)\b/giu, "")));
    const funders = from ? after(view, s, rEnd + from[0].length, 20, { programme: true, noComma: true }) : named.slice(-1);
    for (const f of funders) for (const r of recipients) emit(ctx, f.key, "FUNDED", r.key, "grant-to", s);
  }
  // "with SCC funding"
  for (const a of actorsIn(view, s)) {
    // the cheap test in place first; the one over the text before runs only for the rare name followed by "funding"
    if (!execAt(FUNDING_AFTER, s.text, a.end - s.span.start) || !/\bwith\s+(?:the\s+)?$/iu.test(s.text.slice(0, a.start - s.span.start))) continue;
    const first = actorsIn(view, s).find((x) => x.key !== a.key && !isProgramme(view, x.key));
    if (first) emit(ctx, a.key, "FUNDED", first.key, "funding-phrase", s);
  }
  // 2. funding phrases: "with funding from P", "funded by P through I", "a grant from G"
  for (const m of s.text.matchAll(FUND_PHRASE)) {
    const at = abs(s, m.index!), end = at + m[0].length;
    const funders = after(view, s, end, 20, { programme: true, noComma: true });
    if (funders.length === 0) continue;
    if (m[0] === "under" && !funders.every((f) => isProgramme(view, f.key))) continue;
    // "funded by the SCC programme through Amnesty": the money passed through an intermediary
    const fEnd = Math.max(...funders.map((f) => f.end));
    const via = VIA.exec(s.text.slice(fEnd - s.span.start));
    const inter = via ? after(view, s, fEnd + via[0].length, 5, { noComma: true }) : [];
    for (const f of funders) for (const i of inter) emit(ctx, f.key, "FUNDED", i.key, "funding-through", s);
    const payers = inter.length > 0 ? inter : funders;
    const fkeys = new Set([...funders, ...inter].map((f) => f.key));
    // "under the SCC programme" after another funder: the programme funds that funder too
    if (m[0] === "under") {
      const prev = actorsIn(view, s).filter((x) => x.end <= at && !isProgramme(view, x.key)).slice(-1);
      for (const p of prev) for (const f of funders) emit(ctx, f.key, "FUNDED", p.key, "funded-under", s);
      continue;
    }
    // who was funded: the name the phrase hangs on ("JPP is funded by USAID", "the SNI, which is financed by the EU"),
    // the people behind the activity it qualifies ("The training was paid for by P"), whoever this sentence says
    // trained, mentored or gave a grant, else the first other actor named
    const head = PASSIVE_FUNDING.test(m[0]) ? fundedHead(ctx, s, at) : null;
    if (head) {
      for (const f of payers) for (const d of head.keys) if (!fkeys.has(d)) emit(ctx, f.key, "FUNDED", d, head.rule, s);
      continue;
    }
    const agents = [...new Set(ctx.out.filter((r) => here(r) && !fkeys.has(r.source) && (r.type === "TRAINED" || r.type === "MENTORED" || (r.type === "FUNDED" && !isProgramme(view, r.source)))).map((r) => r.source))];
    const first = actorsIn(view, s).find((x) => !fkeys.has(x.key) && !isProgramme(view, x.key));
    const funded = agents.length > 0 ? agents : first ? [first.key] : [];
    for (const f of payers) for (const d of funded) emit(ctx, f.key, "FUNDED", d, "funding-phrase", s);
  }
  // "with the support of the ECP programme, ASFC organised …": a programme's support is its money
  for (const m of s.text.matchAll(PROGRAMME_SUPPORT)) {
    const funders = after(view, s, abs(s, m.index! + m[0].length), 20, { programme: true, noComma: true });
    if (funders.length === 0 || !funders.every((f) => isProgramme(view, f.key))) continue;
    const fkeys = new Set(funders.map((f) => f.key));
    const agents = [...new Set(ctx.out.filter((r) => here(r) && !fkeys.has(r.source) && (r.type === "TRAINED" || r.type === "MENTORED")).map((r) => r.source))];
    for (const f of funders) for (const d of agents) emit(ctx, f.key, "FUNDED", d, "programme-support", s);
  }
}

const PASSIVE_FUNDING = /^(?:(?:co-?)?(?:funded|financed|sponsored|paid|financ|pris|prise|payé)|(?:fund|funds|programme|program|facility|fonds)\s)/iu;
/** Between a name and the passive phrase that qualifies it: ", which is (also)", " (JPP), qui est", ", lui-même". */
const HEAD_GAP = uRegExp(String.raw`^\s*(?:\([^()]*\)|\))?\s*(?:,\s*(?:a|an|un|une)\s+(?:[\p{L}-]+\s+){0,3}?$)?\s*(?:['’]s?\s+(?:[\p{L}-]+\s+){0,4}?)?,?\s*(?:(?:which|that|who|qui)\s+)?(?:(?:is|was|are|were|has been|have been|had been|est|sont|était|a été|ont été|avait été)\s+)?(?:(?:also|itself|partly|jointly|mainly|lui-même|elle-même|eux-mêmes|aussi|également|en partie)\s*,?\s*)*$`, "iu");
const RELATIVE = /,|(?<![\p{L}])(?:which|that|who|qui)(?![\p{L}])/iu;
const IN_PHRASE = uRegExp(String.raw`\b(?:in|within|under|for|of|dans|sous|pour|du|des|de)\s+(?:(?:the|its|their|la|le|les|l['’])\s*)?$`, "iu");
/** What a passive funding phrase qualifies when it is no name: an activity ("the training", "Le coût de l'atelier"). */
const ACTIVITY_SUBJECT = uRegExp(String.raw`^\s*(?:(?:the|this|these|both|all|la|le|les|l['’]|cette|ces|ce)\s*)?(?:[\p{L}-]+\s+){0,3}?(?:trainings?|workshops?|sessions?|activities|activity|mentorship|coaching|costs?|formations?|ateliers?|activités?|coûts?|frais|accompagnement)\b[^,;]{0,80}?\s(?:is|was|are|were|has been|have been|had been|est|sont|était|a été|ont été|avait été)\s*(?:(?:also|itself|partly|entirely|fully|aussi|également|entièrement|en partie)\s+)*$`, "iu");

/** The actors a passive funding phrase at `at` is said of, or null when the sentence does not say. */
function fundedHead(ctx: Ctx, s: Sentence, at: number): { keys: string[]; rule: string } | null {
  const { view } = ctx;
  // the name the phrase hangs on: the nearest one for a relative or an apposition ("the CSR programme, which is funded
  // by"), the clause's subject for a bare copula, passing over names governed by a preposition ("UAF's work in the
  // programme is financed by")
  const previous = actorsIn(view, s).filter((x) => x.end <= at);
  for (let k = previous.length - 1; k >= 0; k--) {
    const x = previous[k];
    const gap = s.text.slice(x.end - s.span.start, at - s.span.start);
    const governed = IN_PHRASE.test(s.text.slice(Math.max(0, x.start - s.span.start - 12), x.start - s.span.start));
    if (HEAD_GAP.test(gap) && (!governed || RELATIVE.test(gap))) return { keys: [x.key], rule: "funded-head" };
    if (!governed) break;
  }
  // the clause before the phrase, from the sentence start or the last comma that opens it
  const clause = s.text.slice(0, at - s.span.start);
  if (!ACTIVITY_SUBJECT.test(clause)) return null;
  // who ran the activity: this sentence's trainers and mentors, else those of the sentence before in the same field
  const i = view.sentences.indexOf(s);
  for (const x of [s, view.sentences[i - 1], view.sentences[i - 2]]) {
    if (!x || x.field !== s.field) continue;
    const agents = [...new Set(ctx.out.filter((r) => (r.type === "TRAINED" || r.type === "MENTORED") && r.evidence[0].start === x.span.start && r.evidence[0].field === x.field).map((r) => r.source))];
    if (agents.length > 0) return { keys: agents, rule: "funded-activity" };
  }
  // an activity nobody is said to have run: the phrase funds no one named
  return { keys: [], rule: "funded-activity" };
}
/**
 * A list of n actors that act together gives n(n-1)/2 PARTNERED_WITH edges: past this length ("a joint exercise of
 * 40 organisations") the pairs say nothing a reader can use and cost quadratic time, so such a list gives none.
 */
const MAX_PAIRWISE_LIST = 12;
/** The list before "jointly"/"signed" is searched among the last mentions only (each item may carry its acronym). */
const recent = (ms: Mention[]) => ms.slice(-4 * MAX_PAIRWISE_LIST);

/** Nouns that name the support an agent gave, when evaluators write it as a noun ("The provision of a course by X to Y"). */
const SUPPORT_NOUNS: [RegExp, RelationType][] = [
  [uRegExp(String.raw`\b(?:trainings?|courses?|workshops?|formations?|ateliers?|sessions? de formation)\b`, "iu"), "TRAINED"],
  [uRegExp(String.raw`\b(?:mentorship|mentoring|coaching|accompaniment|accompagnement|encadrement|mentorat)\b`, "iu"), "MENTORED"],
  [uRegExp(String.raw`\b(?:funding|financing|sub-grants?|grants?|financement|subventions?|appui financier)\b`, "iu"), "FUNDED"],
];
/** "by X" after a noun phrase (never a verb's agent: "trained by", "financé par" have their own rules). */
const NOUN_BY = uRegExp(String.raw`(?<![\p{L}](?:ed|ée?s?|é|en|un|one|ise?|és?))\s+(?:by|par)\s+`, "giu");
/** Who the support went to: "to EWLW", "au bénéfice de 24 parajuristes du REPAGUIF", "for KWDA". */
const RECIPIENT = uRegExp(String.raw`\b(?:to|for|au bénéfice d[eu]s?|au profit d[eu]s?|à l['’]intention d[eu]s?|en faveur d[eu]s?|pour|à|au|aux)\s+`, "giu");

function nominalisations(ctx: Ctx, s: Sentence): void {
  const { view } = ctx;
  if (!/\b(?:by|par)\s/iu.test(s.text)) return;
  for (const m of s.text.matchAll(NOUN_BY)) {
    const byAt = m.index!, byEnd = byAt + m[0].length;
    const agents = after(view, s, abs(s, byEnd), 6, { programme: true, noComma: true });
    if (agents.length === 0) continue;
    // the noun phrase before "by", back to the clause's start
    const clauseStart = Math.max(s.text.lastIndexOf(";", byAt), s.text.lastIndexOf(". ", byAt), byAt - 160, 0);
    const head = s.text.slice(clauseStart, byAt);
    const aEnd = Math.max(...agents.map((a) => a.end)) - s.span.start;
    const tail = s.text.slice(aEnd, Math.min(s.text.length, aEnd + 200)).split(/;/)[0];
    for (const [noun, type] of SUPPORT_NOUNS) {
      const inHead = noun.exec(head);
      // "Organisation par Tdh … d'une formation … au bénéfice de …": the event's noun may follow its organiser
      const inTail = !inHead && /\b(?:organi[sz]ation|provision|facilitation|animation|tenue|conduct|delivery|mise en place)\s*$/iu.test(head.trim().split(/\s+/).slice(-1)[0] ?? "") ? noun.exec(tail) : null;
      if (!inHead && !inTail) continue;
      if (type !== "FUNDED" && agents.some((a) => isProgramme(view, a.key))) continue;
      // recipients: named after the agent ("to Y", "au bénéfice de Y"), else governed by the noun ("Accompagnement du réseau par Tdh")
      let patients: Mention[] = [];
      for (const r of tail.matchAll(RECIPIENT)) {
        patients = after(view, s, abs(s, aEnd + r.index! + r[0].length), 40);
        if (patients.length > 0) break;
      }
      if (patients.length === 0 && inHead) {
        const nounEnd = abs(s, clauseStart + inHead.index! + inHead[0].length);
        patients = actorsIn(view, s).filter((x) => x.start >= nounEnd && x.end <= abs(s, byAt) && (type === "FUNDED" || !isProgramme(view, x.key)));
      }
      for (const a of agents) for (const p of patients) if (a.key !== p.key) emit(ctx, a.key, type, p.key, "support-nominal", s);
    }
  }
}

function partnerships(ctx: Ctx, s: Sentence): void {
  const { view } = ctx;
  if (!HAS_PARTNER.test(s.text)) return;
  const subject = () => actorsIn(view, s).find((m) => !isProgramme(view, m.key));
  const pair = (a: string, b: string, rule: string) => {
    if (a === b || isProgramme(view, a) || isProgramme(view, b)) return;
    emit(ctx, a, "PARTNERED_WITH", b, rule, s);
  };
  for (const m of s.text.matchAll(PARTNER)) {
    const at = abs(s, m.index!), end = at + m[0].length;
    const partners = after(view, s, end, 80);
    if (partners.length === 0) continue;
    let left = before(view, s, at).map((x) => x.key);
    if (left.length === 0 && s.field !== "otherActorsContribution") left = ctx.achievers;
    for (const a of left) for (const b of partners) pair(a, b.key, "partnership-phrase");
  }
  const pairs = (list: Mention[], rule: string) => {
    if (list.length > MAX_PAIRWISE_LIST) return;
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pair(list[i].key, list[j].key, rule);
  };
  for (const m of s.text.matchAll(JOINT_OF)) pairs(after(view, s, abs(s, m.index! + m[0].length), 20), "joint-exercise");
  // "drafted jointly by AFDA, RJFLO and CCA", "rédigée conjointement par …"
  for (const m of s.text.matchAll(JOINTLY_BY)) pairs(after(view, s, abs(s, m.index! + m[0].length), 20), "jointly-by");
  for (const m of s.text.matchAll(JOINTLY)) {
    const at = abs(s, m.index!);
    const ms = recent(actorsIn(view, s).filter((x) => x.end <= at));
    const last = ms[ms.length - 1];
    if (!last) continue;
    // "PAX and NCRDA jointly organised": the list that ends right before
    const start = ms.findIndex((x) => withList(view, s, x, ms).some((y) => y.key === last.key));
    pairs(start >= 0 ? withList(view, s, ms[start], ms) : [], "jointly");
  }
  for (const m of s.text.matchAll(SIGNED)) {
    const at = abs(s, m.index!);
    const ms = recent(actorsIn(view, s).filter((x) => x.end <= at));
    const start = ms.findIndex((x) => withList(view, s, x, ms).length >= 2 && withList(view, s, x, ms).some((y) => y.key === ms[ms.length - 1].key));
    pairs(start >= 0 ? withList(view, s, ms[start], ms) : [], "signed-agreement");
  }
  for (const m of s.text.matchAll(BETWEEN)) {
    const at = abs(s, m.index!), end = at + m[0].length;
    const seg = /^[^.;]{0,120}?\b(?:and|et)\b[^.;,]{0,80}/u.exec(s.text.slice(end - s.span.start));
    if (!seg) continue;
    const inside = actorsIn(view, s).filter((x) => x.start >= end && x.end <= end + seg[0].length && !isProgramme(view, x.key));
    if (inside.length >= 2) pair(inside[0].key, inside[1].key, "between");
    else if (inside.length === 1) {
      const subj = subject();
      if (subj && subj.start < at && subj.key !== inside[0].key) pair(subj.key, inside[0].key, "between");
    }
  }
  for (const m of s.text.matchAll(PARTNER_OF)) {
    const end = abs(s, m.index! + m[0].length);
    const partners = after(view, s, end, 3);
    const subj = subject();
    if (subj) for (const p of partners) pair(subj.key, p.key, "its-partner");
  }
  for (const m of s.text.matchAll(SUCH_AS)) {
    const subj = subject();
    if (!subj || subj.start > abs(s, m.index!)) continue;
    for (const p of after(view, s, abs(s, m.index! + m[0].length), 20)) pair(subj.key, p.key, "through-such-as");
  }
}

function membership(ctx: Ctx, s: Sentence): void {
  const { view } = ctx;
  if (!HAS_MEMBER.test(s.text)) return;
  for (const m of s.text.matchAll(MEMBER_OF)) {
    const at = abs(s, m.index!);
    for (const a of before(view, s, at)) for (const b of after(view, s, at + m[0].length, 20)) emit(ctx, a.key, "PART_OF", b.key, "member-of", s);
  }
  // "Government of Uganda (Office of the Prime Minister and Ministry of Defence …)": the parts in brackets
  const all = actorsIn(view, s);
  for (let i = 0; i < all.length; i++) {
    const a = all[i];
    if (view.entities.get(a.key)?.type !== "GovernmentBody") continue;
    const par = execAt(BRACKETS_AFTER, s.text, a.end - s.span.start);
    if (!par) continue;
    // mentions are sorted by start: only those from a's end to the bracket's end can be inside
    const inside: Mention[] = [];
    let k = i + 1;
    while (k < all.length && all[k].start <= a.end) k++;
    for (; k < all.length && all[k].start <= a.end + par[0].length; k++) if (all[k].end <= a.end + par[0].length && all[k].key !== a.key) inside.push(all[k]);
    for (const x of inside) emit(ctx, x.key, "PART_OF", a.key, "parts-in-brackets", s);
  }
}

function findImplementers(ctx: Ctx): string[] {
  const { view } = ctx;
  const agents = (field?: string) =>
    ctx.out
      .filter((r) => (r.type === "TRAINED" || r.type === "MENTORED" || (r.type === "FUNDED" && !isProgramme(view, r.source))) && (!field || r.evidence[0].field === field))
      .map((r) => r.source)
      .filter((k) => !ctx.achievers.includes(k));
  const inContribution = agents("programmeContribution");
  return [...new Set(inContribution.length > 0 ? inContribution : agents())];
}

function programmeFunding(ctx: Ctx, s: Sentence, implementers: string[]): void {
  const { view } = ctx;
  if (!view.programme || s.field !== "programmeContribution") return;
  const already = new Set(ctx.out.filter((r) => r.type === "FUNDED" && r.source === view.programme).map((r) => r.target));
  for (const m of s.text.matchAll(FUND_PHRASE)) {
    const funders = after(view, s, abs(s, m.index! + m[0].length), 20, { programme: true });
    if (!funders.some((f) => f.key === view.programme)) continue;
    const named = actorsIn(view, s).some((x) => !isProgramme(view, x.key));
    if (named && already.size > 0) continue;
    if (!named) for (const i of implementers) emit(ctx, view.programme, "FUNDED", i, "programme-funds-implementers", s);
  }
  // "with SCC funding" when the sentence names only the programme
  if (/\bwith\s+\w+\s+funding\b/iu.test(s.text) && !actorsIn(view, s).some((x) => !isProgramme(view, x.key)))
    for (const i of implementers) emit(ctx, view.programme, "FUNDED", i, "programme-funds-implementers", s);
}

function contributions(ctx: Ctx, implementers: string[]): void {
  const { view } = ctx;
  const achievers = new Set(ctx.achievers);
  const contributor = (key: string) => !achievers.has(key) && view.entities.get(key)?.type !== "ArmedGroup";
  // the programme, when the contribution field names it
  const programmeSentence = view.sentences.find((s) => s.field === "programmeContribution" && s.mentions.some((m) => m.key === view.programme));
  if (view.programme && programmeSentence) emit(ctx, view.programme, "CONTRIBUTED_TO", OUTCOME, "programme-contribution", programmeSentence);
  // the partners who trained, mentored or funded
  for (const r of [...ctx.out]) {
    if (!(r.type === "TRAINED" || r.type === "MENTORED" || (r.type === "FUNDED" && implementers.includes(r.source)))) continue;
    if (isProgramme(view, r.source) || !contributor(r.source)) continue;
    const s = view.sentences.find((x) => x.field === r.evidence[0].field && x.span.start === r.evidence[0].start)!;
    emit(ctx, r.source, "CONTRIBUTED_TO", OUTCOME, "capacity-support", s);
  }
  // every actor the other-actors field names as acting (not those acted upon)
  for (const s of view.sentences) {
    if (s.field !== "otherActorsContribution") continue;
    for (const m of actorsIn(view, s)) {
      if (m.kind !== "name" || isProgramme(view, m.key) || !contributor(m.key)) continue;
      if (OBJECT_BEFORE.test(s.text.slice(Math.max(0, m.start - s.span.start - 30), m.start - s.span.start))) continue;
      emit(ctx, m.key, "CONTRIBUTED_TO", OUTCOME, "other-actors", s);
    }
  }
  // a state body changed and the outcome is no setback: the civic actors the partners supported pushed for it
  const stateChanged = ctx.achievers.length > 0 && ctx.achievers.every((a) => isGovernment(view, a));
  if (stateChanged && view.record.negative !== "yes") {
    for (const r of [...ctx.out]) {
      if (!(r.type === "TRAINED" || r.type === "MENTORED" || r.type === "FUNDED") || isProgramme(view, r.target) || !contributor(r.target) || isGovernment(view, r.target)) continue;
      if (r.type === "FUNDED" && ctx.out.some((x) => x.source === r.target && (x.type === "TRAINED" || x.type === "MENTORED" || x.type === "FUNDED"))) continue;
      const s = view.sentences.find((x) => x.field === r.evidence[0].field && x.span.start === r.evidence[0].start)!;
      emit(ctx, r.target, "CONTRIBUTED_TO", OUTCOME, "supported-civic-actor", s);
    }
  }
  // agents in the outcome description: "transmis par l'AJCG", "grâce au plaidoyer du RETGOF"
  for (const s of view.sentences) {
    if (s.field !== "outcomeDescription") continue;
    for (const m of s.text.matchAll(CONTRIB_BY)) {
      for (const a of after(view, s, abs(s, m.index! + m[0].length), 25)) if (contributor(a.key)) emit(ctx, a.key, "CONTRIBUTED_TO", OUTCOME, "outcome-agent", s);
    }
  }
}
