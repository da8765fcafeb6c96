/**
 * A draft evaluation plan in the shape of Evaluerings- og videreføringsplan for erfaringer gjort i prosjektet Optimist (NAV Trysil's plan for
 * "Optimist", line 7: "Aktivitet/tiltak | Vurdering | Videreføres? | Hvem?"):
 * one row per offering and per model-wide measure, with an assessment drawn
 * from the indicators and the feedback, a suggestion whether to continue, and
 * who is responsible. People edit the draft; `parse` reads the edited file.
 *
 * @module
 */

import { Redact } from "@aktivitetsmodell/core"
import { type Evidence, evidence, lookup, planResults, type Shown } from "./evaluation/evidence.js"
import type { Continue, Plan, Row } from "./evaluation/plan.js"
import { guard } from "./internal/boundary.js"
import {
  isRecord,
  optionsOf,
  reject,
  requireLang,
  requireRecord,
  requireRule,
  requireString,
} from "./internal/checks.js"
import { type CsvRecord, csvField } from "./internal/csv.js"
import { type Outcome, outcome, readRows, wrongWidth } from "./internal/dataRows.js"
import { formatNumber, formatShare } from "./internal/format.js"
import { escapeMarkdown } from "./internal/markdown.js"
import { requirePlan } from "./internal/planShape.js"
import { requireTables } from "./internal/shapes.js"
import { type Bilingual, type Lang, quoted } from "./internal/text.js"
import { type Problem, type ReadResult, valueOrThrow } from "./internal/yearTable.js"
import { type Provenance, columns as provenanceColumns } from "./Provenance.js"
import { type Profile, requireProfile, strictFrom } from "./privacy/Profile.js"
import { publishResults } from "./privacy/Publication.js"
import type { Rule } from "./privacy/Suppression.js"
import { label as themeLabel } from "./privacy/Themes.js"
import type { Tables } from "./tables/types.js"

export type { Continue, Plan, Row } from "./evaluation/plan.js"
export type { Problem, ReadResult }

/**
 * The labels of each answer.
 * @example
 * EvaluationPlan.continueLabels["if-capacity"].nb // "Ja, hvis kapasitet"
 * @category models
 */
export const continueLabels: Readonly<Record<Continue, Bilingual>> = {
  yes: { nb: "Ja", en: "Yes" },
  no: { nb: "Nei", en: "No" },
  uncertain: { nb: "Usikker", en: "Uncertain" },
  "if-capacity": { nb: "Ja, hvis kapasitet", en: "Yes, if capacity allows" },
}

/**
 * The column headings, after Evaluerings- og videreføringsplan for erfaringer gjort i prosjektet Optimist line 7.
 * @example
 * EvaluationPlan.headings.continue.nb // "Videreføres?"
 * @category models
 */
export const headings: Readonly<Record<"measure" | "assessment" | "continue" | "who", Bilingual>> = {
  measure: { nb: "Aktivitet/tiltak", en: "Activity/measure" },
  assessment: { nb: "Vurdering", en: "Assessment" },
  continue: { nb: "Videreføres?", en: "Continue?" },
  who: { nb: "Hvem?", en: "Who?" },
}

/**
 * The draft's suggestion for an offering, from its evidence:
 * - nothing happened in the period → uncertain;
 * - attendances fell by 30 % or more from the first to the second half of the
 *   period and attendance is below 60 % or feedback below 3 of 5 → no;
 * - any one of those signs, or too few participants to show → uncertain;
 * - capacity used 90 % or more → yes, if capacity allows (it is full);
 * - otherwise → yes.
 * @example
 * EvaluationPlan.suggest({ active: true, participants: 40, trend: 0.1, attendance: 0.8, feedback: 4.2, use: 0.5 }) // "yes"
 * @category outputs
 */
export const suggest = guard(
  "EvaluationPlan.suggest",
  {
    nb: "{ active, participants, trend, attendance, feedback, use } med tall eller null",
    en: "{ active, participants, trend, attendance, feedback, use } with numbers or null",
  },
  (e: Pick<Evidence, "active" | "participants" | "trend" | "attendance" | "feedback" | "use">): Continue => {
    const r = requireRecord("EvaluationPlan.suggest", "the evidence", e)
    // A text where a number belongs would compare false and suggest "yes".
    const numeric = ["participants", "trend", "attendance", "feedback", "use"].every(
      (k) => r[k] === null || (typeof r[k] === "number" && Number.isFinite(r[k])),
    )
    if (typeof r.active !== "boolean" || !numeric) {
      reject("EvaluationPlan.suggest", {
        nb: "active må være true eller false, og de andre feltene endelige tall eller null",
        en: "active must be true or false, and the other fields finite numbers or null",
      })
    }
    return suggestChecked(e)
  },
)

