/**
 * Published indicator tables as CSV, JSON and Arrow, one table at a time or
 * all of them in one long ("tidy") table. Every text output is checked for
 * identifiers before it is returned.
 *
 * Every machine-readable output carries what the audit (`Audit`) needs to
 * rebuild the publication's linear relations from the file alone: the
 * period, the profile, and for each measure the set of people it counts
 * (`set`), or whose events it counts, with the families' relations (JSON and
 * Arrow) and the marker of total rows. See `Audit.ts` for the format. A
 * report's CSV and JSON ({@link reportCsv}, {@link reportJson}) also carry
 * its provenance: data source, synthetic or not, generation time, package
 * versions and policy hash.
 *
 * @module
 */

import { tableToIPC } from "@uwdata/flechette"
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { all as allDimensions, TOTAL } from "../Dimension.js"
import { guard } from "../internal/boundary.js"
import { isRecord, optionsOf, reject, requireArray, requireLang, requireRecord } from "../internal/checks.js"
import { csvField } from "../internal/csv.js"
import { notApplicable } from "../internal/format.js"
import { requirePublished } from "../internal/publishedShape.js"
import type { Lang } from "../internal/text.js"
import * as Labels from "../Labels.js"
import { type Provenance, columns as provenanceColumns } from "../Provenance.js"
import { assertNone } from "../privacy/Identifiers.js"
import { type Family, type Role, roles } from "../privacy/Measures.js"
import { label as profileLabel } from "../privacy/Profile.js"
import type { Published } from "../privacy/Publish.js"

/** The name of the format every machine-readable output declares. */
export const FORMAT = "aktivitetsmodell-publication/1"

/** The key of the Arrow schema metadata that holds {@link metadata}. */
export const ARROW_KEY = "aktivitetsmodell"

const roleName = (r: Role): "persons" | "events" | "derived" | "free" =>
  r.kind === "set" ? "persons" : r.kind === "events" ? "events" : r.kind === "free" ? "free" : "derived"

const periodText = (p: Published): string => (p.period === null ? "" : `${p.period.from}/${p.period.to}`)

/**
 * What a published table's files say about it, for the audit: format,
 * indicator, grouping, the total marker, period, profile, each measure's
 * role and set, and the relations of the families it uses.
 * @example
 * Export.metadata(shown).measures[0] // { column: "participants", role: "persons", set: "present" }
 * @category outputs
 */
export const metadata = guard(
  "Export.metadata",
  { nb: "en publisert tabell fra Publish.publish", en: "a published table from Publish.publish" },
  (given: Published) => {
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
          ...(r.kind === "derived" ? { from: r.from } : {}),
        }
      }),
      families: [...families.values()].map((f) => ({ id: f.id, additive: f.additive, atoms: f.atoms, sets: f.sets })),
    }
  },
)

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
  {
    nb: "en publisert tabell fra Publish.publish og { lang?, labelled? }",
    en: "a published table from Publish.publish and { lang?, labelled? }",
  },
  (given: Published, options: { readonly lang?: Lang; readonly labelled?: boolean } = {}): string => {
    const name = "Export.toCsv"
    const published = requirePublished(name, given)
    const o = optionsOf(name, options)
    const lang = o.lang === undefined ? "nb" : requireLang(name, o.lang)
    if (o.labelled !== undefined && typeof o.labelled !== "boolean")
      reject(name, { nb: "options.labelled må være true eller false", en: "options.labelled must be true or false" })
    const text = o.labelled === true ? labelledCsv(published, lang) : published.table.toCSV()
    assertNone(text, `${published.indicator.id}.csv`)
    return text
  },
)

