/**
 * Capacity use, as hand-written SQL beside `src/indicators/capacityUse.ts`.
 *
 * @module
 */
import type { Dimension } from "../../Dimension.js"
import type { Dialect } from "../dialect.js"
import type { Days } from "../Query.js"
import { bigint, day, groupedSelect, groupKeys, rate } from "./text.js"
import type { HandWritten } from "./types.js"

// One table's rows in the period that meet `where`, grouped by `by`, with `measures`.
const grouped = (
  table: string,
  by: ReadonlyArray<Dimension>,
  days: Days,
  q: Dialect,
  where: ReadonlyArray<string>,
  measures: ReadonlyArray<string>,
): Array<string> => {
  const inPeriod = `${q.quote("day")} BETWEEN ${day(days.from)} AND ${day(days.to)}`
  return groupedSelect(by, groupKeys(by, q), q, measures, table, [...where, inPeriod]).map((line) => `  ${line}`)
}

/**
 * Capacity use (see `Indicators.catalogue.capacityUse`): sessions and
 * attendances where the citizen came, counted per offering first so that
 * each offering's capacity (places per session, from `offerings`) applies to
 * its own sessions, then summed over the grouping; offerings without a known
 * capacity count in sessions and attendances but not in places or use.
 * @category models
 */
export const capacityUse: HandWritten = {
  id: "capacityUse",
  dimensions: ["municipality", "offering", "category", "department", "month", "year"],
  output: ["sessions", "present", "citizens", "perSession", "presentInPlaces", "places", "use"],
  sql: (by, days, q) => {
    const n = q.quote
    const came = `${n("present")} = 1`
    // Per municipality and offering: offering ids repeat across municipalities, each with its own capacity.
    const withOffering: ReadonlyArray<Dimension> = [
      ...(by.includes("municipality") ? [] : ["municipality" as const]),
      ...by,
      ...(by.includes("offering") ? [] : ["offering" as const]),
    ]
    const perOffering = withOffering.map(n).join(", ")
    const keys = by.map(n)
    const sum = (c: string) => bigint(`SUM(${n(c)})`)
    const zero = (c: string) => `COALESCE(${n(c)}, 0)`
    return [
      `WITH ${n("held")} AS (`,
      ...grouped("sessions", withOffering, days, q, [], [`${bigint("COUNT(*)")} AS ${n("sessions")}`]),
      `), ${n("came")} AS (`,
      ...grouped("attendance", withOffering, days, q, [came], [`${bigint("COUNT(*)")} AS ${n("present")}`]),
      `), ${n("counted")} AS (`,
      `  SELECT ${perOffering}, ${zero("sessions")} AS ${n("sessions")}, ${zero("present")} AS ${n("present")}`,
      `  FROM ${n("held")} FULL JOIN ${n("came")} USING (${perOffering})`,
      `), ${n("placed")} AS (`,
      `  SELECT c.*, c.${n("sessions")} * o.${n("capacity")} AS ${n("places")},`,
      `    CASE WHEN o.${n("capacity")} IS NULL THEN NULL ELSE c.${n("present")} END AS ${n("presentInPlaces")}`,
      `  FROM ${n("counted")} AS c LEFT JOIN ${n("offerings")} AS o ON o.${n("offering")} = c.${n("offering")}`,
      // The counted keys are named already: a missing municipality is "(unknown)" on both sides.
      `    AND ${groupKeys(["municipality"], q, (d) => `o.${n(d)}`)[0]} = c.${n("municipality")}`,
      `), ${n("summed")} AS (`,
      // Keys are named already ("(unknown)" included): group by them as they are.
      `  SELECT ${[...keys, ...["sessions", "present", "presentInPlaces", "places"].map((c) => `${sum(c)} AS ${n(c)}`)].join(", ")}`,
      `  FROM ${n("placed")}${keys.length > 0 ? ` GROUP BY ${keys.join(", ")}` : ""}`,
      // Citizens are distinct over the whole group, not summed over offerings.
      `), ${n("persons")} AS (`,
      ...grouped(
        "attendance",
        by,
        days,
        q,
        [came],
        [`${bigint(`COUNT(DISTINCT ${n("citizen")})`)} AS ${n("citizens")}`],
      ),
      `)`,
      `SELECT ${[
        ...keys,
        `${zero("sessions")} AS ${n("sessions")}`,
        `${zero("present")} AS ${n("present")}`,
        `${zero("citizens")} AS ${n("citizens")}`,
        `${rate(q, zero("present"), zero("sessions"))} AS ${n("perSession")}`,
        n("presentInPlaces"),
        n("places"),
        `${rate(q, n("presentInPlaces"), n("places"))} AS ${n("use")}`,
      ].join(", ")}`,
      `FROM ${n("summed")} ${keys.length > 0 ? `FULL JOIN ${n("persons")} USING (${keys.join(", ")})` : `CROSS JOIN ${n("persons")}`}`,
    ].join("\n")
  },
}
