// Shows rows (or an arquero table) in a notebook as an HTML table with a
// plain-text fallback, with the report's Norwegian number formatting.
import { Format, Svg } from "@aktivitetsmodell/analytics"

type Row = Readonly<Record<string, unknown>>

/** Anything with arquero's `objects()`: a table, a grouped table. */
interface ObjectsSource {
  objects(options?: { limit?: number }): ReadonlyArray<Row>
}

export interface TableOptions {
  readonly caption?: string
  /** Columns to show, in order, with optional headings: `{ offering: "Tilbud" }`. */
  readonly columns?: Readonly<Record<string, string>>
  /** How to print a column's values, e.g. `{ rate: (v) => Format.share(v) }`. */
  readonly format?: Readonly<Record<string, (value: number) => string>>
  readonly limit?: number
}

// The report's escaping, so that names such as "Mat & prat" stay text.
const escapeHtml = Svg.escapeXml

/** A table the Jupyter kernel displays as HTML (and as text elsewhere). */
export class HtmlTable {
  constructor(
    readonly headings: ReadonlyArray<string>,
    readonly cells: ReadonlyArray<ReadonlyArray<string>>,
    readonly numeric: ReadonlyArray<boolean>,
    readonly caption?: string,
  ) {}

  get html(): string {
    const align = (i: number) => (this.numeric[i] ? ' style="text-align:right"' : "")
    const head = this.headings.map((h, i) => `<th${align(i)}>${escapeHtml(h)}</th>`).join("")
    const body = this.cells
      .map((row) => `<tr>${row.map((c, i) => `<td${align(i)}>${escapeHtml(c)}</td>`).join("")}</tr>`)
      .join("\n")
    const caption = this.caption === undefined ? "" : `<caption>${escapeHtml(this.caption)}</caption>`
    return `<table>${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`
  }

  get text(): string {
    const widths = this.headings.map((h, i) => Math.max(h.length, ...this.cells.map((r) => r[i]!.length)))
    const line = (row: ReadonlyArray<string>) =>
      row
        .map((c, i) => (this.numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd()
    return [
      this.caption ?? "",
      line(this.headings),
      widths.map((w) => "-".repeat(w)).join("  "),
      ...this.cells.map(line),
    ]
      .filter((l) => l !== "")
      .join("\n")
  }

  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/html": this.html, "text/plain": this.text }
  }
}

const show = (value: unknown, format?: (value: number) => string): string => {
  if (value === null || value === undefined) return "–"
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "–"
    return format ? format(value) : Format.number(value, { decimals: 2 })
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value)
}

/**
 * A notebook table from an array of row objects or an arquero table.
 *
 * @example
 * table(rows, { caption: "Deltagelse per kategori", columns: { category: "Kategori", citizens: "Innbyggere" } })
 */
export function table(source: ReadonlyArray<Row> | ObjectsSource, options: TableOptions = {}): HtmlTable {
  const rows = Array.isArray(source) ? source : (source as ObjectsSource).objects({ limit: options.limit ?? 500 })
  const limited = rows.slice(0, options.limit ?? 500)
  const keys = options.columns ? Object.keys(options.columns) : Object.keys(limited[0] ?? {})
  const headings = keys.map((k) => options.columns?.[k] ?? k)
  const numeric = keys.map((k) => limited.some((r) => typeof r[k] === "number"))
  const cells = limited.map((r) => keys.map((k) => show(r[k], options.format?.[k])))
  return new HtmlTable(headings, cells, numeric, options.caption)
}
