// The seven named queries on the seed records (real pipeline → real Neo4j, with review decisions pushed): their rows
// asserted, confidential outcomes left out unless asked for, parameters converted, --reviewed keeping the rows that rest
// on accepted and added edges only; and `harvestgraph query` through the real executable in each format.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  buildParams,
  centralityEdgesOf,
  computeBetweenness,
  createDriver,
  loadQuery,
  queryNames,
  runNamedQuery,
  takesReviewed,
  type Row,
} from "../../graph/neo4j/index.ts";
import type { Extraction } from "../../ingest/schema.ts";
import { CURATION_VERSION, type Curation, type RelationRef } from "../../review/index.ts";
import { runCli, tempDir } from "../_cli.ts";
import { CLEAR_DATABASE } from "./_neo4j-fixtures.ts";
import { pushSeeds } from "./_neo4j-seeds.ts";

const neo4jInfo = inject("neo4j");
let driver: Driver;
let extraction: Extraction;

const CIV001 = "SCC-DRC2312/CIV001"; // APRU, DR Congo, 2023
const PHR022 = "SCC-<redacted>/PHR022"; // national coalitions, Sahel, 2023
const CIV021 = "SCC-<redacted>/CIV021"; // SECHA, DR Congo, 2024 — confidential
const APRU = "Actions pour la Promotion Rurale";
const SECHA = "Seconde Chance";
const MALI = "National coalition of Mali";

const DD = "org:defenddefenders";
const APRU_ID = "org:actions-pour-la-promotion-rurale";
const edge = (source: string, type: RelationRef["type"], target: string, outcome: string): RelationRef => ({ source, type, target, outcome });
const PAX_QUOTE = "DDRRR is a joint exercise of APRU, PAX and Government of Uganda";
/**
 * What a reviewer confirmed: one whole chain SCC → DefendDefenders → APRU → CIV001, APRU's partnership with PAX, the Mali
 * coalition's achievement, SECHA's training and achievement (confidential), and one edge the machine missed (added).
 * Nothing is rejected, so every row without --reviewed stays as the extractor made it (PAX's added contribution aside).
 */
const CURATION: Curation = {
  version: CURATION_VERSION,
  decisions: [
    { kind: "accept", relation: edge("prog:scc", "FUNDED", DD, CIV001) },
    { kind: "accept", relation: edge(DD, "TRAINED", APRU_ID, CIV001) },
    { kind: "accept", relation: edge(APRU_ID, "ACHIEVED", CIV001, CIV001) },
    { kind: "accept", relation: edge(APRU_ID, "PARTNERED_WITH", "org:pax", CIV001) },
    { kind: "accept", relation: edge("coal:national-coalition-of-mali@MLI", "ACHIEVED", PHR022, PHR022) },
    { kind: "accept", relation: edge(DD, "TRAINED", "org:seconde-chance", CIV021) },
    { kind: "accept", relation: edge("org:seconde-chance", "ACHIEVED", CIV021, CIV021) },
    { kind: "add", relation: edge("org:pax", "CONTRIBUTED_TO", CIV001, CIV001), field: "additionalInformation", quote: PAX_QUOTE },
  ],
};

async function run(name: string, assignments: string[] = [], includeConfidential = false, reviewed = false): Promise<Row[]> {
  const query = loadQuery(name);
  const params = buildParams(query, assignments, { includeConfidential, reviewed, readFile: (path) => readFileSync(path, "utf8") });
  const result = await runNamedQuery(driver, query, params, { database: neo4jInfo.database });
  for (const row of result.rows) expect(Object.keys(row)).toEqual(query.columns.map((c) => c.name));
  return result.rows;
}

const fragmentsOf = (rows: Row[]) => [...new Set(rows.map((r) => r.fragmentId))].sort();
const mentions = (rows: Row[], text: string) => JSON.stringify(rows).includes(text);

beforeAll(async () => {
  driver = createDriver({ ...neo4jInfo, source: "env" });
  extraction = await pushSeeds(driver, neo4jInfo.database, CURATION);
});

afterAll(async () => {
  await driver.executeQuery(CLEAR_DATABASE, {}, { database: neo4jInfo.database });
  await driver.close();
});