// The change in attendances from the first half of the period to the second that
// counts as a sign: the suggestion reads it, and the plan names only this band.
const trendStep = 0.3

const suggestChecked = (
  e: Pick<Evidence, "active" | "participants" | "trend" | "attendance" | "feedback" | "use">,
): Continue => {
  if (!e.active) return "uncertain"
  const falling = e.trend !== null && e.trend <= -trendStep
  const weak = (e.attendance !== null && e.attendance < 0.6) || (e.feedback !== null && e.feedback < 3)
  if (falling && weak) return "no"
  if (falling || weak || e.participants === null) return "uncertain"
  if (e.use !== null && e.use >= 0.9) return "if-capacity"
  return "yes"
}

const sentence = (e: Evidence, lang: Lang): string => {
  if (!e.active) return lang === "nb" ? "Ingen registrert aktivitet i perioden." : "No activity recorded in the period."
  const parts: Array<string> = []
  const n = (v: number) => formatNumber(v, lang)
  const who =
    e.participants === null
      ? lang === "nb"
        ? "Antall deltakere er skjermet"
        : "The number of participants is suppressed"
      : lang === "nb"
        ? `${n(e.participants)} deltakere`
        : `${n(e.participants)} participants`
  const sessions = lang === "nb" ? `${n(e.sessions)} samlinger` : `${n(e.sessions)} sessions`
  parts.push(
    `${who}, ${sessions}${e.attendance === null ? "" : lang === "nb" ? `; oppmøte ${formatShare(e.attendance, lang)}` : `; attendance ${formatShare(e.attendance, lang)}`}.`,
  )
  // The halves are not published, and the period's attendances are: an exact change
  // would give both halves, a small one among them. The sentence names only the band.
  if (e.trend !== null) {
    const step = formatShare(trendStep, lang)
    parts.push(
      e.trend <= -trendStep
        ? lang === "nb"
          ? `Oppmøtene falt med ${step} eller mer fra første til andre halvdel av perioden.`
          : `Attendances fell by ${step} or more from the first to the second half of the period.`
        : e.trend >= trendStep
          ? lang === "nb"
            ? `Oppmøtene økte med ${step} eller mer fra første til andre halvdel av perioden.`
            : `Attendances rose by ${step} or more from the first to the second half of the period.`
          : lang === "nb"
            ? `Oppmøtene endret seg med mindre enn ${step} fra første til andre halvdel av perioden.`
            : `Attendances changed by less than ${step} from the first to the second half of the period.`,
    )
  }
  if (e.transition !== null) {
    parts.push(
      lang === "nb"
        ? `${formatShare(e.transition, lang)} gikk over til ordinære tilbud.`
        : `${formatShare(e.transition, lang)} moved on to ordinary offerings.`,
    )
  }
  if (e.feedback !== null && e.responses !== null) {
    const m = formatNumber(e.feedback, lang, 1)
    parts.push(
      lang === "nb"
        ? `Tilbakemeldinger: snitt ${m} av 5 (${n(e.responses)} svar).`
        : `Feedback: mean ${m} of 5 (${n(e.responses)} responses).`,
    )
  }
  const themes = e.themes.map((t) => themeLabel(t, lang))
  if (themes.length > 0) parts.push(lang === "nb" ? `Tema: ${themes.join(", ")}.` : `Themes: ${themes.join(", ")}.`)
  if (e.use !== null)
    parts.push(
      lang === "nb"
        ? `Kapasitet utnyttet: ${formatShare(e.use, lang)}.`
        : `Capacity used: ${formatShare(e.use, lang)}.`,
    )
  return parts.join(" ")
}

/**
 * Drafts a plan from the period's indicators: one row per offering that was
 * not discontinued, then the department contributions, the student programme
 * and volunteering. Every figure in it is a published figure: the tables it
 * reads are published together, with the profile (default: counts of 1–4
 * hidden; `rule` `{ min, max }` is the strict profile). Themes are codes of
 * the closed list (`Themes`), named only when more people gave them than the
 * profile hides.
 * @example
 * const plan = EvaluationPlan.draft(Tables.fromDataset(year, { policy }))
 * EvaluationPlan.toMarkdown(plan, "nb")
 * @category outputs
 */
