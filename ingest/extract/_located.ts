// Where actors and outcomes are: LOCATED_IN from "X based in Place", "Gulu-based X", "X (Place)", "the High Court in
// Harare", places at the end of a name ("Femmes Solidaires de Ngozi"), and the places an outcome description names.
import { type Mention, type RecordView, type Sentence, isActorType } from "./_mentions.ts";
import type { LocalRelation } from "./types.ts";

const BASED = /^\s*,?\s*(?:(?:which|who|qui)\s+(?:is|are|est|sont)\s+)?(?:based|located|headquartered|registered|basée?s?|située?s?|implantée?s?|établie?s?)\s+(?:in|at|à|au|en|dans)\s+(?:(?:the|la|le|l['’])\s*)?$/iu;
const IN_PLACE = /^\s*(?:in|at|à|au|en)\s+(?:(?:the|la|le|l['’])\s*)?$/iu;
const AGENT_BEFORE = /\b(?:by|par)\s+(?:(?:the|la|le|les|l['’])\s*)?$/iu;

export function findLocations(view: RecordView): LocalRelation[] {
  const out: LocalRelation[] = [];
  const seen = new Set<string>();
  const emit = (source: string, target: string, rule: string, s: Sentence) => {
    const k = `${source}|${target}`;
    if (source === target || seen.has(k)) return;
    seen.add(k);
    out.push({ source, type: "LOCATED_IN", target, rule, evidence: [view.evidence(s)] });
  };
  const isActor = (m: Mention) => {
    const e = view.entities.get(m.key);
    return !!e && isActorType(e.type) && e.type !== "Programme" && m.kind === "name";
  };
  const isPlace = (m: Mention) => m.key.startsWith("place:");
  for (const s of view.sentences) {
    const ms = s.mentions;
    if (!ms.some(isPlace)) continue;
    const at = (i: number) => i - s.span.start;
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      if (isPlace(m)) {
        // "Gulu-based Turkana Youth Forum"
        if (s.text.startsWith("-based", at(m.end))) {
          const next = ms.slice(i + 1).find(isActor);
          if (next && next.start - m.end <= 8) emit(next.key, m.key, "place-based", s);
        }
        // the places an outcome description names are where the outcome happened
        if (s.field === "outcomeDescription") emit("outcome", m.key, "outcome-place", s);
        continue;
      }
      if (!isActor(m)) continue;
      // a place at the end of the name: "Observatoire Citoyen de Kasserine"
      for (const p of ms) if (isPlace(p) && p.start > m.start && p.end <= m.end) emit(m.key, p.key, "place-in-name", s);
      const next = ms.slice(i + 1).find((x) => x.start >= m.end && x.key !== m.key);
      if (!next || !isPlace(next)) continue;
      const gap = s.text.slice(at(m.end), at(next.start));
      if (BASED.test(gap)) emit(m.key, next.key, "based-in", s);
      else if (/^\s*\(\s*$/.test(gap) && s.text[at(next.end)] === ")") emit(m.key, next.key, "place-in-brackets", s);
      // "the High Court in Harare", not "trained by DefendDefenders in Nairobi" (where the training was)
      else if (IN_PLACE.test(gap) && !AGENT_BEFORE.test(s.text.slice(Math.max(0, at(m.start) - 12), at(m.start)))) emit(m.key, next.key, "in-place", s);
    }
  }
  return out;
}