describe("every named query", () => {
  it.each(queryNames())("%s leaves out the confidential SECHA record, its FragmentID and quotes unless includeConfidential", async (name) => {
    const rows = await run(name);
    expect(mentions(rows, CIV021)).toBe(false);
    expect(mentions(rows, SECHA)).toBe(false);
    expect(mentions(rows, "Kobotool")).toBe(false);
  });

  it.each(queryNames())("%s with reviewed still leaves out SECHA, whose edges a person accepted, unless includeConfidential", async (name) => {
    const rows = await run(name, [], false, true);
    expect(mentions(rows, CIV021)).toBe(false);
    expect(mentions(rows, SECHA)).toBe(false);
  });
});

describe("contribution-chains", () => {
  it("finds SCC → DefendDefenders → APRU → SCC-DRC2312/CIV001, stated in that record, with its quotes", async () => {
    const rows = await run("contribution-chains");
    const trained = rows.find((r) => r.actor === APRU && r.support === "TRAINED");
    expect(trained).toMatchObject({
      programme: "SCC",
      organisation: "DefendDefenders",
      actorType: "Organisation",
      fragmentId: CIV001,
      country: "DR Congo",
      year: 2023,
      sameRecord: true,
      fundedIn: [CIV001],
      fragmentIds: [CIV001],
    });
    expect(trained!.quotes).toContain(
      "With funding support from the SCC programme, DefendDefenders trained APRU in physical and digital security management in Kampala, Uganda from 8 - 13 November 2021.",
    );
    expect(rows.filter((r) => r.actor === APRU).map((r) => r.support)).toContain("MENTORED");
  });

  it("links the Sahel coalitions to the funding stated in another record (sameRecord false)", async () => {
    const rows = await run("contribution-chains", ["country=Sahel"]);
    expect(fragmentsOf(rows)).toEqual([PHR022]);
    expect(rows.map((r) => r.actor)).toEqual(expect.arrayContaining(["National coalition of Burkina Faso", "National coalition of Mali"]));
    for (const row of rows) expect(row).toMatchObject({ organisation: "DefendDefenders", sameRecord: false, fundedIn: [CIV001] });
    expect(await run("contribution-chains", ["country=Sahel", "sameRecord=true"])).toEqual([]);
  });

  it("includes SECHA's chain with includeConfidential", async () => {
    const rows = await run("contribution-chains", [], true);
    expect(rows).toContainEqual(expect.objectContaining({ actor: SECHA, support: "TRAINED", fragmentId: CIV021, year: 2024, sameRecord: true }));
  });

  it.each([
    [["country=COD"], [CIV001]],
    [["country=DR Congo"], [CIV001]],
    [["country=RDC"], [CIV001]],
    [["country=mli"], [PHR022]],
    [["country=Mali"], [PHR022]],
    [["country=sahel"], [PHR022]],
    [["country=UGA"], []],
    [["yearFrom=2024"], []],
    [["yearTo=2023", "objective=civ"], [CIV001, PHR022]],
    [["objective=PHR"], []],
    [["programme=scc programme"], [CIV001, PHR022]],
    [["programme=Other"], []],
  ])("filters with %j", async (assignments, expected) => {
    expect(fragmentsOf(await run("contribution-chains", assignments))).toEqual(expected.sort());
  });

  it("filters the confidential outcome by year like any other when included", async () => {
    expect(fragmentsOf(await run("contribution-chains", ["yearFrom=2024"], true))).toEqual([CIV021]);
  });

  it("stops at the limit (an integer parameter Neo4j receives as an integer)", async () => {
    expect(await run("contribution-chains", ["limit=1"])).toHaveLength(1);
  });
});

describe("partner-network", () => {
  it("lists each pair of partners with the record that states it", async () => {
    const rows = await run("partner-network", ["country=DRC"]);
    expect(rows).toContainEqual(
      expect.objectContaining({ organisation: APRU, partner: "PAX", records: 1, countries: ["DR Congo"], years: [2023], fragmentIds: [CIV001] }),
    );
    const pax = rows.find((r) => r.partner === "PAX" && r.organisation === APRU)!;
    expect((pax.quotes as string[]).join(" ")).toContain("DDRRR is a joint exercise of APRU, PAX and Government of Uganda");
    expect(fragmentsOf(rows.map((r) => ({ fragmentId: (r.fragmentIds as string[])[0] })))).toEqual([CIV001]);
  });

  it("puts the organisation asked about first, and keeps to the country", async () => {
    const rows = await run("partner-network", ["organisation=pax"]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.organisation).toBe("PAX");
    const sahel = await run("partner-network", ["country=Sahel"]);
    expect(sahel.map((r) => r.partner)).toContain("National Human Rights Commission");
    for (const row of sahel) expect(row.countries).toEqual(["Sahel"]);
  });
});

