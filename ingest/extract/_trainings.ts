// Trainings as nodes: when a sentence that says who trained whom also says on what, where or when ("trained APRU in
// physical and digital security management in Kampala, Uganda from 8 - 13 November 2021"), a Training entity with
// DELIVERED (trainer → training) and ATTENDED (trainee → training); the direct TRAINED edge stays.
import { type RecordView, type Sentence } from "./_mentions.ts";
import { MONTHS, fold } from "./_text.ts";
import type { LocalEntity, LocalRelation } from "./types.ts";

const MONTH = [...MONTHS].filter((m) => m.length > 3).join("|");
const ANY_MONTH = [...MONTHS, "février", "août", "décembre"].join("|");
const DATE = new RegExp(
  String.raw`(?:(?:from|du|between|entre|on|le)\s+)?(?:\d{1,2}(?:er)?(?:\s*(?:[-–]|to|au|and|et)\s*\d{1,2})?\s+)?(?<![\p{L}])(?:${ANY_MONTH})\.?(?:\s*(?:[-–]|to|and|et|au)\s*(?:${ANY_MONTH}))?\s+\d{4}|(?:in|en)\s+(?:19|20)\d{2}`,
  "iu",
);
/** Where a topic stops: a place, a date, the means or the funding. */
const TOPIC_STOP = new RegExp(
  String.raw`\s+(?:in|at|à|au|dans|en)\s+(?=\p{Lu}|<|\d|(?:${MONTH})\b)|\s+(?:from|between|du|entre|during|lors|through|via|with|avec|par|by|thanks|grâce|under|using|funded|financed|financée?s?|organi[sz]ed|held|tenue?s?|in a|in an|dans le cadre|as part|so that|to help|afin|pour)\b|[;:.()]|,\s*(?=\p{Lu}|\d|(?:in|at|à|from|du|through|with|avec|during|lors|which|qui|and then|et a)\b)`,
  "u", // no "i": it would make \p{Lu} match every letter
);
const TOPIC_START = /^\s*(?:\([^()]*\)\s*)?,?\s*(?:in|on|sur|en|au|aux|à la|à l['’]|à|about|regarding)\s+/iu;
const REDACTION = /<[^<>\s]{1,20}>/g;

export function findTrainings(view: RecordView, relations: LocalRelation[]): LocalRelation[] {
  const out: LocalRelation[] = [];
  const bySentence = new Map<Sentence, LocalRelation[]>();
  for (const r of relations) {
    if (r.type !== "TRAINED") continue;
    const s = view.sentences.find((x) => x.field === r.evidence[0].field && x.span.start === r.evidence[0].start);
    if (s) (bySentence.get(s) ?? bySentence.set(s, []).get(s)!).push(r);
  }
  for (const [s, rs] of bySentence) {
    for (const trainer of new Set(rs.map((r) => r.source))) {
      const trainees = rs.filter((r) => r.source === trainer).map((r) => r.target);
      const described = describe(view, s, trainer, trainees);
      if (!described) continue;
      const trainerName = view.entities.get(trainer)?.name ?? trainer;
      const french = /(?<![\p{L}])form(?:é|ée|és|ées|ation|ations)(?![\p{L}])/iu.test(s.text) && !/\btrain/iu.test(s.text);
      const parts = [described.place, described.date].filter(Boolean);
      const name = `${french ? "Formation" : "Training"}${described.topic ? (french ? " : " : " in ") + described.topic : ""} (${trainerName}${parts.length ? ", " + parts.join(", ") : ""})`;
      const key = `training:${fold(name)}`;
      if (!view.entities.has(key)) {
        const e: LocalEntity = { key, type: "Training", name, aliases: [], mentions: [] };
        view.entities.set(key, e);
      }
      view.entities.get(key)!.mentions.push(view.evidence(s));
      out.push({ source: trainer, type: "DELIVERED", target: key, rule: "training-described", evidence: [view.evidence(s)] });
      for (const t of new Set(trainees)) out.push({ source: t, type: "ATTENDED", target: key, rule: "training-described", evidence: [view.evidence(s)] });
    }
  }
  return out;
}

/** Topic, place and date of the training a sentence describes, without redaction tokens; null when it says none. */
function describe(view: RecordView, s: Sentence, trainer: string, trainees: string[]): { topic: string; place: string; date: string } | null {
  const actors = s.mentions.filter((m) => m.key === trainer || trainees.includes(m.key));
  const from = actors.length ? Math.max(...actors.map((m) => m.end)) - s.span.start : 0;
  const rest = s.text.slice(from);
  let topic = "";
  const start = TOPIC_START.exec(rest);
  if (start) {
    const body = rest.slice(start[0].length);
    const stop = TOPIC_STOP.exec(body);
    topic = clean(body.slice(0, stop ? stop.index : body.length));
    // a topic is a few lower-case words, never a place or a name
    if (!/^\p{Ll}/u.test(topic) || topic.split(/\s+/).length > 20) topic = "";
  }
  const date = clean(DATE.exec(s.text)?.[0].replace(/^(?:from|du|between|entre|on|le|in|en)\s+/iu, "") ?? "");
  // where it took place: a place named after the people, not one inside a name ("Ligue … de Tillabéri")
  const inName = (m: { start: number; end: number }) => s.mentions.some((a) => !a.key.startsWith("place:") && a.start <= m.start && m.end <= a.end);
  const places = s.mentions.filter((m) => m.key.startsWith("place:") && !inName(m));
  const later = places.filter((m) => m.start >= s.span.start + from);
  const pick = (ps: typeof places) => ps.find((m) => !/^place:[A-Z]{3}$/.test(m.key)) ?? ps[0];
  const placeKey = (pick(later) ?? pick(places))?.key;
  const place = placeKey ? clean(view.entities.get(placeKey)?.name ?? "") : "";
  if (!topic && !date && !place) return null;
  return { topic, place, date };
}

function clean(s: string): string {
  return s
    .replace(REDACTION, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:-]+|[\s,;:-]+$/g, "")
    .replace(/\s+(?:and|et|or|ou|,)$/iu, "")
    .trim();
}
