// Which programme funded which organisation, which trained or mentored which actor, who then achieved which outcome?
// One row per (programme, organisation, support, actor, outcome). The support is TRAINED, MENTORED, or a training the
// organisation DELIVERED and the actor ATTENDED. The funding may be stated in another record than the outcome:
// sameRecord says whether the outcome's own record states the funding and the support. With reviewed, every step
// (funding, support, achievement) must be an edge a person accepted or added; fundedIn lists those records only.
// @param country: string? — ISO code (COD), country name (DR Congo) or region (Sahel); a country also matches the regional outcomes covering it
// @param yearFrom: integer? — only outcomes of this year or later
// @param yearTo: integer? — only outcomes of this year or earlier
// @param objective: string? — only outcomes with this objective code (CIV)
// @param programme: string? — only this programme (name or alias, any case)
// @param sameRecord: boolean = false — only chains whose funding and support are both stated in the outcome's own record
// @param reviewed: boolean = false — only chains every edge of which a person accepted or added (--reviewed)
// @param limit: integer = 1000 — at most this many rows
// @column programme — the funding programme
// @column organisation — the organisation it funded
// @column support — TRAINED, MENTORED, or "training: <name>"
// @column actor — the actor trained or mentored, who achieved the outcome
// @column actorType — the actor's entity type
// @column fragmentId — the outcome's FragmentID
// @column country — the outcome's country or region
// @column year — the outcome's year
// @column sameRecord — true when the outcome's own record states the funding and the support
// @column fundedIn — FragmentIDs of records stating the funding (up to 5; the outcome's own first)
// @column fragmentIds — every FragmentID the chain rests on: support and achievement, then funding
// @column quotes — the quotes stating the support and the achievement
OPTIONAL MATCH (h:Outcome) WHERE h.confidential = true AND NOT $includeConfidential
WITH collect(h.id) AS hidden
MATCH (actor:Entity)-[a:ACHIEVED]->(o:Outcome)
WHERE NOT o.id IN hidden AND NOT a.outcome IN hidden AND (NOT $reviewed OR a.status IN ["accepted", "added"])
  AND ($country IS NULL OR o.countryIso = toUpper($country) OR toLower(o.country) = toLower($country)
       OR toUpper($country) IN coalesce(o.countriesCovered, []))
  AND ($yearFrom IS NULL OR o.year >= $yearFrom) AND ($yearTo IS NULL OR o.year <= $yearTo)
  AND ($objective IS NULL OR toUpper(o.objectiveCode) = toUpper($objective))
CALL {
  WITH actor, hidden
  MATCH (org:Entity)-[t:TRAINED|MENTORED]->(actor)
  WHERE NOT t.outcome IN hidden AND (NOT $reviewed OR t.status IN ["accepted", "added"])
  RETURN org, type(t) AS support, [t.outcome] AS stepOutcomes, [t.fragmentId] AS stepFids, t.quotes AS stepQuotes
  UNION
  WITH actor, hidden
  MATCH (org:Entity)-[d:DELIVERED]->(tr:Training)<-[t:ATTENDED]-(actor)
  WHERE NOT t.outcome IN hidden AND NOT d.outcome IN hidden
    AND (NOT $reviewed OR (t.status IN ["accepted", "added"] AND d.status IN ["accepted", "added"]))
  RETURN org, "training: " + tr.name AS support, [d.outcome, t.outcome] AS stepOutcomes, [d.fragmentId, t.fragmentId] AS stepFids,
         d.quotes + t.quotes AS stepQuotes
}
WITH hidden, actor, a, o, org, support,
     reduce(acc = [], x IN collect(stepOutcomes) | acc + x) AS stepOutcomes,
     reduce(acc = [], x IN collect(stepFids) | acc + x) AS stepFids,
     reduce(acc = [], x IN collect(stepQuotes) | acc + x) AS stepQuotes
MATCH (p:Programme)-[f:FUNDED]->(org)
WHERE NOT f.outcome IN hidden AND (NOT $reviewed OR f.status IN ["accepted", "added"])
  AND ($programme IS NULL OR toLower(p.name) = toLower($programme)
       OR toLower($programme) IN [x IN coalesce(p.aliases, []) | toLower(x)])
WITH actor, a, o, org, support, stepOutcomes, stepFids, stepQuotes, p, f
ORDER BY CASE WHEN f.outcome = o.id THEN 0 ELSE 1 END, f.fragmentId
WITH actor, a, o, org, support, stepOutcomes, stepFids, stepQuotes, p,
     collect(f.fragmentId) AS fundedIn, collect(f.outcome) AS fundedOutcomes
WITH actor, a, o, org, support, stepFids, stepQuotes, p, fundedIn,
     (o.id IN fundedOutcomes AND o.id IN stepOutcomes) AS sameRecord
WHERE NOT $sameRecord OR sameRecord
WITH p, org, support, actor, o, sameRecord, fundedIn[0..5] AS fundedIn,
     reduce(acc = [], x IN stepFids + [a.fragmentId] + fundedIn[0..5] | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS fragmentIds,
     reduce(acc = [], x IN stepQuotes + a.quotes | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS quotes
RETURN p.name AS programme, org.name AS organisation, support, actor.name AS actor, actor.type AS actorType,
       o.fragmentId AS fragmentId, o.country AS country, o.year AS year, sameRecord, fundedIn, fragmentIds, quotes
ORDER BY programme, organisation, actor, fragmentId, support
LIMIT $limit