export const draft = guard(
  "EvaluationPlan.draft",
  {
    nb: "tabeller fra Tables.fromDataset og { profile?, rule? }",
    en: "tables from Tables.fromDataset and { profile?, rule? }",
  },
  (tables: Tables, options: { readonly rule?: Rule; readonly profile?: Profile } = {}): Plan => {
    const name = "EvaluationPlan.draft"
    requireTables(name, tables)
    const o = optionsOf(name, options)
    const profile: Profile =
      o.profile !== undefined
        ? requireProfile(name, o.profile)
        : o.rule !== undefined
          ? { name: "strict", ...requireRule(name, o.rule) }
          : strictFrom(tables.policy, tables.period.to)
    const publication = publishResults(planResults(tables), { profile, tables })
    return draftFrom(tables, lookup(publication.tables), profile)
  },
)

/**
 * The plan from a publication that already holds the plan's tables (a
 * report's): `shown` finds a published table by indicator and grouping.
 * @example
 * EvaluationPlan.draftFrom(tables, (indicator, by) => report.published.find((p) => p.indicator.id === indicator.id && p.by.join() === by.join())!, profile)
 * @category outputs
 */
export const draftFrom = guard(
  "EvaluationPlan.draftFrom",
  {
    nb: "tabeller, et oppslag i publiserte tabeller og en profil",
    en: "tables, a lookup of published tables and a profile",
  },
  (tables: Tables, shown: Shown, given: Profile): Plan => {
    requireTables("EvaluationPlan.draftFrom", tables)
    if (typeof shown !== "function")
      reject("EvaluationPlan.draftFrom", { nb: "shown må være en funksjon", en: "shown must be a function" })
    const profile = requireProfile("EvaluationPlan.draftFrom", given)
    const { offerings, model } = evidence(tables, shown, profile)
    const rows: Array<Row> = offerings.map((e) => ({
      id: e.id,
      measure: e.name,
      assessment: { nb: sentence(e, "nb"), en: sentence(e, "en") },
      continue: suggestChecked(e),
      who: e.who,
    }))
    return { period: tables.period, rows: [...rows, ...model] }
  },
)

/**
 * The plan as CSV in one language, columns as «Evaluerings- og
 * videreføringsplan for erfaringer gjort i prosjektet Optimist» plus `id`;
 * with a report's provenance, every row also says where its figures come
 * from (data source, synthetic or not, generation time, versions, policy).
 * @example
 * EvaluationPlan.toCsv(plan, "nb").split("\n")[0] // "Aktivitet/tiltak,Vurdering,Videreføres?,Hvem?,id"
 * @category outputs
 */
export const toCsv = guard(
  "EvaluationPlan.toCsv",
  {
    nb: "en plan, et språk (nb eller en) og eventuelt en proveniens",
    en: "a plan, a language (nb or en) and optionally a provenance",
  },
  (given: Plan, lang: Lang, provenance?: Provenance): string => {
    const plan = requirePlan("EvaluationPlan.toCsv", given)
    requireLang("EvaluationPlan.toCsv", lang)
    const about = provenance === undefined ? [] : Object.entries(provenanceColumns(provenance))
    return `${[
      [
        headings.measure[lang],
        headings.assessment[lang],
        headings.continue[lang],
        headings.who[lang],
        "id",
        ...about.map(([k]) => k),
      ]
        .map(csvField)
        .join(","),
      ...plan.rows.map((r) =>
        [
          r.measure[lang],
          r.assessment[lang],
          continueLabels[r.continue][lang],
          r.who[lang],
          r.id,
          ...about.map(([, v]) => (v === null ? "" : String(v))),
        ]
          .map(csvField)
          .join(","),
      ),
    ].join("\n")}\n`
  },
)

const cell = escapeMarkdown

/**
 * The plan as a Markdown table in one language.
 * @example
 * EvaluationPlan.toMarkdown(plan, "en")
 * @category outputs
 */
export const toMarkdown = guard(
  "EvaluationPlan.toMarkdown",
  { nb: "en plan og et språk (nb eller en)", en: "a plan and a language (nb or en)" },
  (given: Plan, lang: Lang): string => {
    const plan = requirePlan("EvaluationPlan.toMarkdown", given)
    requireLang("EvaluationPlan.toMarkdown", lang)
    return `${[
      `| ${[headings.measure, headings.assessment, headings.continue, headings.who].map((h) => cell(h[lang])).join(" | ")} |`,
      "|---|---|---|---|",
      ...plan.rows.map(
        (r) =>
          `| ${[r.measure[lang], r.assessment[lang], continueLabels[r.continue][lang], r.who[lang]].map(cell).join(" | ")} |`,
      ),
    ].join("\n")}\n`
  },
)

// The column of each heading, in bokmål or English, any case.
interface PlanHeader {
  readonly index: Readonly<Record<keyof typeof headings | "id", number>>
  readonly width: number
}