// Labelled headings are texts of the indicator (or a caller's own indicator),
// not identifiers, so they are written as CSV directly instead of becoming
// arquero column names, where a heading such as "__proto__" would vanish.
const labelledCsv = (published: Published, lang: Lang): string => {
  const rows = published.table.objects() as Array<Record<string, unknown>>
  const header = [
    ...published.by.map((d) => Labels.dimension(d, lang)),
    ...published.indicator.measures.map((m) => m.label[lang]),
    lang === "nb" ? "Skjermet" : "Suppressed",
  ]
  const lines = rows.map((r, i) => [
    ...published.by.map((d) => Labels.value(d, r[d], lang)),
    ...published.indicator.measures.map((m) =>
      published.notApplicable?.[i] === true ? notApplicable(lang) : r[m.column],
    ),
    r.suppressed,
  ])
  return [header, ...lines].map((line) => `${line.map(csvField).join(",")}\n`).join("")
}

/**
 * A published table as JSON: the indicator's id, names, grouping, the
 * profile and its small-count rule, the rows, the hidden cells of each row
 * (`states`), the rows where it does not apply (`notApplicable`, when it
 * applies to some only), and the metadata the audit reads ({@link metadata}).
 * @example
 * JSON.parse(Export.toJson(shown)).rows[0]
 * @category outputs
 */
export const toJson = guard(
  "Export.toJson",
  { nb: "en publisert tabell fra Publish.publish", en: "a published table from Publish.publish" },
  (given: Published): string => {
    const published = requirePublished("Export.toJson", given)
    const text = JSON.stringify(
      {
        ...metadata(published),
        name: published.indicator.name,
        rule: published.rule,
        hidden: published.hidden,
        rows: published.table.objects(),
        states: published.states,
        ...(published.notApplicable === undefined ? {} : { notApplicable: published.notApplicable }),
      },
      null,
      2,
    )
    assertNone(text, `${published.indicator.id}.json`)
    return text
  },
)

/**
 * A published table as an Arrow IPC stream (bytes), for notebooks and data
 * tools; the schema's metadata holds {@link metadata} and the hidden cells
 * as JSON under the key `aktivitetsmodell`.
 * @example
 * aq.fromArrow(Export.toArrow(shown)).numRows()
 * @category outputs
 */
export const toArrow = guard(
  "Export.toArrow",
  { nb: "en publisert tabell fra Publish.publish", en: "a published table from Publish.publish" },
  (given: Published): Uint8Array => {
    const published = requirePublished("Export.toArrow", given)
    const meta = JSON.stringify({
      ...metadata(published),
      states: published.states,
      ...(published.notApplicable === undefined ? {} : { notApplicable: published.notApplicable }),
    })
    // Binary, but it carries the same texts as the CSV and the JSON: checked the same way.
    assertNone(published.table.toCSV(), `${published.indicator.id}.arrow`)
    assertNone(meta, `${published.indicator.id}.arrow`)
    // A fresh Arrow table of our own: its schema gets the metadata before it is encoded.
    const table = aq.toArrow(published.table)
    ;(table as { schema: typeof table.schema }).schema = { ...table.schema, metadata: new Map([[ARROW_KEY, meta]]) }
    return tableToIPC(table, { format: "stream" })!
  },
)

/**
 * Several published tables in one long table, one row per cell: indicator,
 * every dimension (empty where not grouped by it), measure, value,
 * suppressed (why this cell is hidden), notApplicable (true where the
 * indicator does not apply: the value is empty, not 0), and for the audit the measure's
 * `role` (persons, events, derived, free), its `set` of people, the
 * `period` (`from/to`) and the `profile`. With a provenance (a report's),
 * every row also says where the figures come from: `dataSource`,
 * `synthetic`, `generatedAt`, `versions` and `policyHash`, so that a row
 * copied out of the file still carries them.
 * @example
 * Export.tidy(report.published, report.provenance).toCSV()
 * @category outputs
 */
