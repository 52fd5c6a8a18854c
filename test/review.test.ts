// Review decisions applied to an extraction: accept, reject, add with a verbatim quote, merge, rename, retype, stale reports.
import { describe, expect, it } from "vitest";
import { applyCuration, type Curation, decisionsFromRows, reviewRows } from "../review/index.ts";
import { sampleExtraction } from "./_extraction-fixture.ts";

const R0 = "SCC-DRC2312/CIV001";
const R4 = "SCC-<redacted>/CIV021";
const curation = (decisions: Curation["decisions"]): Curation => ({ version: 1, decisions });
const funded = (outcome: string) => ({ source: "prog:scc", type: "FUNDED" as const, target: "org:defenddefenders", outcome });

describe("applyCuration", () => {
  it("marks accepted evidence and gives the relation the accepted status when every piece is accepted", () => {
    const { extraction } = applyCuration(sampleExtraction(), curation([{ kind: "accept", relation: funded(R0) }, { kind: "accept", relation: funded(R4) }]));
    const relation = extraction.relations.find((r) => r.type === "FUNDED")!;
    expect(relation.status).toBe("accepted");
    expect(relation.evidence.map((e) => e.status)).toEqual(["accepted", "accepted"]);
  });

  it("keeps a relation machine-made while some of its evidence is unreviewed", () => {
    const { extraction } = applyCuration(sampleExtraction(), curation([{ kind: "accept", relation: funded(R0) }]));
    expect(extraction.relations.find((r) => r.type === "FUNDED")!.status).toBe("machine");
  });

  it("removes a rejected edge's evidence for that outcome only, and the edge when nothing is left", () => {
    const { extraction } = applyCuration(sampleExtraction(), curation([{ kind: "reject", relation: funded(R0) }]));
    expect(extraction.relations.find((r) => r.type === "FUNDED")!.evidence.map((e) => e.outcome)).toEqual([R4]);
    const both = applyCuration(sampleExtraction(), curation([{ kind: "reject", relation: funded(R0) }, { kind: "reject", relation: funded(R4) }]));
    expect(both.extraction.relations.some((r) => r.type === "FUNDED")).toBe(false);
  });

  it("adds a missed edge with its quote located in the record", () => {
    const quote = "DDRRR is a joint exercise of APRU, PAX and Government of Uganda";
    const { extraction, stale } = applyCuration(
      sampleExtraction(),
      curation([{ kind: "add", relation: { source: "org:apru", type: "CONTRIBUTED_TO", target: R0, outcome: R0 }, field: "additionalInformation", quote, reviewer: "AM" }]),
    );
    expect(stale).toEqual([]);
    const added = extraction.relations.find((r) => r.type === "CONTRIBUTED_TO")!;
    expect(added).toMatchObject({ status: "added", rule: "review:add" });
    const record = extraction.outcomes[0];
    const ev = added.evidence[0];
    expect(record.text.additionalInformation.slice(ev.start, ev.end)).toBe(quote);
  });

  it("keeps only accepted and added evidence in the reviewed view", () => {
    const { extraction } = applyCuration(sampleExtraction(), curation([{ kind: "accept", relation: funded(R0) }]), { reviewedOnly: true });
    expect(extraction.relations.map((r) => [r.type, r.evidence.length])).toEqual([["FUNDED", 1]]);
  });

  it("merges two entities into one node with both names and re-points their edges", () => {
    const { extraction } = applyCuration(sampleExtraction(), curation([{ kind: "merge", into: "org:defenddefenders", from: "org:apru" }]));
    const dd = extraction.entities.find((e) => e.id === "org:defenddefenders")!;
    expect(dd.aliases).toEqual(expect.arrayContaining(["Actions pour la Promotion Rurale", "APRU"]));
    expect(extraction.entities.some((e) => e.id === "org:apru")).toBe(false);
    expect(extraction.relations.some((r) => r.source === "org:apru" || r.target === "org:apru")).toBe(false);
  });

  it("renames and retypes an entity, the old name kept as an alias", () => {
    const { extraction } = applyCuration(sampleExtraction(), curation([{ kind: "rename", entity: "prog:scc", name: "Strengthening Civic Space" }, { kind: "retype", entity: "prog:scc", type: "Project" }]));
    expect(extraction.entities.find((e) => e.id === "prog:scc")).toMatchObject({ name: "Strengthening Civic Space", type: "Project", aliases: ["SCC"] });
  });

  it.each([
    [{ kind: "accept" as const, relation: funded("NO-SUCH") }, /no FUNDED edge/],
    [{ kind: "merge" as const, into: "org:gone", from: "org:apru" }, /entity org:gone no longer exists/],
    [{ kind: "add" as const, relation: { source: "org:apru", type: "FUNDED" as const, target: "org:secha", outcome: R0 }, field: "outcomeDescription" as const, quote: "words not in the record" }, /quote is not in field/],
  ])("reports a decision whose target no longer exists instead of dropping it (%j)", (decision, reason) => {
    const { stale } = applyCuration(sampleExtraction(), curation([decision]));
    expect(stale).toEqual([expect.objectContaining({ index: 0, reason: expect.stringMatching(reason) })]);
  });
});

describe("review table", () => {
  it("lists one row per edge and outcome, and reads filled-in decisions back", () => {
    const rows = reviewRows(sampleExtraction());
    const row = rows.find((r) => r.type === "FUNDED" && r.fragmentId === R0)!;
    expect(row).toMatchObject({ sourceName: "SCC", targetName: "DefendDefenders", status: "machine", rule: "funding-support" });
    const { decisions, errors } = decisionsFromRows([{ ...row, decision: "reject", reviewer: "AM" }, { ...row, decision: "" }, { ...row, decision: "perhaps" }]);
    expect(decisions).toEqual([{ kind: "reject", relation: funded(R0), reviewer: "AM" }]);
    expect(errors).toEqual([expect.stringMatching(/row 4: decision "perhaps"/)]);
  });
});