const required = ["measure", "assessment", "continue", "who"] as const

const planHeader = (cells: ReadonlyArray<string>): Outcome<PlanHeader> => {
  const names = cells.map((f) => f.trim().toLowerCase())
  const column = (k: keyof typeof headings) =>
    names.findIndex((n) => n === headings[k].nb.toLowerCase() || n === headings[k].en.toLowerCase())
  const index = {
    measure: column("measure"),
    assessment: column("assessment"),
    continue: column("continue"),
    who: column("who"),
    id: names.indexOf("id"),
  }
  const problems = required
    .filter((k) => index[k] < 0)
    .map((k) => ({
      field: headings[k].en,
      message: { nb: `Mangler kolonnen «${headings[k].nb}»`, en: `Missing the column "${headings[k].en}"` },
    }))
  return outcome(problems, () => ({ index, width: cells.length }))
}

// Each answer in either language, lower case; a Map, so "__proto__" is just an unknown answer.
const answers = new Map<string, Continue>(
  (Object.entries(continueLabels) as Array<[Continue, Bilingual]>).flatMap(([k, label]) => [
    [label.nb.toLowerCase(), k],
    [label.en.toLowerCase(), k],
  ]),
)

// A cell is free text written by hand: an identity number in it is masked as it is read.
const same = (s: string): Bilingual => {
  const shown = Redact.text(s)
  return { nb: shown, en: shown }
}

const planRow = (r: CsvRecord, { index, width }: PlanHeader): Outcome<Row> => {
  // A row short of cells would read its missing answers as empty: it is refused, as one with cells beyond the header.
  if (r.fields.length !== width) return { problems: [wrongWidth(width, r.fields.length)] }
  const get = (i: number) => (i < 0 ? "" : (r.fields[i] ?? ""))
  const answer = answers.get(get(index.continue).trim().toLowerCase())
  if (answer === undefined)
    return {
      problems: [
        {
          field: headings.continue.nb,
          message: {
            nb: `Forventet Ja, Nei, Usikker eller «Ja, hvis kapasitet», fant ${quoted(get(index.continue)).nb}`,
            en: `Expected Yes, No, Uncertain or "Yes, if capacity allows", found ${quoted(get(index.continue)).en}`,
          },
        },
      ],
    }
  return {
    value: {
      id: Redact.text(get(index.id)),
      measure: same(get(index.measure)),
      assessment: same(get(index.assessment)),
      continue: answer,
      who: same(get(index.who)),
    },
  }
}

// The one reading path of read and parse; `name` is the function the caller called.
const readNamed = (name: string, text: string, file: string, period: Plan["period"]): ReadResult<Plan> => {
  requireString(name, "text", text)
  requireString(name, "file", file)
  if (!isRecord(period) || typeof period.from !== "string" || typeof period.to !== "string") {
    reject(name, {
      nb: "period må være { from, to } som tekster",
      en: "period must be { from, to } as texts",
    })
  }
  const { rows, rejected } = readRows(text, file, planHeader, planRow)
  return { value: { period, rows }, rejected }
}

const expects = {
  nb: "CSV-tekst, filnavnet og eventuelt perioden { from, to }",
  en: "CSV text, the file name and optionally the period { from, to }",
}

/**
 * Reads an edited plan back from CSV, headings in bokmål or English, keeping
 * every row that can be read. The "continue" cell must be one of the four
 * answers in either language (any case). Edited texts are kept as written,
 * for both languages, with identity numbers masked. `value` is the plan of
 * the valid rows; `rejected` names the file, line and field of every problem
 * of every other row, in English and bokmål. A missing heading rejects every
 * row. Throws only for wrong arguments.
 * @example
 * const { value, rejected } = EvaluationPlan.read(text, "evalueringsplan.csv")
 * @category constructors
 */
export const read = guard(
  "EvaluationPlan.read",
  expects,
  (text: string, file: string, period: Plan["period"] = { from: "", to: "" }): ReadResult<Plan> =>
    readNamed("EvaluationPlan.read", text, file, period),
)

/**
 * Reads an edited plan as {@link read} does, but whole or not at all: throws
 * a DataFileError naming the file, line and field of every problem when any
 * row is rejected.
 * @example
 * const edited = EvaluationPlan.parse(text, "evalueringsplan.csv")
 * @category constructors
 */
export const parse = guard(
  "EvaluationPlan.parse",
  expects,
  (text: string, file: string, period: Plan["period"] = { from: "", to: "" }): Plan =>
    valueOrThrow(readNamed("EvaluationPlan.parse", text, file, period)),
)
