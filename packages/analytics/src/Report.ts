/**
 * The whole report of a municipality-year: every indicator, published with
 * small-cell suppression, written as self-contained HTML, as a Markdown
 * summary and as a console summary.
 *
 * @module
 */
import type { Dataset } from "@aktivitetsmodell/core"
import { guard } from "./internal/boundary.js"
import { reportFromTables, tablesFor } from "./internal/reportBuild.js"
import { checkReportOptions } from "./internal/reportOptions.js"
import type { Options, Report } from "./internal/reportTypes.js"

export type { MissingInput } from "./internal/indicatorInputs.js"
export type { Options, Report } from "./internal/reportTypes.js"

/**
 * Builds the report of a municipality-year: tables from the records, every
 * indicator by its own grouping with totals (and by month where it can be),
 * small-cell suppression, headline figures, charts, the evaluation-plan draft
 * and, when given, the service statistics and Recovery College sections.
 * Throws if any output would contain something that looks like an identifier.
 * @example
 * const policy = InForce.policy(tree)
 * const report = buildReport(generate({ policy, seed: 1, year: 2024 }), { policy, lang: "nb", year: 2024 })
 * console.log(report.summary)
 * @category outputs
 */
export const buildReport = guard(
  "buildReport",
  {
    nb: "et kommuneår (et Dataset fra core) og { policy, lang?, year?, profile?, rule?, names?, title?, capacity?, statistics?, recoveryCollege?, population?, source?, synthetic?, generatedAt?, versions?, policyHash? }",
    en: "a municipality-year (a core Dataset) and { policy, lang?, year?, profile?, rule?, names?, title?, capacity?, statistics?, recoveryCollege?, population?, source?, synthetic?, generatedAt?, versions?, policyHash? }",
  },
  (dataset: Dataset.Dataset, options: Options): Report => {
    const checked = checkReportOptions("buildReport", dataset, options)
    return reportFromTables(tablesFor(dataset, checked), checked)
  },
)
