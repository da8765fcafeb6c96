/**
 * The whole report of a municipality-year: every indicator, published with
 * small-cell suppression, written as self-contained HTML, as a Markdown
 * summary and as a console summary.
 *
 * @module
 */
import { type Dataset, Policy, Redact } from "@aktivitetsmodell/core"
import { TOTAL } from "./Dimension.js"
import * as EvaluationPlan from "./EvaluationPlan.js"
import { lookup } from "./evaluation/evidence.js"
import type { Indicator, Result } from "./Indicator.js"
import { catalogue } from "./indicators/index.js"
import { guard } from "./internal/boundary.js"
import {
  optionsOf,
  requireArray,
  requireInteger,
  requireRecord,
  requireRule,
  requireString,
} from "./internal/checks.js"
import { recoveryCollegeSection, statisticsSection } from "./internal/figures.js"
import { formatMeasure, formatNumber, notApplicable } from "./internal/format.js"
import { displayRows } from "./internal/order.js"
import { reportResults, sameTable } from "./internal/reportResults.js"
import { AnalyticsError, type Bilingual, type Lang } from "./internal/text.js"
import { texts } from "./internal/texts.js"
import { periodText } from "./internal/words.js"
import * as Labels from "./Labels.js"
import * as Html from "./outputs/Html.js"
import * as Markdown from "./outputs/Markdown.js"
import type { Headline, Model, Section } from "./outputs/ReportModel.js"
import { barChart, lineChart } from "./outputs/Svg.js"
import * as Provenance from "./Provenance.js"
import { assertNone } from "./privacy/Identifiers.js"
import { asRule, label, type Profile, requireProfile, strictFrom } from "./privacy/Profile.js"
import { type Publication, type Published, publishResults } from "./privacy/Publication.js"
import type { Rule } from "./privacy/Suppression.js"
import type { Participants, Population } from "./RecoveryCollege.js"
import type { Statistics } from "./ServiceStatistics.js"
import * as Tables from "./Tables.js"

/**
 * Options for {@link buildReport}. `policy` (required) is the policy the
 * year is read against: FIT thresholds, the department contribution and the
 * default disclosure profile (build it with `InForce.policy(tree)` from
 * `@aktivitetsmodell/rules`). `year` defaults to the dataset's; `profile` to
 * `strict` with the policy's range (`rule` `{ min, max }` is the strict
 * profile, as before). `names` are names (of citizens, of staff) that must appear in no
 * output. `statistics`, `recoveryCollege` and `population` add the yearly
 * service statistics and Recovery College sections; `capacity` gives places
 * per session by offering id (a whole number above 0 each; an object's own
 * keys or a Map). `source`, `synthetic`, `generatedAt` (default: now),
 * `versions` and `policyHash` (`PolicyTree.hash` of the tree the policy came
 * from) are the provenance every output states (see `Provenance`); a
 * synthetic year must say `synthetic: true`, so that every page says so.
 * @category models
 */
export interface Options {
  readonly policy: Policy.Policy
  readonly lang?: Lang
  readonly year?: number
  readonly profile?: Profile
  readonly rule?: Rule
  readonly names?: ReadonlyArray<string>
  readonly title?: string
  readonly capacity?: Readonly<Record<string, number>> | ReadonlyMap<string, number>
  readonly statistics?: Statistics
  readonly recoveryCollege?: Participants
  readonly population?: Population
  readonly source?: string
  readonly synthetic?: boolean
  readonly generatedAt?: Date | string
  readonly versions?: Readonly<Record<string, string>>
  readonly policyHash?: string
}

/**
 * A built report: the HTML document, the Markdown summary, a plain-text
 * summary for a console, every table published together (the report's and
 * the plan's, one publication) and the plan draft.
 * @category models
 */
export interface Report {
  readonly html: string
  readonly markdown: string
  readonly summary: string
  readonly published: ReadonlyArray<Published>
  readonly publication: Publication
  readonly plan: EvaluationPlan.Plan
  readonly model: Model
  readonly provenance: Provenance.Provenance
}

const totalRow = (
  p: Published,
): { row: Record<string, unknown>; states: Readonly<Record<string, string>>; notApplicable: boolean } | undefined => {
  const rows = p.table.objects() as Array<Record<string, unknown>>
  const i = p.by.length === 0 ? 0 : rows.findIndex((r) => p.by.every((d) => r[d] === TOTAL))
  return rows[i] === undefined
    ? undefined
    : { row: rows[i]!, states: p.states[i] ?? {}, notApplicable: p.notApplicable?.[i] === true }
}

