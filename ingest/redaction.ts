// Compares the merged story with the separate fields it repeats, to find words the merged copy redacts but a field shows.
// Outputs then quote the field with those words replaced by the token, applying the stricter redaction.
import { REDACTION_TOKEN } from "./fields.ts";
import type { StricterRedaction, TextField } from "./schema.ts";

/** The headings the harvest platform writes before each field it copies into the merged story. */
const MERGED_HEADINGS: [TextField, RegExp][] = [
  ["significance", /\bSignificance description:\s*/],
  ["programmeContribution", /\bContribution of the programme:\s*/],
  ["additionalInformation", /\bAdditional information:\s*/],
  ["otherActorsContribution", /\bContribution of other actors and factors:\s*/],
];

export function splitMergedStory(merged: string): Partial<Record<TextField, string>> {
  const marks = MERGED_HEADINGS.flatMap(([field, re]) => {
    const m = re.exec(merged);
    return m ? [{ field, start: m.index, bodyStart: m.index + m[0].length }] : [];
  }).sort((a, b) => a.start - b.start);
  const out: Partial<Record<TextField, string>> = {
    outcomeDescription: merged.slice(0, marks[0]?.start ?? merged.length),
  };
  marks.forEach((mark, i) => {
    out[mark.field] = merged.slice(mark.bodyStart, marks[i + 1]?.start ?? merged.length);
  });
  return out;
}

/** Aligns a field with its merged copy; gaps where the copy has a token and the field has words are stricter redactions. */
export function alignRedactions(field: TextField, value: string, copy: string): StricterRedaction[] | null {
  const tokenRe = new RegExp(REDACTION_TOKEN.source, "gi");
  const parts = copy.trim().split(tokenRe).map((p) => p.trim());
  const out: StricterRedaction[] = [];
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const found = part === "" ? (i === parts.length - 1 ? value.trimEnd().length : pos) : value.indexOf(part, pos);
    if (found < 0) return null;
    if (i > 0) {
      const gap = value.slice(pos, found);
      const start = pos + (gap.length - gap.trimStart().length);
      const end = pos + gap.trimEnd().length;
      const hidden = value.slice(start, end);
      if (hidden !== "" && hidden.replace(tokenRe, "").trim() !== "") out.push({ field, start, end, text: hidden });
    } else if (value.slice(0, found).trim() !== "") return null;
    pos = found + part.length;
  }
  return out;
}

export function findStricterRedactions(text: Record<TextField, string>): { redactions: StricterRedaction[]; mismatches: TextField[] } {
  const redactions: StricterRedaction[] = [];
  const mismatches: TextField[] = [];
  if (text.mergedStory.trim() === "") return { redactions, mismatches };
  const copies = splitMergedStory(text.mergedStory);
  for (const [field, copy] of Object.entries(copies) as [TextField, string][]) {
    const value = text[field];
    if (!value || value.trim() === "" || copy.trim() === "") continue;
    const aligned = alignRedactions(field, value, copy);
    if (aligned === null) mismatches.push(field);
    else redactions.push(...aligned);
  }
  return { redactions, mismatches };
}

/** The field's text with the stricter redactions applied (each hidden passage replaced by `<redacted>`). */
export function applyStricterRedaction(value: string, field: TextField, redactions: StricterRedaction[]): string {
  const mine = redactions.filter((r) => r.field === field).sort((a, b) => b.start - a.start);
  let out = value;
  for (const r of mine) out = out.slice(0, r.start) + "<redacted>" + out.slice(r.end);
  return out;
}
