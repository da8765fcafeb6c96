// The report's sections for source figures: the yearly service statistics
// (levels and changes, counts of 1–4 hidden, a change hidden with either of
// its years) and Recovery College participants per municipality, with
// secondary suppression against the row and column totals the source prints.

import type { Grid } from "../outputs/ReportModel.js"
import { lineChart } from "../outputs/Svg.js"
import { type Profile, smallRange } from "../privacy/Profile.js"
import { suppress } from "../privacy/Suppression.js"
import { type Participants, type Population, perThousand } from "../RecoveryCollege.js"
import { changes, type Statistics } from "../ServiceStatistics.js"
import { formatNumber, formatPercent, MISSING, NOT_COMPUTABLE, SUPPRESSED } from "./format.js"
import type { Bilingual, Lang } from "./text.js"
import { texts } from "./texts.js"

// Source figures already aggregated by others: counts in the profile's small
// range are hidden (under rounding too: there are no inner cells to round).
const small = (v: number | null, profile: Profile) => {
  const [min, max] = smallRange(profile)
  return v !== null && v >= min && v <= max && (v !== 0 || min === 0)
}

// The sources a file gives for its rows, credited as given: one source in
// the note, several in a column of their own. Never a document the file did
// not name: an analyst's own figures are theirs, not the 2021 report's.
const credit = (sources: ReadonlyArray<string>): { readonly note: Bilingual; readonly perRow: boolean } => {
  const distinct = [...new Set(sources.map((x) => x.trim()).filter((x) => x !== ""))]
  if (distinct.length === 0)
    return {
      note: {
        nb: "Kilde: ikke oppgitt i filen (kolonnen source).",
        en: "Source: not given in the file (the source column).",
      },
      perRow: false,
    }
  if (distinct.length === 1)
    return { note: { nb: `Kilde: ${distinct[0]}.`, en: `Source: ${distinct[0]}.` }, perRow: false }
  return {
    note: {
      nb: "Kilde: oppgitt for hver rad, i kolonnen Kilde.",
      en: "Source: given for each row, in the column Source.",
    },
    perRow: true,
  }
}

/** Levels and percentage changes of every series, and a chart of the main counts. */
export const statisticsSection = (
  stats: Statistics,
  profile: Profile,
  lang: Lang,
): { grids: Array<Grid>; chart: string } => {
  const rows = changes(stats).objects() as Array<{
    measure: string
    unit: string
    year: number
    level: number | null
    change: number | null
    changePercent: number | null
  }>
  const label = (id: string) => stats.series.find((s) => s.id === id)?.label[lang] ?? id
  const hiddenLevel = (r: (typeof rows)[number]) => r.unit === "count" && small(r.level, profile)
  const levelText = (r: (typeof rows)[number]) =>
    r.level === null
      ? MISSING
      : hiddenLevel(r)
        ? SUPPRESSED
        : r.unit === "percent"
          ? formatPercent(r.level, lang, 1)
          : formatNumber(r.level, lang, r.unit === "count" || r.unit === "activities" ? 0 : 1)
  const byMeasure = new Map<string, Array<(typeof rows)[number]>>()
  for (const r of rows) byMeasure.set(r.measure, [...(byMeasure.get(r.measure) ?? []), r])
  const years = stats.years.map(String)
  const sourceOf = (id: string) => stats.series.find((s) => s.id === id)?.source ?? ""
  const { note, perRow } = credit(stats.series.map((s) => s.source))
  const levels: Grid = {
    title: texts.level,
    rowHeading: texts.measure,
    columns: perRow ? [...years, texts.sourceColumn[lang]] : years,
    rows: [...byMeasure].map(([id, rs]) => ({
      label: label(id),
      cells: perRow ? [...rs.map(levelText), sourceOf(id)] : rs.map(levelText),
    })),
    note,
  }
  const changeGrid: Grid = {
    title: texts.changePercent,
    rowHeading: texts.measure,
    columns: years.slice(1),
    rows: [...byMeasure].map(([id, rs]) => ({
      label: label(id),
      cells: rs.slice(1).map((r, i) => {
        // A change reveals a hidden level when the other year is shown.
        if (hiddenLevel(r) || hiddenLevel(rs[i]!)) return SUPPRESSED
        // From 0 a percentage cannot be computed: SSB's "." (not applicable), not missing.
        if (r.changePercent === null) return r.change === null ? MISSING : NOT_COMPUTABLE
        return `${r.changePercent > 0 ? "+" : ""}${formatNumber(r.changePercent, lang, 1)}`
      }),
    })),
    note: null,
  }
  const main = ["new-cases", "extensions", "rph-citizens", "course-participants"].filter((id) => byMeasure.has(id))
  const chart = lineChart(
    texts.statistics[lang],
    years,
    main.map((id) => ({ name: label(id), values: byMeasure.get(id)!.map((r) => (hiddenLevel(r) ? null : r.level)) })),
    (v) => formatNumber(v, lang),
    { id: "statistics-chart" },
  )
  return { grids: [levels, changeGrid], chart }
}