// The summary figures: one measure of the key indicators, over everything.
const headlineMeasures: ReadonlyArray<[Indicator, string, Bilingual]> = [
  // Named by definition: other counts of citizens (enrolled, booked) are larger, and a reader compares them.
  [
    catalogue.participation,
    "participants",
    { nb: "Deltakere (møtt minst én gang)", en: "Participants (present at least once)" },
  ],
  [catalogue.participation, "sessions", { nb: "Samlinger", en: "Sessions" }],
  [catalogue.attendanceRate, "rate", { nb: "Oppmøte", en: "Attendance" }],
  [catalogue.newReturning, "newShare", { nb: "Andel nye innbyggere", en: "Share of new citizens" }],
  [
    catalogue.communityTransition,
    "rate",
    { nb: "Overgang til ordinær aktivitet", en: "Moved on to ordinary activity" },
  ],
  [catalogue.completionRate, "rate", { nb: "Fullført", en: "Completed" }],
  [catalogue.goalAttainment, "rate", { nb: "Mål nådd (behandling)", en: "Goal reached (treatment)" }],
  [
    catalogue.referralToStart,
    "median",
    { nb: "Dager fra henvendelse til første samling (median)", en: "Days from referral to first session (median)" },
  ],
  [
    catalogue.recoveryStart,
    "median",
    { nb: "Dager til aktivitet med Recoveryhjelpa (median)", en: "Days to an activity with Recoveryhjelpa (median)" },
  ],
  [
    catalogue.orsChange,
    "improvedRate",
    { nb: "Pålitelig bedring i ORS (FIT)", en: "Reliable improvement in ORS (FIT)" },
  ],
  [catalogue.feedbackSummary, "meanRating", { nb: "Tilbakemeldinger, snitt 1–5", en: "Feedback, mean 1–5" }],
]

const headlines = (sections: ReadonlyArray<Section>, lang: Lang): Array<Headline> =>
  headlineMeasures.flatMap(([indicator, column, label]) => {
    const section = sections.find((s) => s.indicator.id === indicator.id)
    const m = indicator.measures.find((x) => x.column === column)
    if (section === undefined || m === undefined) return []
    const total = totalRow(section.table)
    const hidden = total !== undefined && Object.hasOwn(total.states, column)
    return [
      {
        label,
        value: total?.notApplicable === true ? notApplicable(lang) : formatMeasure(m, total?.row[column], lang, hidden),
      },
    ]
  })

const charts = (section: Section, lang: Lang): { bars: string; months: string | null } => {
  const { indicator } = section
  const m = indicator.measures.find((x) => x.column === indicator.headline)!
  const fmt = (v: unknown, hidden: boolean) => formatMeasure(m, v, lang, hidden)
  const isShare = m.unit === "share"
  const rows = displayRows(section.table, lang)
  const dim = section.table.by[0]
  const bars = rows
    .filter(({ row: r }) => dim === undefined || r[dim] !== TOTAL)
    .map(({ row: r, hidden: isHidden, notApplicable: na }) => {
      const hidden = isHidden(m.column)
      const v = r[m.column]
      return {
        label: dim === undefined ? indicator.name[lang] : Labels.value(dim, r[dim], lang),
        value: hidden || na || typeof v !== "number" ? null : v,
        text: na ? notApplicable(lang) : fmt(v, hidden),
      }
    })
  const title = `${indicator.name[lang]}: ${m.label[lang]}`
  const barSvg = barChart(title, bars, { id: `bars-${indicator.id}`, ...(isShare ? { max: 1 } : {}) })
  if (section.monthly === null) return { bars: barSvg, months: null }
  const monthlyRows = section.monthly.table.objects() as Array<Record<string, unknown>>
  const keep = monthlyRows.flatMap((r, i) => (r.month !== TOTAL ? [i] : []))
  const monthly = keep.map((i) => monthlyRows[i]!)
  const values = keep.map((i) => {
    const r = monthlyRows[i]!
    return Object.hasOwn(section.monthly!.states[i] ?? {}, m.column) || typeof r[m.column] !== "number"
      ? null
      : (r[m.column] as number)
  })
  const months = lineChart(
    `${title} (${texts.byMonth[lang].toLowerCase()})`,
    monthly.map((r) => Labels.value("month", r.month, lang).slice(0, 3)),
    [{ name: m.label[lang], values }],
    (v) => fmt(v, false),
    { id: `months-${indicator.id}`, ...(isShare ? { min: 0, max: 1 } : {}) },
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
    const name = "buildReport"
    // A copy, so that each option is read once: a getter need not give the same answer twice.
    const o = { ...optionsOf(name, options) }
    const lang = o.lang ?? "nb"
    if (lang !== "nb" && lang !== "en")
      throw new AnalyticsError({
        nb: `Ukjent språk ${Redact.show(lang)}; bruk nb eller en`,
        en: `Unknown language ${Redact.show(lang)}; use nb or en`,
      })
    const year = requireInteger(
      name,
      o.year === undefined ? "dataset.year" : "options.year",
      o.year ?? requireRecord(name, "the dataset", dataset).year,
      1000,
      9999,
    )
    const policy = Policy.ensure(name, o.policy)
    const profile: Profile =
      o.profile !== undefined
        ? requireProfile(name, o.profile)
        : o.rule !== undefined
          ? { name: "strict", ...requireRule(name, o.rule) }
          : strictFrom(policy, `${year}-12-31`)
    if (o.title !== undefined) requireString(name, "options.title", o.title)
    const names = o.names === undefined ? [] : requireArray(name, "options.names", o.names)
    if (!names.every((n) => typeof n === "string"))
      throw new AnalyticsError({
        nb: `${name}: options.names må være en liste med tekster`,
        en: `${name}: options.names must be a list of texts`,
      })
    return build(dataset, { ...(o as unknown as Options), policy }, lang, year, profile, names as ReadonlyArray<string>)
  },
)

