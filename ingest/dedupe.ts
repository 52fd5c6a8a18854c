// The same FragmentID twice in one run: identical content → one record; different content → both, the second renamed.
import { hash } from "node:crypto";
import { describeLocator } from "./record.ts";
import type { Issue, OutcomeRecord } from "./schema.ts";

function contentKey(record: OutcomeRecord): string {
  const { id: _id, source: _source, locator: _locator, ...content } = record;
  return hash("sha256", JSON.stringify(content), "hex");
}

/** A stateful filter over a stream of records; memory grows with the number of distinct FragmentIDs only. */
export function createDeduper(): (record: OutcomeRecord) => { record: OutcomeRecord | null; issue?: Issue } {
  const seen = new Map<string, { keys: Set<string>; count: number; first: string }>();
  const ids = new Set<string>();
  return (record) => {
    const key = contentKey(record);
    const entry = seen.get(record.fragmentId);
    if (!entry) {
      seen.set(record.fragmentId, { keys: new Set([key]), count: 1, first: describeLocator(record) });
      ids.add(record.id);
      return { record };
    }
    const base = { source: record.source, locator: record.locator, field: "FragmentID", value: record.fragmentId };
    if (entry.keys.has(key)) {
      const message = `${describeLocator(record)}: FragmentID ${record.fragmentId} repeats ${entry.first} with identical content; kept once`;
      return { record: null, issue: { level: "duplicate", code: "W_DUPLICATE_RECORD", message, ...base } };
    }
    entry.keys.add(key);
    let n = ++entry.count;
    let id = `${record.fragmentId}~${n}`;
    while (ids.has(id)) id = `${record.fragmentId}~${++n}`;
    ids.add(id);
    const message = `${describeLocator(record)}: FragmentID ${record.fragmentId} also used by ${entry.first} with different content; both kept, this one as id ${id}`;
    return { record: { ...record, id }, issue: { level: "conflict", code: "W_FRAGMENT_ID_CONFLICT", message, ...base } };
  };
}
