/**
 * Node-only helpers of `@aktivitetsmodell/analytics`: read a municipality-year
 * and the example data files, and write reports to disk. Kept apart so the
 * main entry stays browser-safe.
 *
 * A file that cannot be used (missing, unreadable, not JSON, of the wrong
 * shape) gives a `FileError`: one line naming the file, and the line or JSON
 * pointer where that helps. Wrong records or lines in a file that could be
 * read give an `AnalyticsError` (a `DataFileError` for the CSV files) listing
 * each. Any other argument of the wrong type gives an `AnalyticsError` too.
 *
 * @module
 */
import { Calendar, Catalogue, type Dataset, Policy } from "@aktivitetsmodell/core"
import { InForce } from "@aktivitetsmodell/rules"
import { loadTree, shippedPolicyDir } from "@aktivitetsmodell/rules/node"
import * as EvaluationPlan from "../EvaluationPlan.js"
import { guard } from "../internal/boundary.js"
import { isRecord, reject, requireArray, requireLang } from "../internal/checks.js"
import { AnalyticsError, FileError, fileName, type Lang } from "../internal/text.js"
import { valueOrThrow } from "../internal/yearTable.js"
import { reportCsv, reportJson } from "../outputs/Export.js"
import type * as Provenance from "../Provenance.js"
import * as Audit from "../privacy/Audit.js"
import { assertNone } from "../privacy/Identifiers.js"
import { asRule, fromParameters, type Profile, names as profileNames } from "../privacy/Profile.js"
import * as RecoveryCollege from "../RecoveryCollege.js"
import type { Report } from "../Report.js"
import * as ServiceStatistics from "../ServiceStatistics.js"
import { parseCapacity } from "./capacity.js"
import { parseDataset } from "./dataset.js"
import { listFolder, readFile, yearOfFolder } from "./exportFolder.js"
import { readBytes, readText, requireFile, writeText } from "./files.js"
import { type Format, formatOf, formats } from "./format.js"
import { type CheckedInput, checkInput, type EntityRead } from "./inputCheck.js"
import { missingInputs } from "./missingInputs.js"

export { AnalyticsError, FileError } from "../internal/text.js"
export type { Format } from "./format.js"
export type { CheckedInput } from "./inputCheck.js"
export { RecordsError } from "./inputCheck.js"
export { packageVersions, policyWithHash } from "./provenance.js"

// A report as buildReport returns it: the texts and the published tables.
const requireReport = (name: string, u: unknown): Report => {
  if (
    !isRecord(u) ||
    typeof u.html !== "string" ||
    typeof u.markdown !== "string" ||
    !isRecord(u.model) ||
    !isRecord(u.plan)
  ) {
    reject(name, { nb: "rapporten må være det buildReport gir", en: "the report must be what buildReport returns" })
  }
  requireArray(name, "report.published", (u as Record<string, unknown>).published)
  return u as unknown as Report
}

const text = (report: Report, format: Format): string => {
  switch (format) {
    case "html":
      return report.html
    case "md":
      return report.markdown
    case "csv":
      return reportCsv(report)
    case "json":
      return reportJson(report)
  }
}

/**
 * A report in one format, as text, checked for identifiers like every output.
 * @example
 * reportText(report, "csv")
 * @category outputs
 */
export const reportText = guard(
  "reportText",
  {
    nb: "en rapport fra buildReport og et format (html, md, csv, json)",
    en: "a report from buildReport and a format (html, md, csv, json)",
  },
  (report: Report, format: Format): string => {
    requireReport("reportText", report)
    if (!formats.includes(format))
      reject("reportText", {
        nb: `formatet må være et av ${formats.join(", ")}`,
        en: `the format must be one of ${formats.join(", ")}`,
      })
    const out = text(report, format)
    assertNone(out, `report.${format}`)
    return out
  },
)

/**
 * Writes a report to a file, creating its folder; the format follows the
 * file's extension (`.html`, `.md`, `.csv`, `.json`) unless given.
 * @example
 * await writeReport(report, "out/report.html")
 * @category outputs
 */
export const writeReport = guard(
  "writeReport",
  {
    nb: "en rapport fra buildReport, en filsti og eventuelt et format (html, md, csv, json)",
    en: "a report from buildReport, a file path and optionally a format (html, md, csv, json)",
  },
  async (report: Report, file: string, format?: Format): Promise<string> => {
    const path = requireFile("writeReport", file)
    // Everything is checked and written out as text before the file is touched.
    return writeText(path, reportText(report, format ?? formatOf(path)))
  },
)

/**
 * Writes an evaluation-plan draft as CSV for people to edit.
 * @example
 * await writePlan(report.plan, "out/evalueringsplan.csv", "nb")
 * @category outputs
 */
