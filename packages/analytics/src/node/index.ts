/**
 * Node-only helpers of `@aktivitetsmodell/analytics`: read a municipality-year
 * and the example data files, and write reports to disk. Kept apart so the
 * main entry stays browser-safe.
 *
 * @module
 */
import { Batch, Dataset } from "@aktivitetsmodell/core"
import { mkdir, readFile, writeFile } from "node:fs/promises"
import { dirname } from "node:path"
import * as EvaluationPlan from "../EvaluationPlan.js"
import { parseCsv } from "../internal/csv.js"
import { AnalyticsError, bi, type Lang } from "../internal/text.js"
import { tidy, toJson } from "../outputs/Export.js"
import * as RecoveryCollege from "../RecoveryCollege.js"
import type { Report } from "../Report.js"
import * as ServiceStatistics from "../ServiceStatistics.js"

/**
 * The formats a report can be written in: the HTML document, the Markdown
 * summary, every published table in one long CSV, or JSON.
 * @category models
 */
export type Format = "html" | "md" | "csv" | "json"

/**
 * A report in one format, as text.
 * @example
 * reportText(report, "csv")
 * @category outputs
 */
export const reportText = (report: Report, format: Format): string => {
  switch (format) {
    case "html":
      return report.html
    case "md":
      return report.markdown
    case "csv":
      return tidy(report.published).toCSV()
    case "json":
      return `{\n"title": ${JSON.stringify(report.model.title)},\n"period": ${JSON.stringify(report.model.period)},\n"indicators": [\n${report.published.map((p) => toJson(p)).join(",\n")}\n],\n"plan": ${JSON.stringify(report.plan)}\n}\n`
  }
}

/**
 * Writes a report to a file, creating its folder; the format follows the
 * file's extension (`.html`, `.md`, `.csv`, `.json`) unless given.
 * @example
 * await writeReport(report, "out/report.html")
 * @category outputs
 */
export const writeReport = async (report: Report, file: string, format?: Format): Promise<string> => {
  const ext = file.slice(file.lastIndexOf(".") + 1).toLowerCase()
  const chosen: Format = format ?? (ext === "md" || ext === "csv" || ext === "json" ? ext : "html")
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, reportText(report, chosen), "utf8")
  return file
}

/**
 * Writes an evaluation-plan draft as CSV for people to edit.
 * @example
 * await writePlan(report.plan, "out/evalueringsplan.csv", "nb")
 * @category outputs
 */
export const writePlan = async (plan: EvaluationPlan.Plan, file: string, lang: Lang): Promise<string> => {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, EvaluationPlan.toCsv(plan, lang), "utf8")
  return file
}

const read = async (file: string): Promise<string> => {
  try {
    return await readFile(file, "utf8")
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    throw new AnalyticsError(bi(`Kunne ikke lese ${file}: ${why}`, `Could not read ${file}: ${why}`))
  }
}

/**
 * Reads a JSON file holding a municipality-year (a core `Dataset`) and
 * decodes every record. Throws when the file is not JSON or any record is
 * rejected, listing up to 20 problems with entity, record, field and message
 * in both languages; a report from half the records would mislead.
 * @example
 * const year = await loadDataset("data/2024.json")
 * @category constructors
 */
export const loadDataset = async (file: string): Promise<Dataset.Dataset> => {
  const text = await read(file)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    throw new AnalyticsError(bi(`${file}: ikke gyldig JSON: ${why}`, `${file}: not valid JSON: ${why}`))
  }
  const input = raw as Record<string, unknown> | null
  const year = input?.year
  if (typeof input !== "object" || input === null || typeof year !== "number" || !Number.isInteger(year)) {
    throw new AnalyticsError(bi(`${file}: forventet et objekt med «year» (heltall) og en liste per enhet`, `${file}: expected an object with "year" (a whole number) and an array per entity`))
  }
  const problems: Array<string> = []
  const decoded: Record<string, ReadonlyArray<unknown>> = {}
  for (const entity of Dataset.entityNames) {
    const records = input[entity] ?? []
    if (!Array.isArray(records)) {
      problems.push(`${file}: ${entity}: expected an array / forventet en liste`)
      continue
    }
    const result = Batch.decodeEntity(entity, records)
    decoded[entity] = result.valid
    for (const r of result.rejected) for (const p of r.problems) problems.push(`${file}: ${entity}[${r.index}]${p.field === "" ? "" : `, field/felt ${p.field}`}: ${p.message.en} / ${p.message.nb}`)
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join("\n")
    const more = problems.length > 20 ? `\n… ${problems.length - 20} more / ${problems.length - 20} til` : ""
    throw new AnalyticsError(bi(`${problems.length} problem(er) i ${file}:\n${shown}${more}`, `${problems.length} problem(s) in ${file}:\n${shown}${more}`))
  }
  return { year, ...decoded } as unknown as Dataset.Dataset
}

/**
 * Reads a service-statistics CSV (see `examples/data/service-statistics-2017-2021.csv`).
 * @example
 * const stats = await readStatistics("examples/data/service-statistics-2017-2021.csv")
 * @category constructors
 */
export const readStatistics = async (file: string): Promise<ServiceStatistics.Statistics> => ServiceStatistics.parse(await read(file), file)

/**
 * Reads a Recovery College participants CSV.
 * @example
 * const rc = await readRecoveryCollege("examples/data/recovery-college-participants-2019-2021.csv")
 * @category constructors
 */
export const readRecoveryCollege = async (file: string): Promise<RecoveryCollege.Participants> => RecoveryCollege.parse(await read(file), file)

/**
 * Reads a population CSV with columns `municipality`, `year`, `population`.
 * @example
 * const population = await readPopulation("folketall.csv")
 * @category constructors
 */
export const readPopulation = async (file: string): Promise<RecoveryCollege.Population> => {
  const [header, ...records] = parseCsv(await read(file), file)
  const names = header?.fields.map((f) => f.trim()) ?? []
  const at = (n: string) => names.indexOf(n)
  for (const n of ["municipality", "year", "population"]) {
    if (at(n) < 0) throw new AnalyticsError(bi(`${file}:1: mangler kolonnen «${n}»`, `${file}:1: missing the column "${n}"`))
  }
  return records.map((r) => {
    const year = Number(r.fields[at("year")])
    const population = Number(r.fields[at("population")])
    if (!Number.isInteger(year) || !Number.isFinite(population)) {
      throw new AnalyticsError(bi(`${file}:${r.line}: forventet år og folketall som tall`, `${file}:${r.line}: expected year and population as numbers`))
    }
    return { municipality: (r.fields[at("municipality")] ?? "").trim(), year, population }
  })
}
