// Tiny hand-written SVG charts for the notebooks: a bar chart and a line
// chart, enough for indicators by category and series year over year. Each
// returns an object the Deno kernel shows as `image/svg+xml`, and whose
// `svg` string can be written to a file. No DOM, no dependencies.

/** A chart the Jupyter kernel displays as an SVG image. */
export class SvgChart {
  constructor(readonly svg: string) {}
  toString(): string {
    return this.svg
  }
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "image/svg+xml": this.svg }
  }
}

export interface Series {
  readonly name: string
  readonly values: ReadonlyArray<number | null | undefined>
}

export interface ChartOptions {
  readonly title: string
  /** Labels along the x axis (categories, years). */
  readonly x: ReadonlyArray<string | number>
  readonly series: ReadonlyArray<Series>
  readonly yLabel?: string
  /** How values print on the axis and on bars, e.g. `percent`. */
  readonly format?: (value: number) => string
  /** Forces the axis to include this maximum (1 for rates). */
  readonly yMax?: number
  readonly width?: number
  readonly height?: number
}

// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
const palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

const escape = (s: string | number) =>
  String(s).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;")

const round = (n: number) => Math.round(n * 10) / 10

export const number = (n: number): string => n.toLocaleString("nb-NO", { maximumFractionDigits: 1 })
export const percent = (n: number): string => `${(n * 100).toLocaleString("nb-NO", { maximumFractionDigits: 0 })} %`

/** A "nice" axis that covers `min`..`max` and 0, with its tick step. */
export function niceScale(min: number, max: number, ticks = 5): { min: number; max: number; step: number } {
  const lo = Math.min(0, min)
  const hi = Math.max(0, max)
  if (!(hi - lo > 0)) return { min: 0, max: 1, step: 0.2 }
  const raw = (hi - lo) / ticks
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude
  return { min: Math.floor(lo / step + 1e-9) * step, max: Math.ceil(hi / step - 1e-9) * step, step }
}

// Approximate width of a character at font size 11, for layout without a DOM.
const charWidth = 6.6

/** Splits a label into lines of at most `width` characters, at spaces. */
function wrap(label: string, width: number): Array<string> {
  const lines: Array<string> = []
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1)
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines
}

interface Frame {
  readonly width: number
  readonly height: number
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
  readonly y: (v: number) => number
  readonly labels: ReadonlyArray<ReadonlyArray<string>>
  readonly parts: Array<string>
}

function frame(options: ChartOptions, values: ReadonlyArray<number>): Frame {
  const width = options.width ?? 640
  const height = options.height ?? 320
  const format = options.format ?? number
  const left = 56
  const right = width - 16
  // Legend entries flow left to right and wrap to new rows.
  const legend: Array<{ x: number; row: number; name: string; colour: string }> = []
  if (options.series.length > 1) {
    let x = left
    let row = 0
    options.series.forEach((s, i) => {
      const w = 30 + s.name.length * charWidth
      if (x + w > right && x > left) {
        x = left
        row += 1
      }
      legend.push({ x, row, name: s.name, colour: palette[i % palette.length]! })
      x += w
    })
  }
  const legendRows = legend.length === 0 ? 0 : legend.at(-1)!.row + 1
  const band = (right - left) / Math.max(1, options.x.length)
  const labels = options.x.map((l) => wrap(String(l), Math.max(4, Math.floor(band / 6.4))))
  const top = 38 + legendRows * 16
  const bottom = height - 12 - 13 * Math.max(1, ...labels.map((l) => l.length))
  const scale = niceScale(Math.min(...values, 0), Math.max(options.yMax ?? 0, ...values, 0))
  const y = (v: number) => round(bottom - ((v - scale.min) / (scale.max - scale.min)) * (bottom - top))
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title>${escape(options.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="18" font-size="14" font-weight="600" fill="#1b1f24">${escape(options.title)}</text>`,
  ]
  for (let i = 0, v = scale.min; v <= scale.max + scale.step * 1e-6; i++, v = scale.min + i * scale.step) {
    const tick = Math.abs(v) < scale.step * 1e-6 ? 0 : v
    parts.push(
      `<line x1="${left}" x2="${right}" y1="${y(tick)}" y2="${y(tick)}" stroke="${tick === 0 ? "#5a6470" : "#e3e6ea"}"/>`,
      `<text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end" fill="#3d4650">${escape(format(tick))}</text>`,
    )
  }
  if (options.yLabel !== undefined) {
    parts.push(
      `<text transform="translate(14 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#3d4650">${escape(options.yLabel)}</text>`,
    )
  }
  for (const entry of legend) {
    const base = 34 + entry.row * 16
    parts.push(
      `<rect x="${round(entry.x)}" y="${base - 9}" width="10" height="10" fill="${entry.colour}"/>`,
      `<text x="${round(entry.x + 14)}" y="${base}" fill="#1b1f24">${escape(entry.name)}</text>`,
    )
  }
  return { width, height, left, right, top, bottom, y, labels, parts }
}