export const writePlan = guard(
  "writePlan",
  {
    nb: "en plan, en filsti, et språk (nb eller en) og eventuelt en proveniens",
    en: "a plan, a file path, a language (nb or en) and optionally a provenance",
  },
  async (plan: EvaluationPlan.Plan, file: string, lang: Lang, provenance?: Provenance.Provenance): Promise<string> => {
    const path = requireFile("writePlan", file)
    return writeText(path, EvaluationPlan.toCsv(plan, requireLang("writePlan", lang), provenance))
  },
)

/**
 * Reads a JSON file holding a municipality-year (a core `Dataset`) and
 * decodes every record. A file that is not JSON, or not an object with a
 * whole `year` and a list per entity, gives a one-line `FileError` with the
 * line or JSON pointer; rejected records give an `AnalyticsError` listing up
 * to 20 with entity, record, field and message in both languages (a report
 * from half the records would mislead).
 * @example
 * const year = await loadDataset("data/2024.json")
 * @category constructors
 */
export const loadDataset = guard(
  "loadDataset",
  { nb: "stien til en JSON-fil", en: "the path of a JSON file" },
  async (file: string): Promise<Dataset.Dataset> => {
    const path = requireFile("loadDataset", file)
    return parseDataset(await readText(path), path)
  },
)

/**
 * Reads a folder of exports, one file per entity named after it
 * (`citizens.csv`, `enrollments.json`, `sessions.arrow`, …; see
 * `docs/analyst-guide.md` for the columns), and checks it before anything is
 * computed: every record is decoded (valid or rejected with its file and
 * line, never dropped) and every invariant of the model runs over the valid
 * ones. Offerings and departments come from the shipped catalogue when the
 * folder has no file for them. The year is `options.year`, or the one the
 * folder is named for (`export-2024`). A folder that cannot be used (missing,
 * no exports, an unknown file name, two files for one entity) gives a
 * one-line `FileError` with a did-you-mean.
 * @example
 * const { dataset, section } = await loadExportFolder("examples/data/export-2024", { policy: shippedPolicy() })
 * Rejected.totals(section) // { records, valid, rejected, violations }
 * @category constructors
 */
export const loadExportFolder = guard(
  "loadExportFolder",
  { nb: "stien til en mappe og { policy, year? }", en: "the path of a folder and { policy, year? }" },
  async (dir: string, options: { readonly policy: Policy.Policy; readonly year?: number }): Promise<CheckedInput> => {
    const path = requireFile("loadExportFolder", dir)
    const policy = Policy.ensure("loadExportFolder", options?.policy)
    const files = await listFolder(path)
    const year = options.year ?? yearOfFolder(path)
    if (year === undefined || !Number.isInteger(year) || year < 2000 || year > 2100) {
      throw new FileError(path, {
        nb: `${fileName(path)}: oppgi året (--year), eller gi mappen et navn som slutter på året, som export-2024`,
        en: `${fileName(path)}: give the year (--year), or name the folder after it, such as export-2024`,
      })
    }
    const reads: Array<EntityRead> = []
    for (const f of files) reads.push(await readFile(f))
    const catalogue = Catalogue.sandnes()
    const checked = checkInput(year, reads, policy, {
      offerings: catalogue.offerings,
      departments: catalogue.departments,
    })
    return { ...checked, missing: missingInputs(checked.section) }
  },
)

// A reader of one file behind the boundary: the file's text, parsed by `parse`, which names the file in its errors.
const reader = <T>(name: string, kind: "CSV" | "JSON", parse: (text: string, file: string) => T) =>
  guard(
    name,
    { nb: `stien til en ${kind}-fil`, en: `the path of a ${kind} file` },
    async (file: string): Promise<T> => {
      const path = requireFile(name, file)
      return parse(await readText(path), path)
    },
  )

/**
 * Reads a capacity file: JSON with places per session by offering id, each a
 * whole number above 0, such as `{ "sandneshallen": 25 }`. Gives a Map (an
 * offering named "constructor" or "__proto__" is just a key). A file that
 * cannot be used gives a one-line `FileError` with the line and JSON pointer.
 * @example
 * const capacity = await readCapacity("kapasitet.json")
 * buildReport(year, { capacity })
 * @category constructors
 */
export const readCapacity: (file: string) => Promise<ReadonlyMap<string, number>> = reader(
  "readCapacity",
  "JSON",
  parseCapacity,
)

/**
 * Reads a service-statistics CSV (see `examples/data/service-statistics-2017-2021.csv`).
 * @example
 * const stats = await readStatistics("examples/data/service-statistics-2017-2021.csv")
 * @category constructors
 */
export const readStatistics: (file: string) => Promise<ServiceStatistics.Statistics> = reader(
  "readStatistics",
  "CSV",
  ServiceStatistics.parse,
)

/**
 * Reads a Recovery College participants CSV.
 * @example
 * const rc = await readRecoveryCollege("examples/data/recovery-college-participants-2019-2021.csv")
 * @category constructors
 */
