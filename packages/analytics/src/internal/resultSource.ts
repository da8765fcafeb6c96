// Indicator tables computed elsewhere (by DuckDB) that `Indicator.compute`
// reads instead of running its arquero code. The source rides on a copy of
// the tables under a symbol, so no caller-supplied name (a JSON key, a column)
// can set it, and tables without it compute as always. A source that lacks a
// pair throws: the engine's plan missed a grouping, which is a bug to find,
// not a reason to quietly read the (possibly empty) arquero tables instead.
import type { ColumnTable } from "arquero"
import type { Dimension } from "../Dimension.js"
import type { Tables } from "../tables/types.js"
import type { Indicator } from "./indicatorModel.js"
import { AnalyticsError } from "./text.js"

const sourceKey = Symbol("aktivitetsmodell.resultSource")

/** Raw indicator tables by indicator and grouping (in canonical order), as `indicator.compute` gives them. */
export type ResultSource = (indicator: Indicator, by: ReadonlyArray<Dimension>) => ColumnTable | undefined

/**
 * A pair the source does not hold: an internal error (the CLI exits with 70),
 * never a fallback to the arquero code. An AnalyticsError, so that the
 * package's boundaries pass its message on instead of a generic one.
 */
export class MissingResult extends AnalyticsError {
  override readonly name: string = "MissingResult"
  constructor(
    readonly indicator: string,
    readonly by: ReadonlyArray<Dimension>,
  ) {
    super({
      nb: `Intern feil: ingen forhåndsberegnet tabell for ${indicator} etter [${by.join(", ")}]`,
      en: `Internal error: no precomputed table for ${indicator} by [${by.join(", ")}]`,
    })
  }
}

/** A copy of the tables whose indicators are read from `source`. */
export const withResults = (tables: Tables, source: ResultSource): Tables => {
  const copy = { ...tables }
  Object.defineProperty(copy, sourceKey, { value: source, enumerable: false })
  return copy
}

/**
 * The precomputed raw table of an indicator by `by`, or undefined when the
 * tables carry no source; throws {@link MissingResult} when the source lacks it.
 */
export const precomputed = (
  tables: Tables,
  indicator: Indicator,
  by: ReadonlyArray<Dimension>,
): ColumnTable | undefined => {
  const source = (tables as unknown as Record<symbol, ResultSource | undefined>)[sourceKey]
  if (source === undefined) return undefined
  const table = source(indicator, by)
  if (table === undefined) throw new MissingResult(indicator.id, by)
  return table
}