describe("outcomes-by-actor", () => {
  it("gives each actor's outcomes with the record's category, ratings, harvest period and flags", async () => {
    const rows = await run("outcomes-by-actor");
    expect(rows.find((r) => r.actor === APRU)).toMatchObject({
      actorType: "Organisation",
      fragmentId: CIV001,
      country: "DR Congo",
      year: 2023,
      harvestPeriod: 2,
      socialActor: "Civic change agents",
      significance: "medium",
      contribution: "medium",
      negative: "no",
      unintended: "no",
    });
    expect(rows.filter((r) => r.fragmentId === PHR022).map((r) => r.actorType)).toEqual(["Coalition", "Coalition"]);
  });

  it("adds SECHA's outcome (contribution high, harvest 3) with includeConfidential, and finds an actor by alias", async () => {
    const rows = await run("outcomes-by-actor", ["actor=secha"], true);
    expect(rows).toEqual([
      expect.objectContaining({ actor: SECHA, fragmentId: CIV021, year: 2024, harvestPeriod: 3, contribution: "high", socialActor: "Engaged citizens" }),
    ]);
    expect(await run("outcomes-by-actor", ["actor=secha"])).toEqual([]);
  });
});

describe("other-actors", () => {
  it("names the Ubuntu Hub cities as the rival explanation in the Sahel outcome, not the programme or its partner", async () => {
    const rows = await run("other-actors");
    expect(rows).toContainEqual(
      expect.objectContaining({
        fragmentId: PHR022,
        actor: "UBUNTU Hub cities",
        programmeSide: false,
        fields: ["otherActorsContribution"],
        quotes: ["The Ubuntu Hub cities have been responsible for supporting exiled HRDs"],
      }),
    );
    expect(rows.map((r) => r.actor)).not.toContain("SCC");
    expect(rows.map((r) => r.actor)).not.toContain("DefendDefenders");
  });

  it("shows the programme side when asked, marked as such", async () => {
    const rows = await run("other-actors", ["includeProgrammeSide=yes", `fragmentId=${CIV001}`]);
    expect(rows.map((r) => [r.actor, r.programmeSide])).toEqual(expect.arrayContaining([["SCC", true], ["DefendDefenders", true]]));
    expect(fragmentsOf(rows)).toEqual([CIV001]);
  });
});

describe("trainings-to-outcomes", () => {
  it("follows the Kampala training (DELIVERED/ATTENDED) to APRU's outcome, and TRAINED to the coalitions'", async () => {
    const rows = await run("trainings-to-outcomes");
    const apru = rows.filter((r) => r.actor === APRU);
    expect(apru).toEqual([expect.objectContaining({ via: "Training", trainer: "DefendDefenders", fragmentId: CIV001, trainingIn: [CIV001] })]);
    expect(apru[0].training).toMatch(/Kampala/);
    expect(rows.filter((r) => r.fragmentId === PHR022).map((r) => [r.actor, r.via, r.trainer])).toEqual(
      expect.arrayContaining([
        ["National coalition of Burkina Faso", "TRAINED", "DefendDefenders"],
        ["National coalition of Mali", "TRAINED", "DefendDefenders"],
      ]),
    );
  });

  it("adds SECHA's training with includeConfidential", async () => {
    const rows = await run("trainings-to-outcomes", ["country=COD"], true);
    expect(rows.map((r) => r.actor)).toContain(SECHA);
  });
});

