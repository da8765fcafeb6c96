// Several municipalities' tables of one period as one set of tables, so that
// indicators can be grouped and compared by municipality. Codes are local to
// each municipality's tables (citizen codes, enrollment rows, the row part of
// `order`), so each part's are moved past the previous parts'.
import { Municipality, Redact } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { guard } from "../internal/boundary.js"
import { reject } from "../internal/checks.js"
import { concatColumn, type Shift } from "../internal/concatColumns.js"
import { record } from "../internal/expr.js"
import { requireTables, sealTables } from "../internal/shapes.js"
import { ORDER_SHIFT } from "./context.js"
import { type Tables, tableNames } from "./types.js"

const name = "Tables.combine"

/** The municipality one part holds: its tables' single value of the column. */
const municipalityOfPart = (tables: Tables, index: number): string => {
  const values = new Set<unknown>()
  for (const t of tableNames) {
    const table = tables[t]
    if (table.columnNames().includes("municipality"))
      for (const v of table.array("municipality") as Iterable<unknown>) values.add(v)
  }
  const [only] = values
  // A number of four digits only: a hand-built table's text is never echoed.
  if (values.size !== 1 || !Municipality.isNumber(only))
    reject(name, {
      nb: `del ${index + 1}: hver del må være ett kommuneår med kommunenummer (Dataset.municipality)`,
      en: `part ${index + 1}: each part must be one municipality-year with a municipality number (Dataset.municipality)`,
    })
  return only as string
}

const maxOf = (table: ColumnTable, column: string): number => {
  let max = -1
  for (const v of table.array(column) as Iterable<unknown>) if (typeof v === "number" && v > max) max = v
  return max
}

/**
 * Joins the tables of several municipalities (each from `Tables.fromDataset`
 * of a dataset naming its `municipality`) for the same period into one set,
 * which indicators group by `municipality` like any other dimension. Codes
 * stay distinct: a citizen of one municipality is never counted as one of
 * another. The policy, the period and the required contribution must be the
 * same in every part; the first part's policy is kept.
 * @example
 * const national = Tables.combine(years.map((y) => Tables.fromDataset(y, { policy })))
 * Indicator.compute(Indicators.catalogue.participation, national, { by: ["municipality"], margins: true })
 * @category constructors
 */
export const combine = guard(
  name,
  {
    nb: "en liste med tabeller fra Tables.fromDataset, ett kommuneår med kommunenummer hver, for samme periode",
    en: "a list of tables from Tables.fromDataset, one municipality-year with a municipality number each, for the same period",
  },
  (parts: ReadonlyArray<Tables>): Tables => {
    if (!Array.isArray(parts) || parts.length === 0)
      reject(name, { nb: "forventet en liste med minst én del", en: "expected a list of at least one part" })
    const [first] = parts as ReadonlyArray<Tables>
    const seen = new Set<string>()
    parts.forEach((p, i) => {
      requireTables(name, p)
      for (const t of tableNames) {
        const columns = p[t].columnNames()
        const expected = first![t].columnNames()
        if (columns.length !== expected.length || columns.some((c, k) => c !== expected[k]))
          reject(name, {
            nb: `del ${i + 1}: tabellen ${t} har andre kolonner enn den første delens`,
            en: `part ${i + 1}: table ${t} has other columns than the first part's`,
          })
      }
      if (p.period.from !== first!.period.from || p.period.to !== first!.period.to)
        reject(name, {
          nb: `del ${i + 1}: perioden ${Redact.show(p.period.from)}–${Redact.show(p.period.to)} er en annen enn den første delens`,
          en: `part ${i + 1}: the period ${Redact.show(p.period.from)}–${Redact.show(p.period.to)} differs from the first part's`,
        })
      if (p.requiredContributionPercent !== first!.requiredContributionPercent)
        reject(name, {
          nb: `del ${i + 1}: påkrevd bidrag (${p.requiredContributionPercent} %) er et annet enn den første delens`,
          en: `part ${i + 1}: the required contribution (${p.requiredContributionPercent} %) differs from the first part's`,
        })
      const m = municipalityOfPart(p, i)
      if (seen.has(m))
        reject(name, {
          nb: `del ${i + 1}: kommune ${m} finnes i en tidligere del`,
          en: `part ${i + 1}: municipality ${m} is in an earlier part`,
        })
      seen.add(m)
    })
    // Each part's citizens and enrollments come after the previous parts'.
    const citizenAt: Array<number> = []
    const enrollmentAt: Array<number> = []
    let citizens = 0
    let enrollments = 0
    for (const p of parts) {
      citizenAt.push(citizens)
      enrollmentAt.push(enrollments)
      const withCitizens = [p.attendance, p.enrollments, p.transitions, p.fitScores]
      citizens += 1 + Math.max(...withCitizens.map((t) => maxOf(t, "citizen")))
      enrollments += p.enrollments.numRows()
    }
    const table = (t: (typeof tableNames)[number]): ColumnTable => {
      const tables = parts.map((p) => p[t])
      const rowAt: Array<number> = []
      let rows = 0
      for (const x of tables) {
        rowAt.push(rows)
        rows += x.numRows()
      }
      if (rows >= ORDER_SHIFT && tables[0]!.columnNames().includes("order"))
        reject(name, {
          nb: `${t}: høyst ${ORDER_SHIFT - 1} rader i alt`,
          en: `${t}: at most ${ORDER_SHIFT - 1} rows in all`,
        })
      const shiftsOf = (column: string): ReadonlyArray<Shift> =>
        parts.map((_, i): Shift => {
          if (column === "citizen") return (v) => v + citizenAt[i]!
          if (column === "enrollment") return (v) => (v < 0 ? v : v + enrollmentAt[i]!)
          // `order` is day × ORDER_SHIFT + row: the row moves with the part.
          if (column === "order") return (v) => v + rowAt[i]!
          return undefined
        })
      return aq.table(record(tables[0]!.columnNames().map((c) => [c, concatColumn(tables, c, shiftsOf(c))] as const)))
    }
    return sealTables({
      period: first!.period,
      days: first!.days,
      requiredContributionPercent: first!.requiredContributionPercent,
      policy: first!.policy,
      ...(Object.fromEntries(tableNames.map((t) => [t, table(t)])) as Pick<Tables, (typeof tableNames)[number]>),
    })
  },
)
