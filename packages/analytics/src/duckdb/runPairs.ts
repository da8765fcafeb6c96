// Runs (indicator, grouping) pairs on DuckDB into a map by pair, each pair
// once, one query at a time on the engine's one connection: the report and
// single indicators both read their tables from such a map.
import type { ColumnTable } from "arquero"
import { type Grouping, pairKey, pairsOf } from "../internal/groupings.js"
import type { Engine } from "./Engine.js"
import { sqlOf } from "./indicatorSql.js"
import { reading } from "./reading.js"

/** Runs each pair the groupings read that `into` does not hold yet. */
export const runPairs = async (
  engine: Engine,
  groupings: ReadonlyArray<Grouping>,
  into: Map<string, ColumnTable>,
): Promise<void> => {
  for (const { indicator, by } of pairsOf(groupings)) {
    const key = pairKey(indicator, by)
    if (!into.has(key))
      into.set(
        key,
        await reading(engine.run(sqlOf(indicator), by), {
          nb: `${indicator.id} etter [${by.join(", ")}]`,
          en: `${indicator.id} by [${by.join(", ")}]`,
        }),
      )
  }
}
