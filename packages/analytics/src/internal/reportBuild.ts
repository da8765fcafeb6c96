// Builds a report from a year's tables: every indicator published together,
// the headlines, the charts, the plan draft and the outputs. Report.ts checks
// the options and gives it tables built from a dataset; the DuckDB entry gives
// it tables whose indicators DuckDB computed.
import type { Dataset } from "@aktivitetsmodell/core"
import { TOTAL } from "../Dimension.js"
import * as EvaluationPlan from "../EvaluationPlan.js"
import { lookup } from "../evaluation/evidence.js"
import type { Indicator, Result } from "../Indicator.js"
import { catalogue } from "../indicators/index.js"
import * as Labels from "../Labels.js"
import * as Html from "../outputs/Html.js"
import * as Markdown from "../outputs/Markdown.js"
import type { Headline, Model, Section } from "../outputs/ReportModel.js"
import { barChart, lineChart } from "../outputs/Svg.js"
import * as Provenance from "../Provenance.js"
import { assertNone } from "../privacy/Identifiers.js"
import { asRule, label } from "../privacy/Profile.js"
import { type Publication, type Published, publishResults } from "../privacy/Publication.js"
import { fromDataset } from "../Tables.js"
import type { Tables } from "../tables/types.js"
import { blankPublished } from "./blankPublished.js"
import { recoveryCollegeSection, statisticsSection } from "./figures.js"
import { formatMeasure, formatNumber, notApplicable } from "./format.js"
import { type MissingInput, missingReason } from "./indicatorInputs.js"
import { displayRows } from "./order.js"
import type { Checked } from "./reportOptions.js"
import { reportResults, sameTable } from "./reportResults.js"
import type { Report } from "./reportTypes.js"
import type { Bilingual, Lang } from "./text.js"
import { texts } from "./texts.js"
import { periodText } from "./words.js"

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

// The publication with every table whose indicator counts records that could not be read blanked.
const withoutUnread = (publication: Publication, missing: ReadonlyArray<MissingInput>): Publication => {
  if (missing.length === 0) return publication
  const tables = publication.tables.map((p) =>
    missingReason(p.indicator, missing) === undefined ? p : blankPublished(p),
  )
  const hidden = tables.reduce(
    (a, p) => ({ primary: a.primary + p.hidden.primary, secondary: a.secondary + p.hidden.secondary }),
    { primary: 0, secondary: 0 },
  )
  return { ...publication, tables, hidden }
}

/** The report's tables of a dataset: the year, the policy and the capacities of the options. */
export const tablesFor = (dataset: Dataset.Dataset, { options, year }: Checked): Tables =>
  fromDataset(dataset, {
    policy: options.policy,
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    ...(options.capacity === undefined ? {} : { capacity: options.capacity }),
  })

/**
 * The report of a year's tables. Tables that carry precomputed indicator
 * tables (internal/resultSource.ts) are reported from those.
 */
export const reportFromTables = (tables: Tables, checked: Checked): Report => {
  const { options, lang, year, profile, names, missing } = checked
  // Every table the report and its plan show, published together as one system.
  const { own, results } = reportResults(tables)
  const publication = withoutUnread(publishResults(results, { profile, tables }), missing)
  const at = (r: Result) => publication.tables[results.findIndex((x) => sameTable(x, r))]!
  const sections: Array<Section> = own.map((s) => {
    const why = missingReason(s.indicator, missing)
    return {
      indicator: s.indicator,
      table: at(s.table),
      monthly: s.monthly === null ? null : at(s.monthly),
      ...(why === undefined ? {} : { missing: why }),
    }
  })
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
    ...sections.flatMap((s) => (s.missing === undefined ? [] : [`  ${s.indicator.name[lang]}: ${s.missing[lang]}`])),
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
