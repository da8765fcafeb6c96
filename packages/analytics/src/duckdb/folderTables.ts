// What a report reads besides its indicators, for a folder of tables that
// DuckDB has attached: no records are at hand, so the offerings and
// departments are the catalogue's (the layout holds ids only), the feedback
// (for the plan's themes) and the required contribution percentage are read
// from the folder, and the tables of records are left empty. Every indicator
// of such a report must come from DuckDB: a missing one throws (see
// internal/resultSource.ts), it never counts the empty tables.
import { Dataset, type Policy } from "@aktivitetsmodell/core"
import { AnalyticsError } from "../internal/text.js"
import { fromDataset } from "../Tables.js"
import type { Tables } from "../tables/types.js"
import type { Engine } from "./Engine.js"
import { reading } from "./reading.js"

/** A year without records: `Tables.fromDataset` fills in the catalogue's offerings and departments. */
const emptyYear = (year: number): Dataset.Dataset =>
  ({ year, ...Object.fromEntries(Dataset.entityNames.map((n) => [n, []])) }) as unknown as Dataset.Dataset

/** The tables of a report on a folder the engine has attached for `year`. */
export const folderTables = async (engine: Engine, year: number, policy: Policy.Policy): Promise<Tables> => {
  const base = fromDataset(emptyYear(year), { policy, period: { from: `${year}-01-01`, to: `${year}-12-31` } })
  const parameters = (
    await reading(engine.table("parameters"), { nb: "parameters", en: "parameters" })
  ).objects() as Array<Record<string, unknown>>
  const required = parameters[0]?.requiredContributionPercent
  if (parameters.length !== 1 || typeof required !== "number" || !Number.isFinite(required))
    throw new AnalyticsError({
      nb: "parameters/ må ha nøyaktig én rad med requiredContributionPercent (et tall)",
      en: "parameters/ must hold exactly one row with requiredContributionPercent (a number)",
    })
  const feedback = await reading(engine.table("feedback"), { nb: "feedback", en: "feedback" })
  return { ...base, feedback, requiredContributionPercent: required }
}
