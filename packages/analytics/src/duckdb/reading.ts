// DuckDB's errors, told as what it was reading when it failed.
import { AnalyticsError, type Bilingual } from "../internal/text.js"

/**
 * What DuckDB did, or an error naming what it was doing. DuckDB's own message
 * is not passed on: it can quote a value of the files (a conversion error).
 */
export const reading = async <A>(work: Promise<A>, what: Bilingual): Promise<A> => {
  try {
    return await work
  } catch (e) {
    if (e instanceof AnalyticsError) throw e
    throw new AnalyticsError({
      nb: `DuckDB kunne ikke lese ${what.nb}: en tabell mangler, eller en kolonne mangler eller har feil type`,
      en: `DuckDB could not read ${what.en}: a table is missing, or a column is missing or of the wrong type`,
    })
  }
}