export const readRecoveryCollege: (file: string) => Promise<RecoveryCollege.Participants> = reader(
  "readRecoveryCollege",
  "CSV",
  RecoveryCollege.parse,
)

/**
 * Reads a population CSV (see `RecoveryCollege.readPopulation`) whole or not
 * at all: throws a DataFileError naming the file, line and field of every
 * problem when any row is rejected.
 * @example
 * const population = await readPopulation("folketall.csv")
 * @category constructors
 */
export const readPopulation = guard(
  "readPopulation",
  { nb: "stien til en CSV-fil", en: "the path of a CSV file" },
  async (file: string): Promise<RecoveryCollege.Population> => {
    const path = requireFile("readPopulation", file)
    return valueOrThrow(RecoveryCollege.readPopulation(await readText(path), path))
  },
)

/**
 * A disclosure-control profile with its numbers as the policy tree gives
 * them on `date` (dated parameters `privacy.strict-min`, `privacy.strict-max`,
 * `privacy.ssb-max-n`, `privacy.rounding-base`), from the tree this package's
 * rules ship unless `dir` names another.
 * @example
 * const profile = loadProfile("ssb", "2024-12-31") // { name: "ssb", maxN: 3 }
 * buildReport(year, { profile })
 * @category constructors
 */
export const loadProfile = guard(
  "loadProfile",
  {
    nb: "et profilnavn (ssb, strict, rounding), en dato ÅÅÅÅ-MM-DD og eventuelt en regelmappe",
    en: "a profile name (ssb, strict, rounding), a date YYYY-MM-DD and optionally a policy folder",
  },
  (name: Profile["name"], date: string, dir?: string): Profile => {
    if (!profileNames.includes(name))
      reject("loadProfile", {
        nb: `profilen må være en av ${profileNames.join(", ")}`,
        en: `the profile must be one of ${profileNames.join(", ")}`,
      })
    let value: (parameter: string) => unknown
    const where = dir ?? "policy"
    try {
      // The parameters are read even when some rule file of the tree has a
      // problem: the profile needs its own files only, and says when one is
      // missing. Case files are never run here, so they are left unread.
      const now = InForce.on(loadTree(dir ?? shippedPolicyDir(), { cases: false }).tree, date)
      value = (parameter) => now.parameters.get(parameter)?.entry.value
    } catch (e) {
      const why = e instanceof Error ? e.message.split("\n")[0]! : typeof e
      throw new FileError(where, {
        nb: `Kunne ikke lese skjermingsprofilen fra regelverket: ${why}`,
        en: `Could not read the disclosure profile from the policy tree: ${why}`,
      })
    }
    try {
      return fromParameters(name, value)
    } catch (e) {
      if (e instanceof AnalyticsError)
        throw new FileError(where, { nb: `${e.text.nb} ${date}`, en: `${e.text.en} on ${date}` })
      throw e
    }
  },
)

/**
 * Audits published files (CSV, JSON or Arrow, possibly from different runs):
 * every count in the small range that they show or give away, with the
 * relation that reveals it (see `Audit`). A file that names no profile (a
 * wide CSV of one table) is audited for the shipped policy's strict range in
 * force today; `Audit.run` takes the widest of it and the files' profiles'
 * ranges, unless `min` and `max` are given. A range that would check nothing
 * is refused with an `Audit.BadRangeError`.
 * @example
 * const { findings } = await auditFiles(["out/report.csv", "out/2024.json"])
 * @category privacy
 */
export const auditFiles = guard(
  "auditFiles",
  { nb: "en liste med filstier og { min?, max? }", en: "a list of file paths and { min?, max? }" },
  async (
    files: ReadonlyArray<string>,
    options: { readonly min?: number; readonly max?: number } = {},
  ): Promise<Audit.Result> => {
    const paths = requireArray("auditFiles", "files", files).map((f) => requireFile("auditFiles", f))
    const sources: Array<Audit.Source> = []
    for (const path of paths) {
      const bytes = await readBytes(path)
      try {
        sources.push(Audit.read(bytes, fileName(path)))
      } catch (e) {
        // A file the audit cannot use is a file error: one line, exit code 2.
        if (e instanceof AnalyticsError) throw new FileError(path, e.text)
        throw e
      }
    }
    // The policy is read only when a file names no profile; Audit.run decides the range from it and the files'.
    if (!sources.some((s) => s.profile === null)) return Audit.run(sources, options)
    return Audit.run(sources, { ...options, unprofiled: asRule(loadProfile("strict", Calendar.today())) })
  },
)

/**
 * The audit of a built report, as it would be published (its JSON: every
 * table of the report and of its plan).
 * @example
 * auditReport(report).findings // []
 * @category privacy
 */
export const auditReport = guard(
  "auditReport",
  { nb: "en rapport fra buildReport", en: "a report from buildReport" },
  (report: Report): Audit.Result => {
    requireReport("auditReport", report)
    return Audit.run([Audit.read(text(report, "json"), "report.json")])
  },
)
