// Which actors are central: how many others they connect to, which countries and outcomes they reach, how often they lie between others?
// Betweenness: how often an actor lies on the shortest paths between others.
// Counted over the outcomes in scope (country, years): degree is the number of distinct neighbours through relationships
// resting on those outcomes; outcomes are those whose records name the actor. Betweenness is global: computed at push
// time over the whole graph (graphology-metrics, normalised to 0–1), over public records only unless confidential
// ones are included. With reviewed, only edges a person accepted or added count: degree through them, outcomes those
// the actor's reviewed edges rest on, actors without one left out; betweenness is then null (it counts every edge).
// @param country: string? — ISO code (COD), country name (DR Congo) or region (Sahel); a country also matches the regional outcomes covering it
// @param yearFrom: integer? — only outcomes of this year or later
// @param yearTo: integer? — only outcomes of this year or earlier
// @param types: string[] = Organisation,Coalition,GovernmentBody,Programme,Project,ArmedGroup,ActorGroup,Person — entity types counted as actors
// @param maxFragmentIds: integer = 20 — cite at most this many FragmentIDs per actor (outcomes gives the full count)
// @param reviewed: boolean = false — only edges a person accepted or added (--reviewed)
// @param limit: integer = 100 — at most this many actors
// @column actor — the actor
// @column actorType — its entity type
// @column betweenness — normalised betweenness centrality (null when not computed)
// @column degree — distinct neighbours (actors and outcomes) through relationships in scope
// @column outcomes — outcomes in scope whose records name the actor
// @column countries — the countries or regions of those outcomes
// @column fragmentIds — FragmentIDs of those outcomes (up to maxFragmentIds)
OPTIONAL MATCH (h:Outcome) WHERE h.confidential = true AND NOT $includeConfidential
WITH collect(h.id) AS hidden
MATCH (o:Outcome)
WHERE NOT o.id IN hidden
  AND ($country IS NULL OR o.countryIso = toUpper($country) OR toLower(o.country) = toLower($country)
       OR toUpper($country) IN coalesce(o.countriesCovered, []))
  AND ($yearFrom IS NULL OR o.year >= $yearFrom) AND ($yearTo IS NULL OR o.year <= $yearTo)
MATCH (e:Entity)-[:MENTIONED_IN]->(o)
WHERE e.type IN $types
WITH e, o ORDER BY o.fragmentId
WITH e, collect(o) AS outcomes
CALL {
  WITH e, outcomes
  MATCH (e)-[r]-(n)
  WHERE NOT type(r) IN ["MENTIONED_IN", "LOCATED_IN"] AND r.outcome IN [x IN outcomes | x.id]
    AND (NOT $reviewed OR r.status IN ["accepted", "added"])
  RETURN count(DISTINCT n) AS degree, collect(DISTINCT r.outcome) AS edgeOutcomes
}
WITH e, degree,
     CASE WHEN $reviewed THEN [x IN outcomes WHERE x.id IN edgeOutcomes] ELSE outcomes END AS outcomes,
     CASE WHEN $reviewed THEN null WHEN $includeConfidential THEN e.betweennessWithConfidential ELSE e.betweenness END AS betweenness
WHERE NOT $reviewed OR degree > 0
RETURN e.name AS actor, e.type AS actorType, betweenness, degree, size(outcomes) AS outcomes,
       reduce(acc = [], x IN [o IN outcomes | o.country] | CASE WHEN x IS NULL OR x IN acc THEN acc ELSE acc + x END) AS countries,
       [o IN outcomes | o.fragmentId][0..$maxFragmentIds] AS fragmentIds
ORDER BY coalesce(betweenness, -1.0) DESC, degree DESC, outcomes DESC, actor
LIMIT $limit
