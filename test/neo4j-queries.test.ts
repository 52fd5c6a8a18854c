// The named-query library without a server: headers, parameter conversion, the framework file, output formats. (The real
// server checks the rows: test/integration/neo4j-queries.test.ts; the betweenness stored at push time: neo4j-centrality.test.ts.)
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  buildParams,
  canonicalCountry,
  convertParam,
  formatCsv,
  formatJson,
  formatMarkdown,
  formatTable,
  listQueries,
  loadQuery,
  parseQueryFile,
  parseRowsFile,
  QueryError,
  queryNames,
  takesReviewed,
  type ParamSpec,
} from "../graph/neo4j/index.ts";
import { ENTITY_TYPES, RELATION_TYPES } from "../ingest/schema.ts";
import { rawParams, repeatedFlag } from "../cli/commands/cypher.ts";

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as QueryError).code ?? "not a QueryError";
  }
  return undefined;
};

const SEVEN = [
  "central-actors",
  "contribution-chains",
  "framework-coverage",
  "other-actors",
  "outcomes-by-actor",
  "partner-network",
  "trainings-to-outcomes",
];

describe("listQueries", () => {
  it("ships the seven questions of the contribution analysis", () => {
    expect(queryNames()).toEqual(SEVEN);
  });

  it.each(SEVEN)("parses %s: a question, documented parameters and columns, FragmentIDs among the columns", (name) => {
    const query = loadQuery(name);
    expect(query.question).toMatch(/\?$/);
    expect(query.columns.length).toBeGreaterThan(3);
    expect(query.columns.some((c) => /fragmentIds?$/.test(c.name))).toBe(true);
    for (const p of query.params) expect(p.description.length).toBeGreaterThan(5);
  });

  it.each(SEVEN)("%s leaves confidential outcomes to the runner's includeConfidential and returns each documented column", (name) => {
    const query = loadQuery(name);
    expect(query.cypher).toContain("$includeConfidential");
    const returned = query.cypher.slice(query.cypher.lastIndexOf("\nRETURN "));
    for (const column of query.columns) expect(returned).toMatch(new RegExp(`(AS ${column.name}\\b|[ ,]${column.name}(,|\\n|$))`));
  });

  it.each(SEVEN)("%s uses only labels and relationship types from the closed vocabularies", (name) => {
    const cypher = loadQuery(name).cypher;
    const used = [...cypher.matchAll(/[(\[]\w*((?::\w+)(?:[:|]\w+)*)/g)].flatMap((m) => m[1].split(/[:|]/).filter(Boolean));
    const allowed = new Set<string>([...ENTITY_TYPES, ...RELATION_TYPES, "Entity", "Outcome", "MENTIONED_IN"]);
    expect(used.filter((label) => !allowed.has(label))).toEqual([]);
    expect(cypher).not.toMatch(/\b(CREATE|MERGE|SET|DELETE|REMOVE|LOAD CSV)\b/);
  });

  it.each(SEVEN)("%s checks the review status of every relationship it binds, when it binds any", (name) => {
    const query = loadQuery(name);
    // Mentions carry no status: they say where a record names an entity, not an edge a person reviews.
    const bound = [...query.cypher.matchAll(/-\[(\w+)(?::([\w|]+))?\]-/g)].filter((m) => m[2] !== "MENTIONED_IN").map((m) => m[1]);
    const checked = [...query.cypher.matchAll(/\b(\w+)\.status IN \["accepted", "added"\]/g)].map((m) => m[1]);
    expect(takesReviewed(query)).toBe(bound.length > 0);
    for (const variable of new Set(bound))
      expect(checked.filter((v) => v === variable).length, `${variable} in ${name}`).toBeGreaterThanOrEqual(bound.filter((v) => v === variable).length);
    if (takesReviewed(query)) expect(query.params.find((p) => p.name === "reviewed")).toMatchObject({ type: "boolean", default: false });
  });
});

describe("parseQueryFile", () => {
  const body = "MATCH (o:Outcome) WHERE $includeConfidential OR o.year = $year RETURN o.fragmentId AS fragmentId";
  it("reads the question, description, typed parameters with defaults, and columns", () => {
    const query = parseQueryFile(
      "demo",
      `// What happened?\n// More words.\n// @param year: integer = 2023 — the year\n// @column fragmentId — the outcome\n${body}\n`,
    );
    expect(query).toMatchObject({
      name: "demo",
      question: "What happened?",
      description: "More words.",
      params: [{ name: "year", type: "integer", default: 2023, required: false, description: "the year" }],
      columns: [{ name: "fragmentId", description: "the outcome" }],
      cypher: body,
    });
  });

  it.each([
    ["a parameter the header does not declare", `// Q?\n// @column fragmentId — x\n${body}`],
    ["a declared parameter the statement does not use", `// Q?\n// @param year: integer? — y\n// @param other: string? — z\n// @column fragmentId — x\n${body}`],
    ["an unknown type", `// Q?\n// @param year: date? — y\n// @column fragmentId — x\n${body}`],
    ["a malformed column line", `// Q?\n// @param year: integer? — y\n// @column fragmentId\n${body}`],
    ["an unknown tag", `// Q?\n// @parm year: integer? — y\n// @column fragmentId — x\n${body}`],
    ["the runner's parameter declared", `// Q?\n// @param year: integer? — y\n// @param includeConfidential: boolean? — no\n// @column fragmentId — x\n${body}`],
    ["no columns", `// Q?\n// @param year: integer? — y\n${body}`],
    ["reviewed declared other than boolean = false", `// Q?\n// @param year: integer? — y\n// @param reviewed: boolean = true — r\n// @column fragmentId — x\n${body} AND $reviewed`],
    ["reviewed declared as a string", `// Q?\n// @param year: integer? — y\n// @param reviewed: string? — r\n// @column fragmentId — x\n${body} AND $reviewed`],
  ])("refuses %s (E_HEADER)", (_, text) => {
    expect(codeOf(() => parseQueryFile("demo", text))).toBe("E_HEADER");
  });
});

describe("convertParam", () => {
  const spec = (type: ParamSpec["type"], name = "x"): ParamSpec => ({ name, type, required: false, default: null, description: "d" });
  it.each([
    ["integer", "2023", 2023],
    ["integer", " -4 ", -4],
    ["float", "0.25", 0.25],
    ["float", "3", 3],
    ["boolean", "true", true],
    ["boolean", "YES", true],
    ["boolean", "0", false],
    ["string", "Kampala, Uganda", "Kampala, Uganda"],
    ["string[]", "Organisation, Coalition,,", ["Organisation", "Coalition"]],
  ] as const)("converts %s %j", (type, raw, expected) => {
    expect(convertParam("q", spec(type), raw)).toEqual(expected);
  });

  it.each([
    ["integer", "2023.5"],
    ["integer", "20x"],
    ["integer", "99999999999999999999"],
    ["float", "abc"],
    ["boolean", "maybe"],
  ] as const)("refuses %s %j (E_PARAM)", (type, raw) => {
    expect(codeOf(() => convertParam("q", spec(type), raw))).toBe("E_PARAM");
  });

  it.each([
    ["DRC", "COD"],
    ["RDC", "COD"],
    ["Democratic Republic of the Congo", "COD"],
    ["Mali", "MLI"],
    ["COD", "COD"],
    ["sahel", "Sahel"],
    ["Atlantis", "Atlantis"],
  ])("turns the country %j into %j (ISO code, or the region's name)", (raw, expected) => {
    expect(convertParam("q", spec("string", "country"), raw)).toBe(expected);
    expect(canonicalCountry(raw)).toBe(expected);
  });

  it("reads a file parameter only through the reader the CLI passes", () => {
    expect(codeOf(() => convertParam("q", spec("file"), "fw.csv"))).toBe("E_PARAM");
    expect(convertParam("q", spec("file"), "fw.csv", () => "code,title\n1.2,Protection\n")).toEqual([{ code: "1.2", title: "Protection" }]);
  });
});

describe("buildParams", () => {
  const query = loadQuery("contribution-chains");
  it("fills defaults, converts the given values and adds the runner's includeConfidential", () => {
    expect(buildParams(query, ["yearFrom=2022", "country=DRC"], { includeConfidential: false })).toEqual({
      country: "COD",
      yearFrom: 2022,
      yearTo: null,
      objective: null,
      programme: null,
      sameRecord: false,
      reviewed: false,
      limit: 1000,
      includeConfidential: false,
    });
  });

  it.each([
    ["--reviewed", [], { reviewed: true }, true],
    ["--param reviewed=true", ["reviewed=true"], {}, true],
    ["both", ["reviewed=yes"], { reviewed: true }, true],
    ["neither", [], { reviewed: false }, false],
  ])("sets the reviewed parameter from %s", (_, assignments, options, expected) => {
    expect(buildParams(query, assignments, { includeConfidential: false, ...options }).reviewed).toBe(expected);
  });

  it("leaves a query resting on no edge unchanged by --reviewed", () => {
    const coverage = loadQuery("framework-coverage");
    expect(takesReviewed(coverage)).toBe(false);
    expect(buildParams(coverage, [], { includeConfidential: false, reviewed: true })).toEqual(buildParams(coverage, [], { includeConfidential: false }));
  });

  it("keeps '=' inside a value", () => {
    expect(buildParams(query, ["programme=A=B"], { includeConfidential: true })).toMatchObject({ programme: "A=B", includeConfidential: true });
  });

  it("appends repeated list values", () => {
    expect(buildParams(loadQuery("central-actors"), ["types=Organisation", "types=Coalition"], { includeConfidential: false }).types).toEqual([
      "Organisation",
      "Coalition",
    ]);
  });

  it.each([
    ["an unknown parameter", ["year=2023"], /has no parameter "year" \(its parameters: country, yearFrom/],
    ["no '='", ["yearFrom"], /expected name=value/],
    ["includeConfidential as a --param", ["includeConfidential=true"], /use --include-confidential/],
    ["a value of the wrong type", ["yearFrom=last"], /--param yearFrom=last: expected integer/],
    ["a scalar given twice", ["yearFrom=2021", "yearFrom=2022"], /given twice/],
  ])("refuses %s with one line (E_PARAM)", (_, assignments, message) => {
    expect(() => buildParams(query, assignments, { includeConfidential: false })).toThrow(message);
    expect(codeOf(() => buildParams(query, assignments, { includeConfidential: false }))).toBe("E_PARAM");
  });

  it("refuses --reviewed with --param reviewed=false (E_PARAM)", () => {
    const build = () => buildParams(query, ["reviewed=false"], { includeConfidential: false, reviewed: true });
    expect(build).toThrow(/query contribution-chains: --reviewed and --param reviewed=false contradict each other/);
    expect(codeOf(build)).toBe("E_PARAM");
  });

  it("refuses an unknown query with the list of queries (E_UNKNOWN_QUERY)", () => {
    expect(() => loadQuery("contribution-chain")).toThrow(/no query named "contribution-chain"; the queries are: central-actors, contribution-chains/);
    expect(codeOf(() => loadQuery("../../package"))).toBe("E_UNKNOWN_QUERY");
  });
});

describe("parseRowsFile", () => {
  it.each([
    ["fw.csv", "\uFEFFcode,title\n1.2, Protection of HRDs \n\n2.1,Laws\n"],
    ["fw.json", '[{"code": "1.2", "title": "Protection of HRDs"}, {"code": 2.1, "title": "Laws"}]'],
    ["fw.json", '{"1.2": "Protection of HRDs", "2.1": "Laws"}'],
  ])("reads %s into rows of strings", (path, text) => {
    expect(parseRowsFile(path, text)).toEqual([
      { code: "1.2", title: "Protection of HRDs" },
      { code: "2.1", title: "Laws" },
    ]);
  });

  it.each([
    ["fw.json", "{not json"],
    ["fw.json", "[]"],
    ["fw.json", '"1.2"'],
  ])("refuses %s %j (E_PARAM)", (path, text) => {
    expect(codeOf(() => parseRowsFile(path, text))).toBe("E_PARAM");
  });
});

describe("formatRows", () => {
  const result = {
    columns: ["actor", "year", "betweenness", "fragmentIds", "quotes", "negative"],
    rows: [
      {
        actor: "PAX | *Nederland*",
        year: 2023,
        betweenness: 0.54029304,
        fragmentIds: ["SCC-<redacted>/CIV021", "SCC-DRC2312/CIV001"],
        quotes: ["a <b>joint</b> exercise\nof APRU", "second"],
        negative: null,
      },
    ],
  };

  it("writes a Markdown table: cells escaped, lists joined, FragmentIDs cited as code, quotes quoted", () => {
    expect(formatMarkdown(result)).toMatchInlineSnapshot(`
      "| actor | year | betweenness | fragmentIds | quotes | negative |
      | --- | --- | --- | --- | --- | --- |
      | PAX \\| \\*Nederland\\* | 2023 | 0.5403 | \`SCC-<redacted>/CIV021\`, \`SCC-DRC2312/CIV001\` | “a &lt;b&gt;joint&lt;/b&gt; exercise<br>of APRU”<br>“second” |  |
      "
    `);
  });

  it("writes JSON as an array of row objects with plain numbers", () => {
    expect(JSON.parse(formatJson(result))).toEqual(result.rows);
    expect(formatJson({ columns: ["a"], rows: [] })).toBe("[]\n");
  });

  it("writes CSV with a header and lists joined by '; '", () => {
    expect(parseCsv(formatCsv(result))).toEqual([
      result.columns,
      ["PAX | *Nederland*", "2023", "0.5403", "SCC-<redacted>/CIV021; SCC-DRC2312/CIV001", "a <b>joint</b> exercise\nof APRU; second", ""],
    ]);
    expect(formatCsv({ columns: ["a", "b"], rows: [] })).toBe("a,b\n");
  });

  it("writes an aligned table, cutting long cells", () => {
    const table = formatTable({ columns: ["name", "n"], rows: [{ name: "x".repeat(80), n: 1 }, { name: "PAX", n: 12 }] });
    const lines = table.trimEnd().split("\n");
    expect(lines[0]).toBe(`name${" ".repeat(56)}  n`);
    expect(lines[2]).toBe(`${"x".repeat(59)}…  1`);
    expect(lines[3]).toBe(`PAX${" ".repeat(57)}  12`);
  });
});

describe("cypher command helpers", () => {
  it("collects every --param, which citty would reduce to the last", () => {
    expect(repeatedFlag(["q", "--param", "a=1", "--format", "md", "--param=b=2"], "param")).toEqual(["a=1", "b=2"]);
  });

  it("parses raw parameters as JSON when they are JSON, else as strings", () => {
    expect(rawParams(["n=3", "ids=[\"a\",\"b\"]", "name=DR Congo", "flag=true"])).toEqual({ n: 3, ids: ["a", "b"], name: "DR Congo", flag: true });
  });
});

describe("listQueries headers", () => {
  it("lists all seven with their parameters' types", () => {
    const types = new Set(listQueries().flatMap((q) => q.params.map((p) => p.type)));
    expect([...types].sort()).toEqual(["boolean", "file", "integer", "string", "string[]"]);
  });
});