const xLabel = (f: Frame, x: number, i: number) =>
  `<text x="${round(x)}" y="${f.bottom + 16}" text-anchor="middle" fill="#1b1f24">${(f.labels[i] ?? [])
    .map((line, n) => `<tspan x="${round(x)}" dy="${n === 0 ? 0 : 13}">${escape(line)}</tspan>`)
    .join("")}</text>`

const present = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v)

/**
 * A grouped bar chart: one group per x label, one bar per series. Missing
 * values (suppressed cells) leave a gap.
 *
 * @example
 * barChart({ title: "Oppmøte per kategori", x: ["Behandling", "Hverdag"], series: [{ name: "2024", values: [0.8, 0.6] }], format: percent, yMax: 1 })
 */
export function barChart(options: ChartOptions): SvgChart {
  const values = options.series.flatMap((s) => s.values.filter(present))
  // Headroom for the value printed beyond each bar's end.
  const ceiling = options.yMax ?? Number.POSITIVE_INFINITY
  const f = frame(
    options,
    values.map((v) => (v > 0 ? Math.max(v, Math.min(v * 1.1, ceiling)) : v * 1.1)),
  )
  const format = options.format ?? number
  const band = (f.right - f.left) / Math.max(1, options.x.length)
  const barWidth = Math.min(48, (band * 0.8) / Math.max(1, options.series.length))
  options.x.forEach((label, i) => {
    const start = f.left + i * band + (band - barWidth * options.series.length) / 2
    options.series.forEach((s, j) => {
      const v = s.values[i]
      if (!present(v)) return
      const x = round(start + j * barWidth)
      const top = Math.min(f.y(v), f.y(0))
      f.parts.push(
        `<rect x="${x}" y="${top}" width="${round(barWidth - 2)}" height="${round(Math.abs(f.y(0) - f.y(v)))}" fill="${palette[j % palette.length]}"><title>${escape(`${s.name} ${label}: ${format(v)}`)}</title></rect>`,
      )
      // Values print beyond the bar's end while they fit; a zero then still shows.
      if (barWidth >= 6.5 * format(v).length) {
        const at = v < 0 ? f.y(v) + 12 : f.y(v) - 4
        f.parts.push(
          `<text x="${round(x + barWidth / 2 - 1)}" y="${at}" text-anchor="middle" fill="#1b1f24">${escape(format(v))}</text>`,
        )
      }
    })
    f.parts.push(xLabel(f, f.left + (i + 0.5) * band, i))
  })
  f.parts.push("</svg>")
  return new SvgChart(f.parts.join("\n"))
}

/**
 * A line chart with one line per series over the x labels (years, months).
 *
 * @example
 * lineChart({ title: "Nye saker", x: [2017, 2018, 2019], series: [{ name: "Nye saker", values: [700, 800, 966] }] })
 */
export function lineChart(options: ChartOptions): SvgChart {
  const values = options.series.flatMap((s) => s.values.filter(present))
  const f = frame(options, values)
  const step = (f.right - f.left) / Math.max(1, options.x.length)
  const xAt = (i: number) => round(f.left + (i + 0.5) * step)
  options.x.forEach((_, i) => f.parts.push(xLabel(f, xAt(i), i)))
  options.series.forEach((s, j) => {
    const colour = palette[j % palette.length]
    // A missing value breaks the line rather than drawing through it.
    let d = ""
    let pen = "M"
    s.values.forEach((v, i) => {
      if (!present(v)) {
        pen = "M"
        return
      }
      d += `${pen}${xAt(i)},${f.y(v)} `
      pen = "L"
    })
    f.parts.push(`<path d="${d.trim()}" fill="none" stroke="${colour}" stroke-width="2"/>`)
    s.values.forEach((v, i) => {
      if (present(v)) {
        f.parts.push(
          `<circle cx="${xAt(i)}" cy="${f.y(v)}" r="3" fill="${colour}"><title>${escape(`${s.name} ${options.x[i]}: ${(options.format ?? number)(v)}`)}</title></circle>`,
        )
      }
    })
  })
  f.parts.push("</svg>")
  return new SvgChart(f.parts.join("\n"))
}
