/**
 * Where a rule or parameter comes from: a seed file with its section and
 * lines (and the words quoted), or a link, with a note when the number is a
 * local choice rather than the source's.
 *
 * @module
 */
import { type Bilingual, Redact } from "@aktivitetsmodell/core"
import { guard } from "./internal/boundary.js"

/**
 * A source reference. Either `file` with `section`, or `url`, must be given.
 * @example
 * const s: Source.Source = { file: "seeds/000_b0fda6026573384c.txt", section: "Hverdagsaktiviteter", lines: "102" }
 * @category models
 */
export interface Source {
  readonly file?: string
  readonly section?: string
  readonly lines?: string
  readonly quote?: string
  readonly url?: string
  readonly note?: Bilingual
}

/**
 * One line naming the source, for explanations and reports.
 * @example
 * Source.format({ file: "seeds/000_b0fda6026573384c.txt", section: "Organisering", lines: "35" }, "nb")
 * // "seeds/000_b0fda6026573384c.txt, Organisering, linje 35"
 * @category constructors
 */
export const format = guard("Source.format", { en: '(source: Source, lang: "en" | "nb")', nb: '(source: Source, lang: "en" | "nb")' }, (s: Source, lang: "en" | "nb"): string => {
  const parts: Array<string> = []
  if (s.file !== undefined) parts.push(s.file)
  if (s.section !== undefined) parts.push(s.section)
  if (s.lines !== undefined) parts.push(`${s.lines.includes("-") ? (lang === "nb" ? "linjene" : "lines") : lang === "nb" ? "linje" : "line"} ${s.lines}`)
  if (s.url !== undefined) parts.push(s.url)
  return Redact.text(parts.join(", "))
})
