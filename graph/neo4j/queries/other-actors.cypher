// For each outcome, what did actors other than the programme contribute (the rival explanations to weigh)?
// An actor counts when a record says it CONTRIBUTED_TO or SUPPORTED the outcome, or when the outcome's "contribution of
// other actors" field names it. The programme side (Programme entities and the organisations a programme FUNDED,
// in any record) is left out unless includeProgrammeSide. With reviewed, an actor counts only through a CONTRIBUTED_TO or
// SUPPORTED edge a person accepted or added (a name in the field is no edge anyone reviewed), and only a reviewed FUNDED
// edge puts an organisation on the programme side.
// @param country: string? — ISO code (COD), country name (DR Congo) or region (Sahel); a country also matches the regional outcomes covering it
// @param yearFrom: integer? — only outcomes of this year or later
// @param yearTo: integer? — only outcomes of this year or earlier
// @param fragmentId: string? — only this outcome
// @param includeProgrammeSide: boolean = false — also list the programme and the organisations it funded
// @param reviewed: boolean = false — only contributions resting on edges a person accepted or added (--reviewed)
// @param limit: integer = 1000 — at most this many rows
// @column fragmentId — the outcome's FragmentID
// @column country — the outcome's country or region
// @column year — the outcome's year
// @column actor — the contributing actor
// @column actorType — its entity type
// @column programmeSide — true for a Programme or an organisation a programme funded
// @column basis — how the record links it: CONTRIBUTED_TO, SUPPORTED, and/or "named in other actors' contribution"
// @column fields — the record fields the quotes come from
// @column quotes — the quotes stating the contribution
OPTIONAL MATCH (h:Outcome) WHERE h.confidential = true AND NOT $includeConfidential
WITH collect(h.id) AS hidden
MATCH (o:Outcome)
WHERE NOT o.id IN hidden
  AND ($fragmentId IS NULL OR o.fragmentId = $fragmentId)
  AND ($country IS NULL OR o.countryIso = toUpper($country) OR toLower(o.country) = toLower($country)
       OR toUpper($country) IN coalesce(o.countriesCovered, []))
  AND ($yearFrom IS NULL OR o.year >= $yearFrom) AND ($yearTo IS NULL OR o.year <= $yearTo)
CALL {
  WITH o, hidden
  MATCH (e:Entity)-[r:CONTRIBUTED_TO|SUPPORTED]->(o)
  WHERE NOT r.outcome IN hidden AND (NOT $reviewed OR r.status IN ["accepted", "added"])
  RETURN e, type(r) AS basis, r.fields AS fields, r.quotes AS quotes
  UNION
  WITH o, hidden
  MATCH (e:Entity)-[m:MENTIONED_IN]->(o)
  WHERE NOT $reviewed AND "otherActorsContribution" IN m.fields AND NOT e:Place AND NOT e:Training AND NOT e:Tool
  WITH e, [i IN range(0, size(m.fields) - 1) WHERE m.fields[i] = "otherActorsContribution"] AS at, m
  RETURN e, "named in other actors' contribution" AS basis, [i IN at | m.fields[i]] AS fields, [i IN at | m.quotes[i]] AS quotes
}
WITH hidden, o, e, collect(basis) AS basis, reduce(acc = [], i IN collect({fields: fields, quotes: quotes}) | acc + [j IN range(0, size(i.quotes) - 1) | {field: i.fields[j], quote: i.quotes[j]}]) AS evidence
WITH hidden, o, e, basis, reduce(acc = [], x IN evidence | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS evidence
WITH hidden, o, e, basis, [x IN evidence | x.field] AS fields, [x IN evidence | x.quote] AS quotes,
     e:Programme OR EXISTS {
       MATCH (:Programme)-[f:FUNDED]->(e) WHERE NOT f.outcome IN hidden AND (NOT $reviewed OR f.status IN ["accepted", "added"])
     } AS programmeSide
WHERE $includeProgrammeSide OR NOT programmeSide
RETURN o.fragmentId AS fragmentId, o.country AS country, o.year AS year, e.name AS actor, e.type AS actorType, programmeSide,
       basis, fields, quotes
ORDER BY fragmentId, programmeSide, actor
LIMIT $limit
