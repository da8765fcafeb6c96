// Which SQL computes an indicator of the catalogue: its query description, or
// its hand-written SQL. Only the catalogue's own indicators (the same objects)
// have SQL; another indicator with a catalogue id is refused, not guessed at.
import type { Indicator } from "../Indicator.js"
import { catalogue } from "../indicators/index.js"
import { AnalyticsError } from "../internal/text.js"
import { definitions } from "../query/definitions.js"
import { type HandWritten, handWritten } from "../query/HandWritten.js"
import type { Query } from "../query/Query.js"

/** The SQL of a catalogue indicator, for `Engine.run`. */
export const sqlOf = (indicator: Indicator): Query | HandWritten => {
  const id = indicator.id
  const own = Object.hasOwn(catalogue, id) && (catalogue as Record<string, Indicator>)[id] === indicator
  const query = !own
    ? undefined
    : Object.hasOwn(definitions, id)
      ? (definitions as Record<string, Query>)[id]
      : Object.hasOwn(handWritten, id)
        ? (handWritten as Record<string, HandWritten>)[id]
        : undefined
  if (query === undefined)
    throw new AnalyticsError({
      nb: `DuckDB: indikatoren ${id} har ingen SQL; bare katalogens indikatorer kan regnes ut i DuckDB`,
      en: `DuckDB: the indicator ${id} has no SQL; only the catalogue's indicators can be computed on DuckDB`,
    })
  return query
}
