// What the evaluation-plan draft knows about each offering and about the
// model-wide measures, taken from published (suppressed) indicator tables so
// that the draft never shows a figure a report would hide.
import { desc, op } from "arquero"
import type { Dimension } from "../Dimension.js"
import { compute, type Indicator, type Result } from "../Indicator.js"
import { catalogue } from "../indicators/index.js"
import { monthsBetween } from "../internal/dates.js"
import { num as numberLiteral } from "../internal/expr.js"
import { formatNumber, formatShare } from "../internal/format.js"
import { dayWithin } from "../internal/group.js"
import type { Grouping } from "../internal/groupings.js"
import { AnalyticsError, type Bilingual, type Lang } from "../internal/text.js"
import { type Profile, smallRange } from "../privacy/Profile.js"
import type { Published } from "../privacy/Publication.js"
import type { Tables } from "../tables/types.js"
import type { Continue, Row } from "./plan.js"

/** The evidence about one offering; null where unknown or suppressed. */
export interface Evidence {
  readonly id: string
  readonly name: Bilingual
  readonly who: Bilingual
  readonly active: boolean
  readonly participants: number | null
  readonly sessions: number
  readonly attendance: number | null
  readonly trend: number | null
  readonly transition: number | null
  readonly feedback: number | null
  readonly responses: number | null
  readonly themes: ReadonlyArray<string>
  readonly use: number | null
}

type Values = Record<string, unknown>
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null)

/** A published table of the plan's publication, by indicator and grouping. */
export type Shown = (indicator: Indicator, by: ReadonlyArray<Dimension>) => Published

/**
 * The tables the plan reads, each with totals: five indicators by offering
 * and involvement by category. A report publishes them with its own tables,
 * as one publication, so that the plan shows nothing the report hides.
 */
export const planGroupings: ReadonlyArray<Grouping> = [
  ...[
    catalogue.participation,
    catalogue.attendanceRate,
    catalogue.communityTransition,
    catalogue.feedbackSummary,
    catalogue.capacityUse,
  ].map((indicator) => ({ indicator, by: ["offering"] as const, margins: true })),
  { indicator: catalogue.involvement, by: ["category"], margins: true },
]

/** The plan's tables of {@link planGroupings}, computed. */
export const planResults = (tables: Tables): Array<Result> =>
  planGroupings.map((g) => compute(g.indicator, tables, { by: g.by, margins: g.margins }))

// What the evidence computes beside the published tables: attendances by
// offering and month (for the trend) and the department contributions.
const monthlyParticipation: Grouping = {
  indicator: catalogue.participation,
  by: ["offering", "month"],
  margins: false,
}
const contributions: Grouping = {
  indicator: catalogue.departmentContributions,
  by: catalogue.departmentContributions.defaultBy,
  margins: false,
}

/** The indicator tables the evidence computes from the tables (not from the publication). */
export const evidenceGroupings: ReadonlyArray<Grouping> = [monthlyParticipation, contributions]

const computed = (tables: Tables, g: Grouping): Array<Values> =>
  compute(g.indicator, tables, { by: g.by, margins: g.margins }).table.objects() as Array<Values>

/** A lookup into a publication's tables by indicator and grouping. */
export const lookup =
  (published: ReadonlyArray<Published>): Shown =>
  (indicator, by) => {
    const found = published.find(
      (p) => p.indicator.id === indicator.id && p.by.length === by.length && p.by.every((d, i) => d === by[i]),
    )
    if (found === undefined)
      throw new AnalyticsError({
        nb: `Publiseringen mangler ${indicator.id} etter [${by.join(", ")}]`,
        en: `The publication lacks ${indicator.id} by [${by.join(", ")}]`,
      })
    return found
  }

const byOffering = (shown: Shown, indicator: Indicator): Map<string, Values> =>
  new Map((shown(indicator, ["offering"]).table.objects() as Array<Values>).map((r) => [String(r.offering), r]))

const whoRuns = (
  team: string,
  department: string,
  partners: string,
  departmentName: Bilingual | undefined,
): Bilingual => {
  const base =
    team === "activity-team"
      ? { nb: "Aktivitetsteamet (RPHA)", en: "The activity team (RPHA)" }
      : { nb: `Avdeling ${departmentName?.nb ?? department}`, en: `Department ${departmentName?.en ?? department}` }
  const extra = partners.split(",").filter((p) => p !== "")
  const nb = extra.map((p) =>
    p === "students" ? "studenter" : p === "blue-cross" ? "Blå Kors" : "erfaringskonsulenter",
  )
  const en = extra.map((p) =>
    p === "students" ? "students" : p === "blue-cross" ? "Blue Cross" : "peer-support workers",
  )
  return extra.length === 0
    ? base
    : { nb: `${base.nb} med ${nb.join(" og ")}`, en: `${base.en} with ${en.join(" and ")}` }
}

