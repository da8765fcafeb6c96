/**
 * One indicator at a time on DuckDB, as `Indicator.compute` gives it: the
 * same columns, rows, order and totals (margins), from the tables an engine
 * has loaded or attached. For tables too large for arquero — a county, the
 * country by municipality — when the whole report is not what is wanted.
 *
 * @module
 */
import type { Policy } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import type { Dimension } from "../Dimension.js"
import { compute as computeIndicator } from "../Indicator.js"
import { guard } from "../internal/boundary.js"
import { optionsOf, requireInteger } from "../internal/checks.js"
import { pairKey } from "../internal/groupings.js"
import type { Indicator, Result } from "../internal/indicatorModel.js"
import { withResults } from "../internal/resultSource.js"
import type { Tables } from "../tables/types.js"
import type { Engine } from "./Engine.js"
import { folderTables } from "./folderTables.js"
import { runPairs } from "./runPairs.js"

/**
 * What `compute` reads besides the indicator's own SQL, for a folder the
 * engine has attached: the period of `year`, the policy, the catalogue's
 * offerings and departments, and the folder's feedback and required
 * contribution. For a year loaded from a `Dataset`, use its own tables.
 * @example
 * const tables = await DuckDbIndicators.tablesOf(engine, { year: 2024, policy })
 * @category constructors
 */
export const tablesOf = guard(
  "DuckDbIndicators.tablesOf",
  { nb: "en åpen DuckDB-motor og { year, policy }", en: "an open DuckDB engine and { year, policy }" },
  async (engine: Engine, options: { readonly year: number; readonly policy: Policy.Policy }): Promise<Tables> => {
    const o = optionsOf("DuckDbIndicators.tablesOf", options)
    const year = requireInteger("DuckDbIndicators.tablesOf", "options.year", o.year, 1000, 9999)
    return folderTables(engine, year, o.policy as Policy.Policy)
  },
)

/**
 * Computes an indicator on DuckDB for a grouping (default: the indicator's
 * own), with `margins` as `Indicator.compute` has them: every total is its
 * own query over the records, never a sum of rows, so distinct counts and
 * medians stay right. The result publishes like any other
 * (`Publish.publishAll`).
 * @example
 * const r = await DuckDbIndicators.compute(engine, tables, Indicators.catalogue.participation, { by: ["municipality"], margins: true })
 * @category indicators
 */
export const compute = guard(
  "DuckDbIndicators.compute",
  {
    nb: "en åpen DuckDB-motor, tabeller, en indikator og { by?, margins? }",
    en: "an open DuckDB engine, tables, an indicator and { by?, margins? }",
  },
  async (
    engine: Engine,
    tables: Tables,
    indicator: Indicator,
    options: { readonly by?: ReadonlyArray<Dimension>; readonly margins?: boolean } = {},
  ): Promise<Result> => {
    const o = optionsOf("DuckDbIndicators.compute", options)
    const by = (o.by as ReadonlyArray<Dimension> | undefined) ?? indicator.defaultBy
    const margins = o.margins === true
    const computed = new Map<string, ColumnTable>()
    await runPairs(engine, [{ indicator, by, margins }], computed)
    return computeIndicator(
      indicator,
      withResults(tables, (i, b) => computed.get(pairKey(i, b))),
      { by, margins },
    )
  },
)