const build = (
  dataset: Dataset.Dataset,
  options: Options,
  lang: Lang,
  year: number,
  profile: Profile,
  names: ReadonlyArray<string>,
): Report => {
  const tables = Tables.fromDataset(dataset, {
    policy: options.policy,
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    ...(options.capacity === undefined ? {} : { capacity: options.capacity }),
  })
  // Every table the report and its plan show, published together as one system.
  const { own, results } = reportResults(tables)
  const publication = publishResults(results, { profile, tables })
  const at = (r: Result) => publication.tables[results.findIndex((x) => sameTable(x, r))]!
  const sections: Array<Section> = own.map((s) => ({
    indicator: s.indicator,
    table: at(s.table),
    monthly: s.monthly === null ? null : at(s.monthly),
  }))
  const shownInSections = sections.flatMap((s) => (s.monthly === null ? [s.table] : [s.table, s.monthly]))
  const plan = EvaluationPlan.draftFrom(tables, lookup(publication.tables), profile)
  const hidden = shownInSections.reduce(
    (a, p) => ({ primary: a.primary + p.hidden.primary, secondary: a.secondary + p.hidden.secondary }),
    { primary: 0, secondary: 0 },
  )
  const provenance = Provenance.make(tables.period, {
    ...(options.source === undefined ? {} : { source: options.source }),
    ...(options.synthetic === undefined ? {} : { synthetic: options.synthetic }),
    ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
    ...(options.versions === undefined ? {} : { versions: options.versions }),
    ...(options.policyHash === undefined ? {} : { policyHash: options.policyHash }),
  })
  const model: Model = {
    lang,
    title: options.title ?? `${texts.report[lang]} ${year}`,
    period: tables.period,
    headlines: headlines(sections, lang),
    sections,
    statistics: options.statistics === undefined ? null : statisticsSection(options.statistics, profile, lang),
    recoveryCollege:
      options.recoveryCollege === undefined
        ? null
        : recoveryCollegeSection(options.recoveryCollege, options.population, profile, lang),
    plan,
    rule: asRule(profile),
    profile,
    hidden,
    charts: new Map(sections.map((s) => [s.indicator.id, charts(s, lang)])),
    provenance,
  }
  const html = Html.render(model)
  const markdown = Markdown.render(model)
  const summary = [
    model.title,
    periodText(model.period, lang),
    ...(provenance.synthetic ? [Provenance.syntheticNotice[lang]] : []),
    ...model.headlines.map((h) => `  ${h.label[lang]}: ${h.value}`),
    lang === "nb"
      ? `  Skjermet: ${formatNumber(hidden.primary, lang)} celler med små tall og ${formatNumber(hidden.secondary, lang)} for å hindre tilbakeregning (profil ${label(profile)}).`
      : `  Suppressed: ${formatNumber(hidden.primary, lang)} cells with small counts and ${formatNumber(hidden.secondary, lang)} to prevent working them out (profile ${label(profile)}).`,
    Provenance.line(provenance, lang),
  ].join("\n")
  const guardOptions = { names }
  assertNone(html, "report.html", guardOptions)
  assertNone(markdown, "report.md", guardOptions)
  assertNone(summary, "summary", guardOptions)
  assertNone(EvaluationPlan.toCsv(plan, lang), "evalueringsplan.csv", guardOptions)
  return { html, markdown, summary, published: publication.tables, publication, plan, model, provenance }
}