/** Evidence for every offering that was not discontinued, and the model-wide rows. */
export const evidence = (
  tables: Tables,
  shown: Shown,
  profile: Profile,
): { offerings: Array<Evidence>; model: Array<Row> } => {
  const participation = byOffering(shown, catalogue.participation)
  const attendance = byOffering(shown, catalogue.attendanceRate)
  const transition = byOffering(shown, catalogue.communityTransition)
  const feedback = byOffering(shown, catalogue.feedbackSummary)
  const capacity = byOffering(shown, catalogue.capacityUse)
  const [, max] = smallRange(profile)

  // Trend: attendances in the second half of the period against the first.
  const months = monthsBetween(tables.days.from, tables.days.to)
  const firstHalf = new Set(months.slice(0, Math.ceil(months.length / 2)))
  const monthly = computed(tables, monthlyParticipation)
  const halves = new Map<string, [number, number]>()
  for (const r of monthly) {
    const h = halves.get(String(r.offering)) ?? [0, 0]
    h[firstHalf.has(String(r.month)) ? 0 : 1] += num(r.attendances) ?? 0
    halves.set(String(r.offering), h)
  }

  // Themes (codes of the closed list, "other" for free text) named by more
  // people than the profile hides: naming one says its count is not small.
  const { from, to } = tables.days
  const themeRows = tables.feedback
    .filter(`d => ${dayWithin("day", from, to)}`)
    .groupby("offering", "theme")
    .rollup({ n: op.count() })
    .filter(`d => d.n > ${numberLiteral(max)}`)
    .orderby("offering", desc("n"), "theme")
    .objects() as Array<Values>
  const themes = new Map<string, Array<string>>()
  for (const r of themeRows)
    themes.set(String(r.offering), [...(themes.get(String(r.offering)) ?? []), String(r.theme)].slice(0, 2))

  const departments = new Map(
    (tables.departments.objects() as Array<Values>).map((d) => [
      String(d.department),
      { nb: String(d.name), en: String(d.nameEn) },
    ]),
  )
  const offerings = (tables.offerings.objects() as Array<Values>)
    .filter((o) => o.status !== "discontinued")
    .map((o): Evidence => {
      const id = String(o.offering)
      const p = participation.get(id)
      const [h1, h2] = halves.get(id) ?? [0, 0]
      const participants = p === undefined ? 0 : num(p.participants)
      return {
        id,
        name: { nb: String(o.name), en: String(o.nameEn) },
        who: whoRuns(String(o.team), String(o.department), String(o.partners), departments.get(String(o.department))),
        active: p !== undefined && (num(p.sessions) ?? 0) + (participants ?? 1) > 0,
        participants,
        sessions: num(p?.sessions) ?? 0,
        attendance: num(attendance.get(id)?.rate),
        trend: participants !== null && h1 >= 10 ? (h2 - h1) / h1 : null,
        transition: num(transition.get(id)?.rate),
        feedback: num(feedback.get(id)?.meanRating),
        responses: num(feedback.get(id)?.responses),
        themes: themes.get(id) ?? [],
        use: num(capacity.get(id)?.use),
      }
    })
  return { offerings, model: modelRows(tables, shown) }
}

const percent = (v: number, lang: Lang) => `${formatNumber(v, lang, 1)}${lang === "nb" ? "\u00a0%" : "%"}`

// The measures of the model as a whole: contributions, the student programme, volunteering.
const modelRows = (tables: Tables, shown: Shown): Array<Row> => {
  const contributionRows = computed(tables, contributions)
  const names = new Map(
    (tables.departments.objects() as Array<Values>).map((d) => [
      String(d.department),
      { nb: String(d.name), en: String(d.nameEn) },
    ]),
  )
  const short = contributionRows.filter((c) => (num(c.gap) ?? 0) < -0.05)
  const list = (lang: Lang) =>
    contributionRows
      .map(
        (c) =>
          `${names.get(String(c.department))?.[lang] ?? String(c.department)} ${percent(num(c.percent) ?? 0, lang)}`,
      )
      .join(", ")
  const required = tables.requiredContributionPercent
  const involvement = shown(catalogue.involvement, ["category"]).table.objects() as Array<Values>
  const everyday = involvement.find((r) => r.category === "everyday")
  const participation = involvement.find((r) => r.category === "participation")
  const studentShare = num(everyday?.studentShare)
  const volunteerShare = num(participation?.volunteerShare)
  const shareText = (v: number | null, lang: Lang) =>
    v === null ? (lang === "nb" ? "ingen samlinger registrert" : "no sessions recorded") : formatShare(v, lang)
  const row = (id: string, measure: Bilingual, assessment: Bilingual, answer: Continue, who: Bilingual): Row => ({
    id,
    measure,
    assessment,
    continue: answer,
    who,
  })
  return [
    row(
      "department-contributions",
      { nb: `Avdelingenes bidrag (${required} %)`, en: `Department contributions (${required} %)` },
      {
        nb: `Bidrag i perioden: ${list("nb")}; krav ${required} % hver.`,
        en: `Contributions in the period: ${list("en")}; ${required} % required of each.`,
      },
      short.length === 0 ? "yes" : "uncertain",
      { nb: "Utvida ledergruppe", en: "The extended leadership group" },
    ),
    row(
      "student-programme",
      { nb: "Studentprogrammet i hverdagsaktivitetene", en: "The student programme in everyday activities" },
      {
        nb: `Andel hverdagssamlinger med studenter: ${shareText(studentShare, "nb")}.`,
        en: `Share of everyday sessions with students: ${shareText(studentShare, "en")}.`,
      },
      studentShare !== null && studentShare >= 0.5 ? "yes" : "uncertain",
      { nb: "Aktivitetsteamet og studentprogrammet", en: "The activity team and the student programme" },
    ),
    row(
      "volunteering",
      { nb: "Frivillighet (Inkludert med Blå Kors)", en: "Volunteering (Inkludert with Blue Cross)" },
      {
        nb: `Andel samlinger i «deltagende i samfunnet» med tidgivere: ${shareText(volunteerShare, "nb")}.`,
        en: `Share of participation sessions with time-givers: ${shareText(volunteerShare, "en")}.`,
      },
      volunteerShare !== null && volunteerShare > 0 ? "yes" : "uncertain",
      { nb: "Aktivitetsteamet og Blå Kors", en: "The activity team and Blue Cross" },
    ),
  ]
}