describe("framework-coverage", () => {
  it("counts outcomes per code × country × year", async () => {
    expect(await run("framework-coverage")).toEqual([
      { code: "1.2", title: null, country: "Sahel", year: 2023, outcomes: 1, fragmentIds: [PHR022] },
      { code: "1.2.2", title: null, country: "Sahel", year: 2023, outcomes: 1, fragmentIds: [PHR022] },
      { code: "1.3", title: null, country: "DR Congo", year: 2023, outcomes: 1, fragmentIds: [CIV001] },
    ]);
  });

  it("with a framework file, fills in titles and lists the framework outcomes with no evidence", async () => {
    const file = join(tempDir(), "framework.csv");
    writeFileSync(file, "code,title\n1.2,Coalitions protect HRDs\n1.3,Partners manage their security\n2.1,Laws protect HRDs\n");
    const rows = await run("framework-coverage", [`framework=${file}`, "country=COD"], true);
    expect(rows).toEqual([
      { code: "1.3", title: "Partners manage their security", country: "DR Congo", year: 2023, outcomes: 1, fragmentIds: [CIV001] },
      { code: "1.3", title: "Partners manage their security", country: "DR Congo", year: 2024, outcomes: 1, fragmentIds: [CIV021] },
      { code: "1.2", title: "Coalitions protect HRDs", country: null, year: null, outcomes: 0, fragmentIds: [] },
      { code: "2.1", title: "Laws protect HRDs", country: null, year: null, outcomes: 0, fragmentIds: [] },
    ].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
  });
});

describe("central-actors", () => {
  it("ranks DefendDefenders first, reaching both countries, with the betweenness stored at push time", async () => {
    const rows = await run("central-actors");
    expect(rows[0]).toMatchObject({ actor: "DefendDefenders", actorType: "Organisation", outcomes: 2, fragmentIds: [PHR022, CIV001] });
    expect(rows[0].countries).toEqual(expect.arrayContaining(["DR Congo", "Sahel"]));
    expect(rows[0].degree).toBeGreaterThanOrEqual(6);
    // The stored score is the in-memory computation over the same graph.
    const { rows: expected } = computeBetweenness(centralityEdgesOf(extraction).entityIds, centralityEdgesOf(extraction).edges);
    const dd = expected.find((r) => r.id === "org:defenddefenders")!;
    expect(rows[0].betweenness).toBeCloseTo(dd.betweenness!, 10);
    expect(rows.find((r) => r.actor === APRU)!.betweenness).toBeGreaterThan(0);
    for (const row of rows) expect(["Place", "Training", "Tool"]).not.toContain(row.actorType);
  });

  it("uses the score over all records with includeConfidential, and keeps to the country", async () => {
    const rows = await run("central-actors", ["country=COD"], true);
    expect(rows.map((r) => r.actor)).toContain(SECHA);
    const { rows: expected } = computeBetweenness(centralityEdgesOf(extraction).entityIds, centralityEdgesOf(extraction).edges);
    expect(rows[0].betweenness).toBeCloseTo(expected.find((r) => r.id === "org:defenddefenders")!.betweennessWithConfidential!, 10);
    for (const row of rows) expect(row.countries).toEqual(["DR Congo"]);
    expect(await run("central-actors", ["types=Coalition"])).toEqual(
      expect.arrayContaining([expect.objectContaining({ actor: "National coalition of Mali", actorType: "Coalition" })]),
    );
  });
});

describe("reviewed: only rows resting on edges a person accepted or added", () => {
  const REVIEWED_QUERIES = queryNames().filter((name) => takesReviewed(loadQuery(name)));
  let reviewedFragmentIds: Set<string>;
  let reviewedQuotes: Set<string>;

  beforeAll(async () => {
    const { records } = await driver.executeQuery(
      `MATCH ()-[r]->() WHERE r.status IN ["accepted", "added"] RETURN r.fragmentId AS fragmentId, r.quotes AS quotes`,
      {},
      { database: neo4jInfo.database },
    );
    reviewedFragmentIds = new Set(records.map((r) => r.get("fragmentId") as string));
    reviewedQuotes = new Set(records.flatMap((r) => r.get("quotes") as string[]));
  });

  it("is declared by every query whose rows rest on edges; framework-coverage rests on the records' own codes", () => {
    expect(REVIEWED_QUERIES).toEqual(queryNames().filter((name) => name !== "framework-coverage"));
  });

  it.each(REVIEWED_QUERIES)("%s cites only FragmentIDs and quotes of accepted or added edges", async (name) => {
    const rows = await run(name, [], true, true);
    expect(rows.length).toBeGreaterThan(0);
    const cited = rows.flatMap((r) => [r.fragmentId, r.fragmentIds, r.fundedIn, r.trainingIn].flat().filter((x): x is string => typeof x === "string"));
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((id) => !reviewedFragmentIds.has(id))).toEqual([]);
    const quotes = rows.flatMap((r) => (Array.isArray(r.quotes) ? (r.quotes as string[]) : []));
    expect(quotes.filter((q) => !reviewedQuotes.has(q))).toEqual([]);
  });

  it("contribution-chains keeps the one chain every edge of which was accepted, funding cited from reviewed records only", async () => {
    const key = (r: Row) => [r.programme, r.organisation, r.support, r.actor, r.fragmentId, r.sameRecord, r.fundedIn];
    expect((await run("contribution-chains", [], false, true)).map(key)).toEqual([["SCC", "DefendDefenders", "TRAINED", APRU, CIV001, true, [CIV001]]]);
    // SECHA's own record states the funding too, but only CIV001's FUNDED edge was accepted.
    expect((await run("contribution-chains", [], true, true)).map(key)).toEqual([
      ["SCC", "DefendDefenders", "TRAINED", APRU, CIV001, true, [CIV001]],
      ["SCC", "DefendDefenders", "TRAINED", SECHA, CIV021, false, [CIV001]],
    ]);
    expect((await run("contribution-chains", [], true)).find((r) => r.actor === SECHA)).toMatchObject({ sameRecord: true, fundedIn: [CIV021, CIV001] });
  });

  it("outcomes-by-actor and partner-network keep the accepted ACHIEVED and PARTNERED_WITH edges only", async () => {
    expect((await run("outcomes-by-actor", [], false, true)).map((r) => [r.actor, r.fragmentId])).toEqual([
      [APRU, CIV001],
      [MALI, PHR022],
    ]);
    expect((await run("outcomes-by-actor")).map((r) => r.actor)).toContain("National coalition of Burkina Faso");
    expect((await run("partner-network", [], false, true)).map((r) => [r.organisation, r.partner, r.records, r.fragmentIds])).toEqual([
      [APRU, "PAX", 1, [CIV001]],
    ]);
  });

  it("other-actors keeps the added contribution with its quote, not names found in the field", async () => {
    const expected = [{ fragmentId: CIV001, actor: "PAX", programmeSide: false, basis: ["CONTRIBUTED_TO"], fields: ["additionalInformation"], quotes: [PAX_QUOTE] }];
    expect(await run("other-actors", [], false, true)).toEqual([expect.objectContaining(expected[0])]);
    expect(await run("other-actors", ["includeProgrammeSide=true"], false, true)).toEqual([expect.objectContaining(expected[0])]);
    const all = await run("other-actors");
    expect(all).toContainEqual(expect.objectContaining(expected[0]));
    expect(all.map((r) => r.actor)).toContain("UBUNTU Hub cities");
  });

  it("trainings-to-outcomes sees the accepted TRAINED edge once the machine's training node is out of the picture", async () => {
    expect(await run("trainings-to-outcomes", [], false, true)).toEqual([
      expect.objectContaining({ training: null, trainer: "DefendDefenders", actor: APRU, fragmentId: CIV001, via: "TRAINED", trainingIn: [CIV001] }),
    ]);
    expect((await run("trainings-to-outcomes")).find((r) => r.actor === APRU)).toMatchObject({ via: "Training" });
  });

  it("central-actors counts degree and outcomes through reviewed edges only, and gives no betweenness (it counts every edge)", async () => {
    expect((await run("central-actors", [], false, true)).map((r) => [r.actor, r.betweenness, r.degree, r.outcomes, r.fragmentIds])).toEqual([
      [APRU, null, 3, 1, [CIV001]],
      ["DefendDefenders", null, 2, 1, [CIV001]],
      ["PAX", null, 2, 1, [CIV001]],
      [MALI, null, 1, 1, [PHR022]],
      ["SCC", null, 1, 1, [CIV001]],
    ]);
  });
});

