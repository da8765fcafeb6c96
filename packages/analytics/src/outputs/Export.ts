/**
 * Published indicator tables as CSV, JSON and Arrow, one table at a time or
 * all of them in one long ("tidy") table. Every text output is checked for
 * identifiers before it is returned.
 *
 * Every machine-readable output carries what the audit (`Audit`) needs to
 * rebuild the publication's linear relations from the file alone: the
 * period, the profile, and for each measure the set of people it counts
 * (`set`), or whose events it counts, with the families' relations (JSON and
 * Arrow) and the marker of total rows. See `Audit.ts` for the format.
 *
 * @module
 */
import * as aq from "arquero"
import type { ColumnTable } from "arquero"
import { tableToIPC } from "@uwdata/flechette"
import { all as allDimensions, TOTAL } from "../Dimension.js"
import { guard } from "../internal/boundary.js"
import { optionsOf, reject, requireArray, requireLang } from "../internal/checks.js"
import { csvField } from "../internal/csv.js"
import { requirePublished } from "../internal/shapes.js"
import { bi, type Lang } from "../internal/text.js"
import * as Labels from "../Labels.js"
import { assertNone } from "../privacy/Identifiers.js"
import { type Family, type Role, roles } from "../privacy/Measures.js"
import { label as profileLabel } from "../privacy/Profile.js"
import type { Published } from "../privacy/Publish.js"

/** The name of the format every machine-readable output declares. */
export const FORMAT = "aktivitetsmodell-publication/1"

/** The key of the Arrow schema metadata that holds {@link metadata}. */
export const ARROW_KEY = "aktivitetsmodell"

const roleName = (r: Role): "persons" | "events" | "derived" | "free" => (r.kind === "set" ? "persons" : r.kind === "events" ? "events" : r.kind === "free" ? "free" : "derived")

const periodText = (p: Published): string => (p.period === null ? "" : `${p.period.from}/${p.period.to}`)

/**
 * What a published table's files say about it, for the audit: format,
 * indicator, grouping, the total marker, period, profile, each measure's
 * role and set, and the relations of the families it uses.
 * @example
 * Export.metadata(shown).measures[0] // { column: "participants", role: "persons", set: "present" }
 * @category outputs
 */
export const metadata = guard("Export.metadata", bi("en publisert tabell fra Publish.publish", "a published table from Publish.publish"), (given: Published) => {
  const p = requirePublished("Export.metadata", given)
  const rs = roles(p.indicator)
  const families = new Map<string, Family>()
  for (const r of rs.values()) if (r.kind === "set") families.set(r.family.id, r.family)
  return {
    format: FORMAT,
    indicator: p.indicator.id,
    by: p.by,
    margins: p.margins,
    total: TOTAL,
    period: p.period,
    profile: p.profile,
    measures: p.indicator.measures.map((m) => {
      const r = rs.get(m.column)!
      return {
        column: m.column,
        role: roleName(r),
        ...(r.kind === "set" ? { set: r.set, family: r.family.id } : {}),
        ...(r.kind === "events" && r.of !== null ? { set: r.of } : {}),
        ...(r.kind === "derived" ? { from: r.from } : {})
      }
    }),
    families: [...families.values()].map((f) => ({ id: f.id, additive: f.additive, atoms: f.atoms, sets: f.sets }))
  }
})

/**
 * A published table as CSV. By default columns and values are ids (machine
 * readable); with `labelled`, headings and dimension values are in `lang`.
 * Hidden cells are empty, and the `suppressed` column says why a row has
 * hidden cells (the JSON and the long CSV say it per cell).
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
 * profile and its small-count rule, the rows, the hidden cells of each row
 * (`states`), and the metadata the audit reads ({@link metadata}).
 * @example
 * JSON.parse(Export.toJson(shown)).rows[0]
 * @category outputs
 */
export const toJson = guard("Export.toJson", bi("en publisert tabell fra Publish.publish", "a published table from Publish.publish"), (published: Published): string => {
  requirePublished("Export.toJson", published)
  const text = JSON.stringify(
    {
      ...metadata(published),
      name: published.indicator.name,
      rule: published.rule,
      hidden: published.hidden,
      rows: published.table.objects(),
      states: published.states
    },
    null,
    2
  )
  assertNone(text, `${published.indicator.id}.json`)
  return text
})

/**
 * A published table as an Arrow IPC stream (bytes), for notebooks and data
 * tools; the schema's metadata holds {@link metadata} and the hidden cells
 * as JSON under the key `aktivitetsmodell`.
 * @example
 * aq.fromArrow(Export.toArrow(shown)).numRows()
 * @category outputs
 */
export const toArrow = guard("Export.toArrow", bi("en publisert tabell fra Publish.publish", "a published table from Publish.publish"), (published: Published): Uint8Array => {
  requirePublished("Export.toArrow", published)
  const meta = JSON.stringify({ ...metadata(published), states: published.states })
  // Binary, but it carries the same texts as the CSV and the JSON: checked the same way.
  assertNone(published.table.toCSV(), `${published.indicator.id}.arrow`)
  assertNone(meta, `${published.indicator.id}.arrow`)
  // A fresh Arrow table of our own: its schema gets the metadata before it is encoded.
  const table = aq.toArrow(published.table)
  ;(table as { schema: typeof table.schema }).schema = { ...table.schema, metadata: new Map([[ARROW_KEY, meta]]) }
  return tableToIPC(table, { format: "stream" })!
})

/**
 * Several published tables in one long table, one row per cell: indicator,
 * every dimension (empty where not grouped by it), measure, value,
 * suppressed (why this cell is hidden), and for the audit the measure's
 * `role` (persons, events, derived, free), its `set` of people, the
 * `period` (`from/to`) and the `profile`.
 * @example
 * Export.tidy(report.published).toCSV()
 * @category outputs
 */
export const tidy = guard("Export.tidy", bi("en liste med publiserte tabeller fra Publish.publish", "a list of published tables from Publish.publish"), (published: ReadonlyArray<Published>): ColumnTable => {
  requireArray("Export.tidy", "published", published).forEach((p) => requirePublished("Export.tidy", p))
  const rows = published.flatMap((p) => {
    const rs = roles(p.indicator)
    const period = periodText(p)
    const profile = profileLabel(p.profile)
    return (p.table.objects() as Array<Record<string, unknown>>).flatMap((r, i) =>
      p.indicator.measures.map((m) => {
        const role = rs.get(m.column)!
        return {
          indicator: p.indicator.id,
          ...Object.fromEntries(allDimensions.map((d) => [d, p.by.includes(d) ? String(r[d]) : null])),
          measure: m.column,
          value: (r[m.column] as number | null | undefined) ?? null,
          suppressed: p.states[i]?.[m.column] ?? null,
          role: roleName(role),
          set: role.kind === "set" ? role.set : role.kind === "events" ? role.of : null,
          period,
          profile
        }
      })
    )
  })
  // The columns even without rows, so that an empty publication is still a file of its format.
  const columns = ["indicator", ...allDimensions, "measure", "value", "suppressed", "role", "set", "period", "profile"]
  return rows.length === 0 ? aq.table(Object.fromEntries(columns.map((c) => [c, []]))) : aq.from(rows)
})
