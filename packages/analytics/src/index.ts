/**
 * @aktivitetsmodell/analytics — evaluation indicators of Sandnes
 * Mestringsenheten's activity model (2023) computed with arquero, small-cell
 * suppression for publishing, service statistics, an evaluation-plan draft
 * and self-contained reports. Browser-safe: file writing and the CLI live in
 * `@aktivitetsmodell/analytics/node`. Every function throws an
 * {@link AnalyticsError} (in English and bokmål, redacted) when it cannot use
 * what it was given.
 *
 * @example
 * import { Indicator, Indicators, Tables } from "@aktivitetsmodell/analytics"
 * const tables = Tables.fromDataset(year)
 * Indicator.compute(Indicators.catalogue.attendanceRate, tables, { by: ["offering"] }).table.print()
 *
 * @module
 */
export * as Dimension from "./Dimension.js"
export * as EvaluationPlan from "./EvaluationPlan.js"
export * as Format from "./Format.js"
export * as Indicator from "./Indicator.js"
export * as Indicators from "./indicators/index.js"
export { AnalyticsError, FileError } from "./internal/text.js"
export * as Labels from "./Labels.js"
export * as Export from "./outputs/Export.js"
export * as Html from "./outputs/Html.js"
export * as Markdown from "./outputs/Markdown.js"
export * as Rejected from "./outputs/Rejected.js"
export * as ReportModel from "./outputs/ReportModel.js"
export * as Svg from "./outputs/Svg.js"
export * as Provenance from "./Provenance.js"
export * as Audit from "./privacy/Audit.js"
export * as Identifiers from "./privacy/Identifiers.js"
export * as Measures from "./privacy/Measures.js"
export * as Profile from "./privacy/Profile.js"
export * as Publish from "./privacy/Publish.js"
export * as Suppression from "./privacy/Suppression.js"
export * as Themes from "./privacy/Themes.js"
export * as Query from "./query/index.js"
export * as RecoveryCollege from "./RecoveryCollege.js"
export * as Report from "./Report.js"
export { buildReport } from "./Report.js"
export * as ServiceStatistics from "./ServiceStatistics.js"
export * as Tables from "./Tables.js"
