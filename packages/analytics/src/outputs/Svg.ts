/**
 * Charts as inline SVG, written by hand so reports need no chart library and
 * no network: horizontal bars for values by group, lines for values over time.
 * Hidden (suppressed) values get no bar and show SSB's ":"; missing ones
 * break the line.
 *
 * @module
 */
import { Redact } from "@aktivitetsmodell/core"
import { guard } from "../internal/boundary.js"
import { isRecord, optionsOf, reject, requireArray, requireFinite, requireString } from "../internal/checks.js"

const escapeText = (s: string): string =>
  s
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;")
    .replace(/'/gu, "&#39;")

/**
 * Escapes text for SVG and HTML, so labels such as "Mat & prat" stay text.
 * @example
 * Svg.escapeXml("Mat & prat") // "Mat &amp; prat"
 * @category outputs
 */
export const escapeXml = guard("Svg.escapeXml", { nb: "en tekst", en: "a text" }, (s: string): string =>
  escapeText(requireString("Svg.escapeXml", "text", s)),
)

// A caller's text as a chart shows it: an identity number masked, then escaped.
// A chart may be used on its own, outside a report and its identifier check.
const shown = (s: string): string => escapeText(Redact.text(requireString("Svg", "text", s)))

// The outer element: an accessible image with its title, shown and announced.
// The id is escaped like any text: a caller (or an indicator id) may hold a quote.
const frame = (id: string, title: string, width: number, height: number, body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${shown(id)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
  `<title id="${shown(id)}">${shown(title)}</title>` +
  `<text x="0" y="16" font-family="system-ui, sans-serif" font-size="14" font-weight="bold">${shown(title)}</text>` +
  body +
  `</svg>`

const palette = ["#1f5f8b", "#c0504d", "#4f8a3c", "#8064a2", "#d08a1e", "#2f8f9d"]
const font = 'font-family="system-ui, sans-serif" font-size="12"'

/**
 * One bar: a label and a value, or null with a text to show instead (":" when hidden).
 * @category models
 */
export interface Bar {
  readonly label: string
  readonly value: number | null
  readonly text: string
}

// A stable id from the title, so that the same report renders to the same text.
const chartId = (title: string, id: string | undefined): string => {
  if (id !== undefined) return id
  let h = 2166136261
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 16777619)
  return `chart-${(h >>> 0).toString(36)}`
}

/**
 * A horizontal bar chart. `max` fixes the scale (1 for shares); by default
 * it is the largest value.
 * @example
 * Svg.barChart("Oppmøte per tilbud", [{ label: "Turgruppe", value: 0.8, text: "80 %" }], { max: 1 })
 * @category outputs
 */
export const barChart = guard(
  "Svg.barChart",
  {
    nb: "en tittel, søyler { label, value, text } og { max?, id? }",
    en: "a title, bars { label, value, text } and { max?, id? }",
  },
  (title: string, bars: ReadonlyArray<Bar>, options: { readonly max?: number; readonly id?: string } = {}): string => {
    const name = "Svg.barChart"
    requireString(name, "title", title)
    requireArray(name, "bars", bars).forEach((b, i) => {
      if (
        !isRecord(b) ||
        typeof b.label !== "string" ||
        typeof b.text !== "string" ||
        !(b.value === null || (typeof b.value === "number" && Number.isFinite(b.value)))
      ) {
        reject(name, {
          nb: `bars[${i}] må være { label, value (et endelig tall eller null), text }`,
          en: `bars[${i}] must be { label, value (a finite number or null), text }`,
        })
      }
    })
    const o = optionsOf(name, options)
    if (o.max !== undefined) requireFinite(name, "options.max", o.max)
    if (o.id !== undefined) requireString(name, "options.id", o.id)
    return drawBars(title, bars, options)
  },
)

// Horizontal bars share one layout: labels right-aligned in a column wide
// enough for the longest (about 6.6 px a character at this font size, so names
// like "Tilpassede aktiviteter i omsorgsbolig (rus og avhengighet)" are not
// cut), bars scaled to `max` (default: the largest value) beside them.
const row = 22
const barArea = 340
const barLayout = (labels: ReadonlyArray<string>, values: ReadonlyArray<number | null>, max: number | undefined) => {
  const longest = Math.max(0, ...labels.map((l) => l.length))
  const labelWidth = Math.min(420, Math.max(150, Math.ceil(16 + longest * 6.6)))
  const top = max ?? Math.max(0, ...values.map((v) => v ?? 0))
  const scale = (v: number) => (top > 0 ? (Math.max(0, v) / top) * barArea : 0)
  return { labelWidth, width: labelWidth + barArea + 70, scale }
}

// One bar at `y` with its value's text after it; no bar for null. The label, if any, goes left of the bars.
const barRow = (
  layout: ReturnType<typeof barLayout>,
  y: number,
  label: string | null,
  value: number | null,
  text: string,
  colour: string,
): string => {
  const { labelWidth, scale } = layout
  const w = value === null ? 0 : scale(value)
  return (
    (label === null
      ? ""
      : `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" ${font}>${shown(label)}</text>`) +
    (value === null
      ? ""
      : `<rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 8}" fill="${colour}"/>`) +
    `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 15}" ${font}>${shown(text)}</text>`
  )
}

// A legend entry: a colour swatch and the series' name.
const legendEntry = (x: number, y: number, colour: string, name: string): string =>
  `<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${colour}"/>` +
  `<text x="${x + 14}" y="${y}" ${font}>${shown(name)}</text>`

const drawBars = (
  title: string,
  bars: ReadonlyArray<Bar>,
  options: { readonly max?: number; readonly id?: string },
): string => {
  const layout = barLayout(
    bars.map((b) => b.label),
    bars.map((b) => b.value),
    options.max,
  )
  const height = 30 + bars.length * row + 10
  const body = bars.map((b, i) => barRow(layout, 30 + i * row, b.label, b.value, b.text, palette[0]!)).join("")
  return frame(chartId(title, options.id), title, layout.width, height, body)
}

// Lines and series are checked alike: a name and finite numbers or null.
const requireLines = (name: string, what: string, u: unknown): void => {
  requireArray(name, what, u).forEach((l, i) => {
    const ok =
      isRecord(l) &&
      typeof l.name === "string" &&
      Array.isArray(l.values) &&
      l.values.every((v) => v === null || (typeof v === "number" && Number.isFinite(v)))
    if (!ok)
      reject(name, {
        nb: `${what}[${i}] må være { name, values (endelige tall eller null) }`,
        en: `${what}[${i}] must be { name, values (finite numbers or null) }`,
      })
  })
}

// The caller's format function must give text: it goes into the chart escaped.
const requireFormat = (name: string, format: unknown): ((v: number) => string) => {
  if (typeof format !== "function")
    reject(name, {
      nb: "format må være en funksjon fra tall til tekst",
      en: "format must be a function from a number to a text",
    })
  return (v: number): string => requireString(name, "format's result", (format as (v: number) => unknown)(v))
}

/**
 * A horizontal bar chart of several series by group, such as rates per
 * category for three indicators or participants per municipality and year:
 * in each group one bar per series, coloured as the legend says. A null
 * value (hidden or missing) gets no bar and no text; `max` fixes the scale
 * (1 for shares).
 * @example
 * Svg.groupedBarChart("Andeler per kategori", ["Behandling", "Hverdag"], [{ name: "Oppmøte", values: [0.8, 0.6] }, { name: "Fullføring", values: [0.7, null] }], (v) => Format.share(v), { max: 1 })
 * @category outputs
 */
export const groupedBarChart = guard(
  "Svg.groupedBarChart",
  {
    nb: "en tittel, gruppenavn, serier { name, values } med én verdi per gruppe, en formatfunksjon og { max?, id? }",
    en: "a title, group names, series { name, values } with one value per group, a format function and { max?, id? }",
  },
  (
    title: string,
    groups: ReadonlyArray<string>,
    series: ReadonlyArray<Line>,
    format: (v: number) => string,
    options: { readonly max?: number; readonly id?: string } = {},
  ): string => {
    const name = "Svg.groupedBarChart"
    requireString(name, "title", title)
    if (!requireArray(name, "groups", groups).every((g) => typeof g === "string"))
      reject(name, { nb: "groups må være tekster", en: "groups must be texts" })
    requireLines(name, "series", series)
    if (series.some((s) => s.values.length !== groups.length))
      reject(name, { nb: "hver serie må ha én verdi per gruppe", en: "every series must have one value per group" })
    const text = requireFormat(name, format)
    const o = optionsOf(name, options)
    if (o.max !== undefined) requireFinite(name, "options.max", o.max)
    if (o.id !== undefined) requireString(name, "options.id", o.id)
    return drawGroupedBars(title, groups, series, text, options)
  },
)

const drawGroupedBars = (
  title: string,
  groups: ReadonlyArray<string>,
  series: ReadonlyArray<Line>,
  format: (v: number) => string,
  options: { readonly max?: number; readonly id?: string },
): string => {
  const layout = barLayout(
    groups,
    series.flatMap((s) => s.values),
    options.max,
  )
  const colour = (k: number) => palette[k % palette.length]!
  // The legend under the title, a series a row (long names never overlap), then each group's bars.
  const legendRows = series.length > 1 ? series.length : 0
  const legend = series
    .map((s, k) => (legendRows === 0 ? "" : legendEntry(layout.labelWidth, 40 + 16 * k, colour(k), s.name)))
    .join("")
  const start = 30 + 16 * legendRows
  const groupHeight = series.length * row + 8
  const body = groups
    .map((g, i) =>
      series
        .map((s, k) => {
          const v = s.values[i] ?? null
          return barRow(
            layout,
            start + i * groupHeight + k * row,
            k === 0 ? g : null,
            v,
            v === null ? "" : format(v),
            colour(k),
          )
        })
        .join(""),
    )
    .join("")
  return frame(chartId(title, options.id), title, layout.width, start + groups.length * groupHeight + 10, legend + body)
}

/**
 * One line: a name and a value (or null) for each x position.
 * @category models
 */
export interface Line {
  readonly name: string
  readonly values: ReadonlyArray<number | null>
}

/**
 * A line chart over labelled x positions (months, years). A null value
 * breaks the line: a missing year is never drawn as if it were known.
 * @example
 * Svg.lineChart("Nye saker", ["2020", "2021"], [{ name: "Nye saker", values: [966, 1585] }], (v) => String(v))
 * @category outputs
 */
export const lineChart = guard(
  "Svg.lineChart",
  {
    nb: "en tittel, x-etiketter, linjer { name, values }, en formatfunksjon og { min?, max?, id? }",
    en: "a title, x labels, lines { name, values }, a format function and { min?, max?, id? }",
  },
  (
    title: string,
    xLabels: ReadonlyArray<string>,
    lines: ReadonlyArray<Line>,
    format: (v: number) => string,
    options: { readonly min?: number; readonly max?: number; readonly id?: string } = {},
  ): string => {
    const name = "Svg.lineChart"
    requireString(name, "title", title)
    if (!requireArray(name, "xLabels", xLabels).every((l) => typeof l === "string"))
      reject(name, { nb: "xLabels må være tekster", en: "xLabels must be texts" })
    requireLines(name, "lines", lines)
    const text = requireFormat(name, format)
    const o = optionsOf(name, options)
    for (const k of ["min", "max"]) if (o[k] !== undefined) requireFinite(name, `options.${k}`, o[k])
    if (o.id !== undefined) requireString(name, "options.id", o.id)
    return drawLines(title, xLabels, lines, text, options)
  },
)

const drawLines = (
  title: string,
  xLabels: ReadonlyArray<string>,
  lines: ReadonlyArray<Line>,
  format: (v: number) => string,
  options: { readonly min?: number; readonly max?: number; readonly id?: string },
): string => {
  const id = chartId(title, options.id)
  const width = 640
  const height = 260
  const left = 60
  const right = 20
  const top = 34
  const bottom = 46 + 16 * Math.ceil(lines.length / 2)
  const values = lines.flatMap((l) => l.values.filter((v): v is number => v !== null))
  const lo = options.min ?? Math.min(0, ...values)
  const hi = options.max ?? Math.max(lo + 1, ...values)
  const plotH = height - top - bottom
  const x = (i: number) =>
    left + (xLabels.length <= 1 ? (width - left - right) / 2 : (i / (xLabels.length - 1)) * (width - left - right))
  const y = (v: number) => top + plotH - ((v - lo) / (hi - lo)) * plotH
  const axis =
    `<line x1="${left}" y1="${top + plotH}" x2="${width - right}" y2="${top + plotH}" stroke="#888"/>` +
    `<text x="${left - 6}" y="${top + 4}" text-anchor="end" ${font}>${shown(format(hi))}</text>` +
    `<text x="${left - 6}" y="${top + plotH}" text-anchor="end" ${font}>${shown(format(lo))}</text>` +
    xLabels
      .map(
        (l, i) =>
          `<text x="${x(i).toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle" ${font}>${shown(l)}</text>`,
      )
      .join("")
  const paths = lines
    .map((line, k) => {
      const colour = palette[k % palette.length]!
      // Segments between consecutive known values only.
      let d = ""
      let pen = false
      line.values.forEach((v, i) => {
        if (v === null) {
          pen = false
          return
        }
        d += `${pen ? "L" : "M"}${x(i).toFixed(1)} ${y(v).toFixed(1)} `
        pen = true
      })
      const dots = line.values
        .map((v, i) =>
          v === null
            ? ""
            : `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${colour}"><title>${shown(`${line.name}, ${xLabels[i] ?? ""}: ${format(v)}`)}</title></circle>`,
        )
        .join("")
      const legendY = top + plotH + 34 + 16 * Math.floor(k / 2)
      const legendX = left + (k % 2) * 290
      return (
        `<path d="${d.trim()}" fill="none" stroke="${colour}" stroke-width="2"/>` +
        dots +
        legendEntry(legendX, legendY, colour, line.name)
      )
    })
    .join("")
  return frame(id, title, width, height, axis + paths)
}
