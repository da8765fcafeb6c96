/**
 * Published indicator tables as CSV, JSON and Arrow, one table at a time or
 * all of them in one long ("tidy") table. Every text output is checked for
 * identifiers before it is returned.
 *
 * @module
 */
import * as aq from "arquero"
import type { ColumnTable } from "arquero"
import { all as allDimensions } from "../Dimension.js"
import { type Lang } from "../internal/text.js"
import * as Labels from "../Labels.js"
import { assertNone } from "../privacy/Identifiers.js"
import type { Published } from "../privacy/Publish.js"

/**
 * A published table as CSV. By default columns and values are ids (machine
 * readable); with `labelled`, headings and dimension values are in `lang`.
 * Hidden cells are empty, and the `suppressed` column says why.
 * @example
 * Export.toCsv(shown, { labelled: true, lang: "nb" })
 * @category outputs
 */
export const toCsv = (published: Published, options: { readonly lang?: Lang; readonly labelled?: boolean } = {}): string => {
  const lang = options.lang ?? "nb"
  let table = published.table
  if (options.labelled === true) {
    const rows = table.objects() as Array<Record<string, unknown>>
    const columns: Record<string, Array<unknown>> = {}
    for (const d of published.by) columns[Labels.dimension(d, lang)] = rows.map((r) => Labels.value(d, r[d], lang))
    for (const m of published.indicator.measures) columns[m.label[lang]] = rows.map((r) => r[m.column])
    columns[lang === "nb" ? "Skjermet" : "Suppressed"] = rows.map((r) => r.suppressed)
    table = aq.table(columns)
  }
  const text = table.toCSV()
  assertNone(text, `${published.indicator.id}.csv`)
  return text
}

/**
 * A published table as JSON: the indicator's id, names, grouping, the
 * suppression rule and the rows.
 * @example
 * JSON.parse(Export.toJson(shown)).rows[0]
 * @category outputs
 */
export const toJson = (published: Published): string => {
  const text = JSON.stringify(
    {
      indicator: published.indicator.id,
      name: published.indicator.name,
      by: published.by,
      rule: published.rule,
      hidden: published.hidden,
      rows: published.table.objects()
    },
    null,
    2
  )
  assertNone(text, `${published.indicator.id}.json`)
  return text
}

/**
 * A published table as an Arrow IPC file (bytes), for notebooks and data tools.
 * @example
 * aq.fromArrow(Export.toArrow(shown)).numRows()
 * @category outputs
 */
export const toArrow = (published: Published): Uint8Array => published.table.toArrowIPC()

/**
 * Several published tables in one long table: indicator, every dimension
 * (empty where not grouped by it), measure, value and suppressed.
 * @example
 * Export.tidy(report.published).toCSV()
 * @category outputs
 */
export const tidy = (published: ReadonlyArray<Published>): ColumnTable => {
  const rows = published.flatMap((p) =>
    (p.table.objects() as Array<Record<string, unknown>>).flatMap((r) =>
      p.indicator.measures.map((m) => ({
        indicator: p.indicator.id,
        ...Object.fromEntries(allDimensions.map((d) => [d, p.by.includes(d) ? String(r[d]) : null])),
        measure: m.column,
        value: (r[m.column] as number | null | undefined) ?? null,
        suppressed: (r.suppressed as string | null | undefined) ?? null
      }))
    )
  )
  return aq.from(rows)
}
