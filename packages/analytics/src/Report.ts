/**
 * The whole report of a municipality-year: every indicator, published with
 * small-cell suppression, written as self-contained HTML, as a Markdown
 * summary and as a console summary.
 *
 * @module
 */
import { type Dataset, Redact } from "@aktivitetsmodell/core"
import { TOTAL } from "./Dimension.js"
import * as EvaluationPlan from "./EvaluationPlan.js"
import { compute, type Indicator } from "./Indicator.js"
import { all as allIndicators, catalogue } from "./indicators/index.js"
import { guard } from "./internal/boundary.js"
import { optionsOf, requireInteger, requireRecord, requireRule, requireString } from "./internal/checks.js"
import { formatMeasure, formatNumber } from "./internal/format.js"
import { displayOrder } from "./internal/order.js"
import { AnalyticsError, bi, type Bilingual, type Lang } from "./internal/text.js"
import * as Labels from "./Labels.js"
import { recoveryCollegeSection, statisticsSection } from "./internal/figures.js"
import * as Html from "./outputs/Html.js"
import * as Markdown from "./outputs/Markdown.js"
import type { Headline, Model, Section } from "./outputs/ReportModel.js"
import { texts } from "./internal/texts.js"
import { barChart, lineChart } from "./outputs/Svg.js"
import { periodText } from "./internal/words.js"
import { assertNone } from "./privacy/Identifiers.js"
import { type Published, publish } from "./privacy/Publish.js"
import { defaultRule, type Rule } from "./privacy/Suppression.js"
import type { Participants, Population } from "./RecoveryCollege.js"
import type { Statistics } from "./ServiceStatistics.js"
import * as Tables from "./Tables.js"

/**
 * Options for {@link buildReport}. `year` defaults to the dataset's;
 * `rule` to counts of 1–4 hidden. `statistics`, `recoveryCollege` and
 * `population` add the yearly service statistics and Recovery College
 * sections; `capacity` gives places per session by offering id (a whole
 * number above 0 each; an object's own keys or a Map).
 * @category models
 */
export interface Options {
  readonly lang?: Lang
  readonly year?: number
  readonly rule?: Rule
  readonly title?: string
  readonly capacity?: Readonly<Record<string, number>> | ReadonlyMap<string, number>
  readonly statistics?: Statistics
  readonly recoveryCollege?: Participants
  readonly population?: Population
}

/**
 * A built report: the HTML document, the Markdown summary, a plain-text
 * summary for a console, the published tables and the plan draft.
 * @category models
 */
export interface Report {
  readonly html: string
  readonly markdown: string
  readonly summary: string
  readonly published: ReadonlyArray<Published>
  readonly plan: EvaluationPlan.Plan
  readonly model: Model
}

const totalRow = (p: Published): Record<string, unknown> | undefined => {
  const rows = p.table.objects() as Array<Record<string, unknown>>
  return p.by.length === 0 ? rows[0] : rows.find((r) => p.by.every((d) => r[d] === TOTAL))
}

// The summary figures: one measure of the key indicators, over everything.
const headlineMeasures: ReadonlyArray<[Indicator, string, Bilingual]> = [
  [catalogue.participation, "participants", bi("Deltakere", "Participants")],
  [catalogue.participation, "sessions", bi("Samlinger", "Sessions")],
  [catalogue.attendanceRate, "rate", bi("Oppmøte", "Attendance")],
  [catalogue.newReturning, "newShare", bi("Andel nye innbyggere", "Share of new citizens")],
  [catalogue.communityTransition, "rate", bi("Overgang til ordinær aktivitet", "Moved on to ordinary activity")],
  [catalogue.completionRate, "rate", bi("Fullført", "Completed")],
  [catalogue.goalAttainment, "rate", bi("Mål nådd (behandling)", "Goal reached (treatment)")],
  [catalogue.referralToStart, "median", bi("Dager fra henvendelse til første samling (median)", "Days from referral to first session (median)")],
  [catalogue.recoveryStart, "median", bi("Dager til aktivitet med Recoveryhjelpa (median)", "Days to an activity with Recoveryhjelpa (median)")],
  [catalogue.orsChange, "improvedRate", bi("Pålitelig bedring i ORS (FIT)", "Reliable improvement in ORS (FIT)")],
  [catalogue.feedbackSummary, "meanRating", bi("Tilbakemeldinger, snitt 1–5", "Feedback, mean 1–5")]
]

const headlines = (sections: ReadonlyArray<Section>, lang: Lang): Array<Headline> =>
  headlineMeasures.flatMap(([indicator, column, label]) => {
    const section = sections.find((s) => s.indicator.id === indicator.id)
    const m = indicator.measures.find((x) => x.column === column)
    if (section === undefined || m === undefined) return []
    const row = totalRow(section.table)
    const hidden = row?.suppressed === "primary" || row?.suppressed === "secondary"
    return [{ label, value: formatMeasure(m, row?.[column], lang, hidden) }]
  })