/** Participants per municipality and year with the source's totals, suppressed; per 1,000 where a population is given. */
export const recoveryCollegeSection = (
  rc: Participants,
  population: Population | undefined,
  profile: Profile,
  lang: Lang,
): Array<Grid> => {
  const totalRow = rc.rows.find((r) => r.municipality === "Totalt")
  const rows = rc.rows.filter((r) => r !== totalRow)
  const pattern = suppress(
    {
      cells: rows.map((r) => rc.years.map((y) => r.values.get(y) ?? null)),
      rowTotals: rows.map((r) => r.total),
      columnTotals: rc.years.map((y) => totalRow?.values.get(y) ?? null),
      grandTotal: totalRow?.total ?? null,
    },
    // The one method (Gaussian elimination); rounding has no inner cells here, so it suppresses its small range.
    profile.name === "rounding" ? { name: "strict", min: 1, max: profile.base - 1 } : profile,
  )
  const show = (v: number | null, i: number, j: number) =>
    pattern.states[i]![j] === "primary" || pattern.states[i]![j] === "secondary"
      ? SUPPRESSED
      : v === null
        ? MISSING
        : formatNumber(v, lang)
  const R = rows.length
  const C = rc.years.length
  const { note, perRow } = credit(rc.rows.map((r) => r.source ?? ""))
  const withSource = (r: (typeof rc.rows)[number], cells: Array<string>) =>
    perRow ? [...cells, r.source ?? ""] : cells
  const participants: Grid = {
    title: texts.participants,
    rowHeading: texts.municipality,
    columns: [...rc.years.map(String), texts.total[lang], ...(perRow ? [texts.sourceColumn[lang]] : [])],
    rows: [
      ...rows.map((r, i) => ({
        label: r.municipality,
        cells: withSource(r, [...rc.years.map((y, j) => show(r.values.get(y) ?? null, i, j)), show(r.total, i, C)]),
      })),
      ...(totalRow === undefined
        ? []
        : [
            {
              label: totalRow.municipality,
              cells: withSource(totalRow, [
                ...rc.years.map((y, j) => show(totalRow.values.get(y) ?? null, R, j)),
                show(totalRow.total, R, C),
              ]),
            },
          ]),
    ],
    note,
  }
  if (population === undefined) return [participants]
  const rates = perThousand(rc, population).objects() as Array<{
    municipality: string
    year: number
    perThousand: number | null
  }>
  const perThousandGrid: Grid = {
    title: texts.perThousand,
    rowHeading: texts.municipality,
    columns: rc.years.map(String),
    rows: rows.map((r, i) => ({
      label: r.municipality,
      cells: rc.years.map((y, j) => {
        if (show(r.values.get(y) ?? null, i, j) === SUPPRESSED) return SUPPRESSED
        const v = rates.find((x) => x.municipality === r.municipality && x.year === y)?.perThousand ?? null
        return v === null ? MISSING : formatNumber(v, lang, 2)
      }),
    })),
    note: null,
  }
  return [participants, perThousandGrid]
}
