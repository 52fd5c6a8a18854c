// Which outcomes did each named actor achieve, and how were they rated?
// One row per (actor, outcome) from the ACHIEVED relationships, with the outcome's social-actor category, ratings,
// harvest period and negative/unintended flags, and the quotes naming the actor as the one who changed.
// @param actor: string? — only this actor (name or alias, any case)
// @param country: string? — ISO code (COD), country name (DR Congo) or region (Sahel); a country also matches the regional outcomes covering it
// @param yearFrom: integer? — only outcomes of this year or later
// @param yearTo: integer? — only outcomes of this year or earlier
// @param reviewed: boolean = false — only ACHIEVED edges a person accepted or added (--reviewed)
// @param limit: integer = 1000 — at most this many rows
// @column actor — the actor who changed
// @column actorType — its entity type
// @column fragmentId — the outcome's FragmentID
// @column country — the outcome's country or region
// @column year — the outcome's year
// @column harvestPeriod — the harvest the outcome was collected in
// @column socialActor — the record's social-actor category
// @column significance — significance rating
// @column contribution — contribution rating
// @column negative — yes/no/unknown: the change was negative
// @column unintended — yes/no/unknown: the change was unintended
// @column quotes — the quotes naming the actor as the one who changed
OPTIONAL MATCH (h:Outcome) WHERE h.confidential = true AND NOT $includeConfidential
WITH collect(h.id) AS hidden
MATCH (e:Entity)-[a:ACHIEVED]->(o:Outcome)
WHERE NOT o.id IN hidden AND NOT a.outcome IN hidden AND (NOT $reviewed OR a.status IN ["accepted", "added"])
  AND ($actor IS NULL OR toLower($actor) IN [x IN [e.name] + coalesce(e.aliases, []) | toLower(x)])
  AND ($country IS NULL OR o.countryIso = toUpper($country) OR toLower(o.country) = toLower($country)
       OR toUpper($country) IN coalesce(o.countriesCovered, []))
  AND ($yearFrom IS NULL OR o.year >= $yearFrom) AND ($yearTo IS NULL OR o.year <= $yearTo)
RETURN e.name AS actor, e.type AS actorType, o.fragmentId AS fragmentId, o.country AS country, o.year AS year,
       o.harvestPeriod AS harvestPeriod, o.socialActor AS socialActor, o.ratingSignificance AS significance,
       o.ratingContribution AS contribution, o.negative AS negative, o.unintended AS unintended, a.quotes AS quotes
ORDER BY actor, year, fragmentId
LIMIT $limit
