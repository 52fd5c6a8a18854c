// Which trainings precede which outcomes, and through which actors?
// From :Training nodes where the extraction made them (an organisation DELIVERED it, the actor ATTENDED it); otherwise
// from TRAINED relationships (trainer → actor). The actor then ACHIEVED the outcome. A training stated in a record of a
// later year than the outcome is left out; so is a TRAINED pair that a Training node already covers. With reviewed, the
// query sees only edges a person accepted or added, as if the machine's others were not there.
// @param country: string? — ISO code (COD), country name (DR Congo) or region (Sahel); a country also matches the regional outcomes covering it
// @param yearFrom: integer? — only outcomes of this year or later
// @param yearTo: integer? — only outcomes of this year or earlier
// @param reviewed: boolean = false — only trainings and achievements resting on edges a person accepted or added (--reviewed)
// @param limit: integer = 1000 — at most this many rows
// @column training — the training's name, or null when only a TRAINED relationship states it
// @column trainer — who delivered the training
// @column actor — who attended, and then achieved the outcome
// @column actorType — its entity type
// @column fragmentId — the outcome's FragmentID
// @column country — the outcome's country or region
// @column year — the outcome's year
// @column via — "Training" (DELIVERED/ATTENDED) or "TRAINED"
// @column trainingIn — FragmentIDs of the records stating the training
// @column quotes — the quotes stating the training, then the achievement
OPTIONAL MATCH (h:Outcome) WHERE h.confidential = true AND NOT $includeConfidential
WITH collect(h.id) AS hidden
MATCH (actor:Entity)-[a:ACHIEVED]->(o:Outcome)
WHERE NOT o.id IN hidden AND NOT a.outcome IN hidden AND (NOT $reviewed OR a.status IN ["accepted", "added"])
  AND ($country IS NULL OR o.countryIso = toUpper($country) OR toLower(o.country) = toLower($country)
       OR toUpper($country) IN coalesce(o.countriesCovered, []))
  AND ($yearFrom IS NULL OR o.year >= $yearFrom) AND ($yearTo IS NULL OR o.year <= $yearTo)
CALL {
  WITH actor, hidden
  MATCH (actor)-[t:ATTENDED]->(tr:Training)
  WHERE NOT t.outcome IN hidden AND (NOT $reviewed OR t.status IN ["accepted", "added"])
  OPTIONAL MATCH (trainer:Entity)-[d:DELIVERED]->(tr)
  WHERE NOT d.outcome IN hidden AND (NOT $reviewed OR d.status IN ["accepted", "added"])
  WITH tr, trainer, collect(t) + collect(d) AS steps
  RETURN tr.name AS training, trainer, "Training" AS via, steps
  UNION
  WITH actor, hidden
  MATCH (trainer:Entity)-[t:TRAINED]->(actor)
  WHERE NOT t.outcome IN hidden AND (NOT $reviewed OR t.status IN ["accepted", "added"])
    AND NOT EXISTS {
      MATCH (trainer)-[d:DELIVERED]->(:Training)<-[t2:ATTENDED]-(actor)
      WHERE NOT d.outcome IN hidden AND NOT t2.outcome IN hidden
        AND (NOT $reviewed OR (d.status IN ["accepted", "added"] AND t2.status IN ["accepted", "added"]))
    }
  WITH trainer, collect(t) AS steps
  RETURN null AS training, trainer, "TRAINED" AS via, steps
}
UNWIND steps AS step
MATCH (src:Outcome {id: step.outcome})
WHERE src.year IS NULL OR o.year IS NULL OR src.year <= o.year
WITH actor, a, o, training, trainer, via, step ORDER BY step.fragmentId
WITH actor, a, o, training, trainer, via, collect(step) AS steps
RETURN training, trainer.name AS trainer, actor.name AS actor, actor.type AS actorType, o.fragmentId AS fragmentId,
       o.country AS country, o.year AS year, via,
       reduce(acc = [], x IN [s IN steps | s.fragmentId] | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS trainingIn,
       reduce(acc = [], x IN reduce(q = [], s IN steps | q + s.quotes) + a.quotes | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS quotes
ORDER BY fragmentId, actor, trainer, training
LIMIT $limit