const charts = (section: Section, lang: Lang): { bars: string; months: string | null } => {
  const { indicator } = section
  const m = indicator.measures.find((x) => x.column === indicator.headline)!
  const fmt = (v: unknown, hidden: boolean) => formatMeasure(m, v, lang, hidden)
  const isShare = m.unit === "share"
  const rows = displayOrder(section.table.table.objects() as Array<Record<string, unknown>>, section.table.by, lang)
  const dim = section.table.by[0]
  const bars = rows
    .filter((r) => dim === undefined || r[dim] !== TOTAL)
    .map((r) => {
      const hidden = r.suppressed === "primary" || r.suppressed === "secondary"
      const v = r[m.column]
      return { label: dim === undefined ? indicator.name[lang] : Labels.value(dim, r[dim], lang), value: hidden || typeof v !== "number" ? null : v, text: fmt(v, hidden) }
    })
  const title = `${indicator.name[lang]}: ${m.label[lang]}`
  const barSvg = barChart(title, bars, { id: `bars-${indicator.id}`, ...(isShare ? { max: 1 } : {}) })
  if (section.monthly === null) return { bars: barSvg, months: null }
  const monthly = (section.monthly.table.objects() as Array<Record<string, unknown>>).filter((r) => r.month !== TOTAL)
  const values = monthly.map((r) => (r.suppressed === "primary" || r.suppressed === "secondary" || typeof r[m.column] !== "number" ? null : (r[m.column] as number)))
  const months = lineChart(
    `${title} (${texts.byMonth[lang].toLowerCase()})`,
    monthly.map((r) => Labels.value("month", r.month, lang).slice(0, 3)),
    [{ name: m.label[lang], values }],
    (v) => fmt(v, false),
    { id: `months-${indicator.id}`, ...(isShare ? { min: 0, max: 1 } : {}) }
  )
  return { bars: barSvg, months }
}

/**
 * Builds the report of a municipality-year: tables from the records, every
 * indicator by its own grouping with totals (and by month where it can be),
 * small-cell suppression, headline figures, charts, the evaluation-plan draft
 * and, when given, the service statistics and Recovery College sections.
 * Throws if any output would contain something that looks like an identifier.
 * @example
 * const report = buildReport(generate({ seed: 1, year: 2024 }), { lang: "nb", year: 2024 })
 * console.log(report.summary)
 * @category outputs
 */
export const buildReport = guard(
  "buildReport",
  bi(
    "et kommuneår (et Dataset fra core) og { lang?, year?, rule?, title?, capacity?, statistics?, recoveryCollege?, population? }",
    "a municipality-year (a core Dataset) and { lang?, year?, rule?, title?, capacity?, statistics?, recoveryCollege?, population? }"
  ),
  (dataset: Dataset.Dataset, options: Options = {}): Report => {
    const name = "buildReport"
    // A copy, so that each option is read once: a getter need not give the same answer twice.
    const o = { ...optionsOf(name, options) }
    const lang = o.lang ?? "nb"
    if (lang !== "nb" && lang !== "en") throw new AnalyticsError(bi(`Ukjent språk ${Redact.show(lang)}; bruk nb eller en`, `Unknown language ${Redact.show(lang)}; use nb or en`))
    const year = requireInteger(name, o.year === undefined ? "dataset.year" : "options.year", o.year ?? requireRecord(name, "the dataset", dataset).year, 1000, 9999)
    const rule = o.rule === undefined ? defaultRule : requireRule(name, o.rule)
    if (o.title !== undefined) requireString(name, "options.title", o.title)
    return build(dataset, o as Options, lang, year, rule)
  }
)

const build = (dataset: Dataset.Dataset, options: Options, lang: Lang, year: number, rule: Rule): Report => {
  const tables = Tables.fromDataset(dataset, {
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    ...(options.capacity === undefined ? {} : { capacity: options.capacity })
  })
  const sections: Array<Section> = allIndicators.map((indicator) => ({
    indicator,
    table: publish(compute(indicator, tables, { margins: true }), { rule }),
    monthly: indicator.dimensions.includes("month") && !indicator.defaultBy.includes("month") ? publish(compute(indicator, tables, { by: ["month"], margins: true }), { rule }) : null
  }))
  const published = sections.flatMap((s) => (s.monthly === null ? [s.table] : [s.table, s.monthly]))
  const plan = EvaluationPlan.draft(tables, { rule })
  const hidden = published.reduce((a, p) => ({ primary: a.primary + p.hidden.primary, secondary: a.secondary + p.hidden.secondary }), { primary: 0, secondary: 0 })
  const model: Model = {
    lang,
    title: options.title ?? `${texts.report[lang]} ${year}`,
    period: tables.period,
    headlines: headlines(sections, lang),
    sections,
    statistics: options.statistics === undefined ? null : statisticsSection(options.statistics, rule, lang),
    recoveryCollege: options.recoveryCollege === undefined ? null : recoveryCollegeSection(options.recoveryCollege, options.population, rule, lang),
    plan,
    rule,
    hidden,
    charts: new Map(sections.map((s) => [s.indicator.id, charts(s, lang)]))
  }
  const html = Html.render(model)
  const markdown = Markdown.render(model)
  const summary = [
    model.title,
    periodText(model.period, lang),
    ...model.headlines.map((h) => `  ${h.label[lang]}: ${h.value}`),
    lang === "nb"
      ? `  Skjermet: ${formatNumber(hidden.primary, lang)} celler med små tall og ${formatNumber(hidden.secondary, lang)} for å hindre tilbakeregning (regel ${rule.min}–${rule.max}).`
      : `  Suppressed: ${formatNumber(hidden.primary, lang)} cells with small counts and ${formatNumber(hidden.secondary, lang)} to prevent working them out (rule ${rule.min}–${rule.max}).`
  ].join("\n")
  assertNone(html, "report.html")
  assertNone(markdown, "report.md")
  assertNone(summary, "summary")
  return { html, markdown, summary, published, plan, model }
}
