// Which organisations work in partnership, in a country and a span of years?
// One row per pair of partners (PARTNERED_WITH is stored once per pair and record), with the records that state it.
// Places and trainings are not partners; every other entity type is.
// @param country: string? — ISO code (COD), country name (DR Congo) or region (Sahel); a country also matches the regional outcomes covering it
// @param yearFrom: integer? — only partnerships stated in records of this year or later
// @param yearTo: integer? — only partnerships stated in records of this year or earlier
// @param organisation: string? — only the partnerships of this organisation (name or alias, any case)
// @param reviewed: boolean = false — only partnerships a person accepted or added (--reviewed); records counts those only
// @param limit: integer = 1000 — at most this many rows
// @column organisation — one partner
// @column organisationType — its entity type
// @column partner — the other partner
// @column partnerType — its entity type
// @column records — how many records state the partnership
// @column countries — the countries (or regions) of those records
// @column years — the years of those records
// @column fragmentIds — the FragmentIDs of those records
// @column quotes — the quotes stating the partnership
OPTIONAL MATCH (h:Outcome) WHERE h.confidential = true AND NOT $includeConfidential
WITH collect(h.id) AS hidden
MATCH (a:Entity)-[p:PARTNERED_WITH]->(b:Entity)
WHERE NOT p.outcome IN hidden AND (NOT $reviewed OR p.status IN ["accepted", "added"])
  AND NOT a:Place AND NOT b:Place AND NOT a:Training AND NOT b:Training
  AND ($organisation IS NULL OR toLower($organisation) IN [x IN [a.name] + coalesce(a.aliases, []) | toLower(x)]
       OR toLower($organisation) IN [x IN [b.name] + coalesce(b.aliases, []) | toLower(x)])
MATCH (o:Outcome {id: p.outcome})
WHERE ($country IS NULL OR o.countryIso = toUpper($country) OR toLower(o.country) = toLower($country)
       OR toUpper($country) IN coalesce(o.countriesCovered, []))
  AND ($yearFrom IS NULL OR o.year >= $yearFrom) AND ($yearTo IS NULL OR o.year <= $yearTo)
WITH a, b, o, p ORDER BY o.fragmentId
WITH a, b, collect(o) AS outcomes, reduce(acc = [], q IN collect(p.quotes) | acc + q) AS quotes
// The organisation asked about comes first; otherwise the pair keeps its stored order (smaller id first).
WITH CASE WHEN $organisation IS NOT NULL
          AND NOT toLower($organisation) IN [x IN [a.name] + coalesce(a.aliases, []) | toLower(x)] THEN [b, a] ELSE [a, b] END AS pair,
     outcomes, quotes
RETURN pair[0].name AS organisation, pair[0].type AS organisationType, pair[1].name AS partner, pair[1].type AS partnerType,
       size(outcomes) AS records,
       reduce(acc = [], x IN [o IN outcomes | o.country] | CASE WHEN x IS NULL OR x IN acc THEN acc ELSE acc + x END) AS countries,
       reduce(acc = [], x IN [o IN outcomes | o.year] | CASE WHEN x IS NULL OR x IN acc THEN acc ELSE acc + x END) AS years,
       [o IN outcomes | o.fragmentId] AS fragmentIds, quotes
ORDER BY records DESC, organisation, partner
LIMIT $limit
