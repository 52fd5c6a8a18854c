// GEXF, GraphML and CSV exports: well-formed, complete, and carrying the evidence citations.
import { parse as parseGexf } from "graphology-gexf";
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../graph/build.ts";
import { writeCsvTables, writeGexf, writeGraphml } from "../graph/export/index.ts";
import { sampleExtraction } from "./_extraction-fixture.ts";

describe("writeGexf", () => {
  it("writes a GEXF that graphology reads back with every node and edge", () => {
    const graph = buildGraph(sampleExtraction());
    const back = parseGexf(Graph, writeGexf(graph));
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    expect(back.getNodeAttribute("org:apru", "label")).toBe("Actions pour la Promotion Rurale");
  });
});

describe("writeGraphml", () => {
  it("declares keys and escapes record text", () => {
    const extraction = sampleExtraction();
    extraction.entities[1].name = 'A & B <"quoted">';
    const xml = writeGraphml(buildGraph(extraction));
    expect(xml).toContain('<key id="n_label" for="node" attr.name="label" attr.type="string"/>');
    expect(xml).toContain("A &amp; B &lt;&quot;quoted&quot;&gt;");
    expect(xml.match(/<node /g)).toHaveLength(6);
    expect(xml.match(/<edge /g)).toHaveLength(5);
    expect(xml).toContain('directed="false"');
  });
});

describe("writeCsvTables", () => {
  it("writes one evidence row per quote with its FragmentID", () => {
    const tables = writeCsvTables(buildGraph(sampleExtraction()));
    const rows = tables["evidence.csv"].trim().split("\n");
    expect(rows[0]).toBe("edge,source,type,target,fragmentId,field,quote,start,end");
    expect(rows).toHaveLength(1 + 6);
    expect(tables["evidence.csv"]).toContain("SCC-DRC2312/CIV001,programmeContribution");
    expect(tables["nodes.csv"].split("\n")[0]).toMatch(/^id,label,kind,type/);
  });
});
