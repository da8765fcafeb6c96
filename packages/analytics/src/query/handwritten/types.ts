// The shape of a hand-written indicator, apart from ../HandWritten.ts so
// that the indicators in this folder import it without importing the module
// that lists them.
import type { Dimension } from "../../Dimension.js"
import type { Dialect } from "../dialect.js"
import type { Days } from "../Query.js"

/**
 * An indicator as hand-written SQL: its dimensions, output columns (after
 * the dimensions, as the indicator's measures) and the SQL for a grouping,
 * a period and a dialect.
 * @category models
 */
export interface HandWritten {
  readonly id: string
  readonly dimensions: ReadonlyArray<Dimension>
  readonly output: ReadonlyArray<string>
  readonly sql: (by: ReadonlyArray<Dimension>, days: Days, q: Dialect) => string
}