describe("harvestgraph query (the executable)", () => {
  const env = () => ({
    NEO4J_URI: neo4jInfo.uri,
    NEO4J_USER: neo4jInfo.user,
    NEO4J_PASSWORD: neo4jInfo.password,
    NEO4J_DATABASE: neo4jInfo.database ?? "",
    HARVESTGRAPH_DATA: tempDir(),
  });
  const cli = (args: string[]) => runCli(["query", ...args], { env: env() });

  it("prints JSON: an array of row objects, integers as plain numbers", () => {
    const result = cli(["contribution-chains", "--param", "country=DRC", "--format", "json"]);
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout) as Row[];
    expect(rows).toContainEqual(expect.objectContaining({ programme: "SCC", organisation: "DefendDefenders", actor: APRU, fragmentId: CIV001, year: 2023 }));
    expect(result.stdout).toMatch(/"year": 2023\b/);
    expect(result.stderr).toMatch(/^query contribution-chains: \d+ row\(s\)\n$/);
  });

  it("prints a Markdown table with FragmentIDs cited as code", () => {
    const result = cli(["outcomes-by-actor", "--param", "actor=APRU", "--format", "md"]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("| actor | actorType | fragmentId | country | year | harvestPeriod | socialActor | significance | contribution | negative | unintended | quotes |");
    expect(lines[1]).toBe("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    expect(lines[2]).toMatch(/^\| Actions pour la Promotion Rurale \| Organisation \| `SCC-DRC2312\/CIV001` \| DR Congo \| 2023 \| 2 \|/);
    expect(lines).toHaveLength(3);
  });

  it("prints CSV with a header", () => {
    const result = cli(["framework-coverage", "--format", "csv"]);
    expect(result.status).toBe(0);
    expect(parseCsv(result.stdout, { columns: true })).toContainEqual({ code: "1.3", title: "", country: "DR Congo", year: "2023", outcomes: "1", fragmentIds: CIV001 });
  });

  it("prints an aligned table by default, and writes --out instead of stdout", () => {
    const table = cli(["central-actors", "--param", "limit=2"]);
    expect(table.status).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^actor\s+actorType\s+betweenness\s+degree\s+outcomes\s+countries\s+fragmentIds$/);
    expect(table.stdout.split("\n")[2]).toMatch(/^DefendDefenders\s+Organisation\s+0\.\d+/);
    expect(table.stderr).toMatch(/first 2 rows; raise --param limit/);
    const out = join(tempDir(), "sub", "chains.md");
    const written = cli(["contribution-chains", "--format", "md", "--out", out, "--include-confidential"]);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe("");
    expect(existsSync(out) && readFileSync(out, "utf8")).toContain("`SCC-<redacted>/CIV021`");
  });

  it("maps --reviewed to the query's reviewed parameter, and says so when a query rests on no edge", () => {
    const chains = cli(["contribution-chains", "--reviewed", "--format", "json"]);
    expect(chains.status).toBe(0);
    expect((JSON.parse(chains.stdout) as Row[]).map((r) => [r.actor, r.support, r.fragmentId])).toEqual([[APRU, "TRAINED", CIV001]]);
    const coverage = cli(["framework-coverage", "--reviewed", "--format", "json"]);
    expect(coverage.status).toBe(0);
    expect(JSON.parse(coverage.stdout)).toEqual(JSON.parse(cli(["framework-coverage", "--format", "json"]).stdout));
    expect(coverage.stderr).toMatch(/^query framework-coverage: its rows rest on the records' own fields, no extracted edge; --reviewed changes nothing\n/);
  });

  it("lists the queries with their headers without a database", () => {
    const result = runCli(["query", "--list"], { env: { HARVESTGRAPH_DATA: tempDir() } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("contribution-chains: Which programme funded which organisation");
    expect(result.stdout).toContain("--param yearFrom=<integer>  (optional)");
    expect(result.stdout).toContain("--param reviewed=<boolean>  (default false)");
    expect(JSON.parse(runCli(["query", "--list", "--format", "json"], { env: { HARVESTGRAPH_DATA: tempDir() } }).stdout)).toHaveLength(7);
  });

  it.each([
    [["contribution-chain"], /^harvestgraph: no query named "contribution-chain"; the queries are: /],
    [["contribution-chains", "--param", "yearFrom=soon"], /^harvestgraph: query contribution-chains: --param yearFrom=soon: expected integer/],
    [["contribution-chains", "--param", "year=2023"], /^harvestgraph: query contribution-chains has no parameter "year"/],
    [["contribution-chains", "--param", "includeConfidential=true"], /use --include-confidential/],
    [["contribution-chains", "--reviewed", "--param", "reviewed=false"], /--reviewed and --param reviewed=false contradict each other/],
    [["framework-coverage", "--param", "framework=/nonexistent/fw.csv"], /cannot read \/nonexistent\/fw.csv/],
    [["contribution-chains", "--format", "xml"], /^harvestgraph: --format: expected one of table, csv, json, md/],
    [[], /^harvestgraph: query: name a query, or --list them/],
  ])("fails in one line with exit 1 for %j", (args, message) => {
    const result = cli(args);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