export const tidy = guard(
  "Export.tidy",
  {
    nb: "en liste med publiserte tabeller fra Publish.publish og eventuelt en proveniens",
    en: "a list of published tables from Publish.publish and optionally a provenance",
  },
  (given: ReadonlyArray<Published>, provenance?: Provenance): ColumnTable => {
    const published = Array.from(requireArray("Export.tidy", "published", given), (p) =>
      requirePublished("Export.tidy", p),
    )
    const about = provenance === undefined ? {} : provenanceColumns(requireProvenanceOf("Export.tidy", provenance))
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
            notApplicable: p.notApplicable?.[i] === true,
            role: roleName(role),
            set: role.kind === "set" ? role.set : role.kind === "events" ? role.of : null,
            period,
            profile,
            ...about,
          }
        }),
      )
    })
    // The columns even without rows, so that an empty publication is still a file of its format.
    const columns = [
      "indicator",
      ...allDimensions,
      "measure",
      "value",
      "suppressed",
      "notApplicable",
      "role",
      "set",
      "period",
      "profile",
      ...Object.keys(about),
    ]
    const table = rows.length === 0 ? aq.table(Object.fromEntries(columns.map((c) => [c, []]))) : aq.from(rows)
    // Its texts are the tables', the grouping's and the provenance's: checked as the CSV and the JSON are.
    assertNone(table.toCSV(), "Export.tidy")
    return table
  },
)

const requireProvenanceOf = (name: string, u: unknown): Provenance => {
  const p = requireRecord(name, "the provenance", u)
  if (
    typeof p.synthetic !== "boolean" ||
    typeof p.generatedAt !== "string" ||
    !isRecord(p.versions) ||
    !isRecord(p.period)
  ) {
    reject(name, {
      nb: "proveniensen må være det Provenance.make gir (report.provenance)",
      en: "the provenance must be what Provenance.make gives (report.provenance)",
    })
  }
  return u as Provenance
}

/**
 * What {@link reportCsv} and {@link reportJson} read of a report (what
 * buildReport returns).
 * @category models
 */
export interface ReportParts {
  readonly model: { readonly title: string; readonly period: { readonly from: string; readonly to: string } }
  readonly published: ReadonlyArray<Published>
  readonly plan: unknown
  readonly provenance: Provenance
}

const requireReportParts = (name: string, u: unknown): ReportParts => {
  const r = requireRecord(name, "the report", u)
  const model = requireRecord(name, "report.model", r.model)
  if (typeof model.title !== "string" || !isRecord(model.period))
    reject(name, { nb: "rapporten må være det buildReport gir", en: "the report must be what buildReport returns" })
  requireArray(name, "report.published", r.published)
  requireProvenanceOf(name, r.provenance)
  return u as ReportParts
}

/**
 * A report as one long CSV ({@link tidy} of every published table, with the
 * provenance on every row), checked for identifiers.
 * @example
 * await writeFile("out/report.csv", Export.reportCsv(report))
 * @category outputs
 */
export const reportCsv = guard(
  "Export.reportCsv",
  { nb: "en rapport fra buildReport", en: "a report from buildReport" },
  (report: ReportParts): string => {
    const r = requireReportParts("Export.reportCsv", report)
    const text = tidy(r.published, r.provenance).toCSV()
    assertNone(text, "report.csv")
    return text
  },
)

/**
 * A report as JSON: title, period, provenance, every published table
 * ({@link toJson}) and the evaluation-plan draft, checked for identifiers.
 * @example
 * JSON.parse(Export.reportJson(report)).provenance.synthetic // true
 * @category outputs
 */
export const reportJson = guard(
  "Export.reportJson",
  { nb: "en rapport fra buildReport", en: "a report from buildReport" },
  (report: ReportParts): string => {
    const r = requireReportParts("Export.reportJson", report)
    const text = `{\n"title": ${JSON.stringify(r.model.title)},\n"period": ${JSON.stringify(r.model.period)},\n"provenance": ${JSON.stringify(r.provenance)},\n"indicators": [\n${r.published.map((p) => toJson(p)).join(",\n")}\n],\n"plan": ${JSON.stringify(r.plan)}\n}\n`
    assertNone(text, "report.json")
    return text
  },
)
