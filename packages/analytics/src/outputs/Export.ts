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
import { guard } from "../internal/boundary.js"
import { optionsOf, reject, requireArray, requireLang } from "../internal/checks.js"
import { csvField } from "../internal/csv.js"
import { requirePublished } from "../internal/shapes.js"
import { bi, type Lang } from "../internal/text.js"
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
export const toCsv = guard(
  "Export.toCsv",
  bi("en publisert tabell fra Publish.publish og { lang?, labelled? }", "a published table from Publish.publish and { lang?, labelled? }"),
  (published: Published, options: { readonly lang?: Lang; readonly labelled?: boolean } = {}): string => {
    const name = "Export.toCsv"
    requirePublished(name, published)
    const o = optionsOf(name, options)
    const lang = o.lang === undefined ? "nb" : requireLang(name, o.lang)
    if (o.labelled !== undefined && typeof o.labelled !== "boolean") reject(name, "options.labelled must be true or false", "options.labelled må være true eller false")
    const text = o.labelled === true ? labelledCsv(published, lang) : published.table.toCSV()
    assertNone(text, `${published.indicator.id}.csv`)
    return text
  }
)

// Labelled headings are texts of the indicator (or a caller's own indicator),
// not identifiers, so they are written as CSV directly instead of becoming
// arquero column names, where a heading such as "__proto__" would vanish.
const labelledCsv = (published: Published, lang: Lang): string => {
  const rows = published.table.objects() as Array<Record<string, unknown>>
  const header = [
    ...published.by.map((d) => Labels.dimension(d, lang)),
    ...published.indicator.measures.map((m) => m.label[lang]),
    lang === "nb" ? "Skjermet" : "Suppressed"
  ]
  const lines = rows.map((r) => [...published.by.map((d) => Labels.value(d, r[d], lang)), ...published.indicator.measures.map((m) => r[m.column]), r.suppressed])
  return [header, ...lines].map((line) => `${line.map(csvField).join(",")}\n`).join("")
}

/**
 * A published table as JSON: the indicator's id, names, grouping, the
 * suppression rule and the rows.
 * @example
 * JSON.parse(Export.toJson(shown)).rows[0]
 * @category outputs
 */
export const toJson = guard("Export.toJson", bi("en publisert tabell fra Publish.publish", "a published table from Publish.publish"), (published: Published): string => {
  requirePublished("Export.toJson", published)
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
})

/**
 * A published table as an Arrow IPC file (bytes), for notebooks and data tools.
 * @example
 * aq.fromArrow(Export.toArrow(shown)).numRows()
 * @category outputs
 */
export const toArrow = guard("Export.toArrow", bi("en publisert tabell fra Publish.publish", "a published table from Publish.publish"), (published: Published): Uint8Array => {
  requirePublished("Export.toArrow", published)
  // Binary, but it carries the same texts as the CSV: checked the same way.
  assertNone(published.table.toCSV(), `${published.indicator.id}.arrow`)
  return published.table.toArrowIPC()
})

/**
 * Several published tables in one long table: indicator, every dimension
 * (empty where not grouped by it), measure, value and suppressed.
 * @example
 * Export.tidy(report.published).toCSV()
 * @category outputs
 */
export const tidy = guard("Export.tidy", bi("en liste med publiserte tabeller fra Publish.publish", "a list of published tables from Publish.publish"), (published: ReadonlyArray<Published>): ColumnTable => {
  requireArray("Export.tidy", "published", published).forEach((p) => requirePublished("Export.tidy", p))
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
})
