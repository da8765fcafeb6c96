/**
 * One way to cite a source document: its title (as `Sources.titles` lists
 * it), the section, the line or lines, and the document's own words. The
 * catalogue's offerings, the invariants' seed facts and the rules package's
 * sources are all citations; the rules package adds a link and a note.
 *
 * @example
 * import { Citation } from "@aktivitetsmodell/core"
 * const c: Citation.Citation = {
 *   document: "Mestringsenhetens modell for aktivitet",
 *   section: "Organisering",
 *   lines: "35",
 *   quote: "alle tilbudene er kostnadsfrie for innbyggerne som benytter disse",
 * }
 * Citation.format(c, "en") // "Mestringsenhetens modell for aktivitet, Organisering, line 35"
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { filter, NonEmptyText } from "./internal/checks.js"
import { guard } from "./internal/guard.js"
import type { Lang } from "./internal/text.js"
import * as Redact from "./Redact.js"

const linesPattern = /^\d+(?:-\d+)?$/u

/**
 * A line or a range of lines, counted from 1: `"102"` or `"77-93"`.
 * @example
 * Schema.decodeUnknownSync(Citation.Lines)("77-93")
 * @category schemas
 */
export const Lines = Schema.String.check(
  filter<string>(
    (s) => linesPattern.test(s),
    {
      en: 'Expected a line or a range of lines, such as "102" or "77-93"',
      nb: "Forventet en linje eller et linjeområde, som «102» eller «77-93»",
    },
    { toJsonSchema: () => ({ pattern: linesPattern.source }) },
  ),
)

/**
 * A citation: the document's title, the section heading, and optionally the
 * lines and the words quoted from them. The line numbers are in `lines`,
 * never in the section's text.
 * @example
 * Schema.decodeUnknownSync(Citation.Citation)({ document: "Mestringsenhetens modell for aktivitet", section: "Organisering", lines: "35" })
 * @category schemas
 */
export const Citation = Schema.Struct({
  document: NonEmptyText.annotate({
    description: "The document's title, as docs/sources/README.md lists it",
  }),
  section: NonEmptyText.annotate({ description: "The section heading in the document" }),
  lines: Schema.optionalKey(
    Lines.annotate({ description: 'Line or lines in the document, counted from 1, such as "102" or "77-93"' }),
  ),
  quote: Schema.optionalKey(
    NonEmptyText.annotate({ description: "The document's own words, as they stand on the cited lines" }),
  ),
}).annotate({ identifier: "Citation", description: "Where a fact comes from in a source document" })

/** @category models */
export type Citation = typeof Citation.Type

/**
 * A citation that quotes its source: what the invariants carry for each rule.
 * @category models
 */
export type Quoted = Citation & { readonly quote: string }

/**
 * The first and last cited line, or undefined without lines.
 * @example
 * Citation.lineRange({ document: "…", section: "…", lines: "77-93" }) // { from: 77, to: 93 }
 * @category constructors
 */
export const lineRange = guard(
  "Citation.lineRange",
  { en: "(citation: { lines?: string })", nb: "(citation: { lines?: string })" },
  (c: { readonly lines?: string | undefined }): { readonly from: number; readonly to: number } | undefined => {
    const m = c.lines === undefined ? null : /^(\d+)(?:-(\d+))?$/u.exec(c.lines)
    return m === null ? undefined : { from: Number(m[1]), to: Number(m[2] ?? m[1]) }
  },
)

/**
 * The citation as one line for explanations and reports: document, section
 * and lines, each only when given. Redacted like every text core shows.
 * @example
 * Citation.format({ document: "Psykisk helsearbeid for voksne", section: "Psykisk helsearbeid for voksne", lines: "29" }, "nb")
 * // "Psykisk helsearbeid for voksne, Psykisk helsearbeid for voksne, linje 29"
 * @category constructors
 */
export const format = guard(
  "Citation.format",
  {
    en: '(citation: { document?, section?, lines? }, lang: "en" | "nb")',
    nb: '(citation: { document?, section?, lines? }, lang: "en" | "nb")',
  },
  (
    c: {
      readonly document?: string | undefined
      readonly section?: string | undefined
      readonly lines?: string | undefined
    },
    lang: Lang,
  ): string => {
    const parts: Array<string> = []
    if (c.document !== undefined) parts.push(c.document)
    if (c.section !== undefined) parts.push(c.section)
    if (c.lines !== undefined) {
      const range = c.lines.includes("-")
      parts.push(`${range ? (lang === "nb" ? "linjene" : "lines") : lang === "nb" ? "linje" : "line"} ${c.lines}`)
    }
    return Redact.text(parts.join(", "))
  },
)
