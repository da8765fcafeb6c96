/**
 * Where a rule or parameter comes from: core's `Citation` (a source document
 * named by its title, see core's `Sources` and `docs/sources/`, with the
 * section and lines and the words quoted), or a link; with a note when the
 * number is a local choice rather than the source's.
 *
 * @module
 */
import { Citation, Redact } from "@aktivitetsmodell/core"
import * as Schema from "effect/Schema"
import { guard } from "./internal/boundary.js"
import { Bilingual as BilingualText, rule, Text } from "./internal/fields.js"

const Lines = Text.check(
  rule(
    (s: string) => /^\d+(?:-\d+)?$/u.test(s),
    {
      nb: "Forventet en linje eller et linjeområde, som «102» eller «77-93»",
      en: 'Expected a line or a range of lines, such as "102" or "77-93"',
    },
    "shape",
    { pattern: "^\\d+(?:-\\d+)?$" },
  ),
)

const Url = Text.check(
  rule(
    (s: string) => /^https:\/\/\S+$/u.test(s),
    { nb: "Forventet en lenke som starter med https://", en: "Expected a link starting with https://" },
    "shape",
    { pattern: "^https://\\S+$" },
  ),
)

/**
 * A source reference, as a file writes it: core's `Citation` fields (each
 * optional here, so that a link can stand alone) plus `url` and `note`.
 * Either `document` with `section`, or `url`, must be given. The fields keep
 * this package's own checks, so a policy file's problems carry its finding codes.
 * @category schemas
 */
export const Source = Schema.Struct({
  document: Schema.optionalKey(Text).annotateKey({
    description:
      "The document's title, as docs/sources/README.md lists it, such as «Mestringsenhetens modell for aktivitet»",
  }),
  section: Schema.optionalKey(Text).annotateKey({ description: "Section heading in the document" }),
  lines: Schema.optionalKey(Lines).annotateKey({
    description: 'Line or lines in the document, counted from 1, such as "102" or "77-93"',
  }),
  quote: Schema.optionalKey(Text).annotateKey({
    description: "The document's own words, as they stand on the cited lines",
  }),
  url: Schema.optionalKey(Url),
  note: Schema.optionalKey(BilingualText),
})
  .annotate({
    forbidden: {
      file: {
        nb: "oppgi dokumentet med tittelen i «document», for eksempel «Mestringsenhetens modell for aktivitet» (docs/sources/README.md lister dem)",
        en: 'name the document by its title in "document", such as "Mestringsenhetens modell for aktivitet" (docs/sources/README.md lists them)',
      },
    },
  })
  .check(
    rule(
      (s: { readonly document?: string; readonly section?: string; readonly url?: string }) =>
        (s.document !== undefined && s.section !== undefined) || s.url !== undefined,
      {
        nb: "En kilde trenger «document» og «section», eller «url»",
        en: 'A source needs "document" and "section", or "url"',
      },
      "shape",
      { anyOf: [{ required: ["document", "section"] }, { required: ["url"] }] },
    ),
  )
  .annotate({
    identifier: "Source",
    description: "Where the rule or value comes from: a source document by title, with section and lines, or a link",
  })

/**
 * A source reference.
 * @example
 * const s: Source.Source = { document: "Mestringsenhetens modell for aktivitet", section: "Hverdagsaktiviteter", lines: "102" }
 * @category models
 */
export type Source = typeof Source.Type

/**
 * The citation in a source, as core's `Citation`, or undefined for a source
 * that is only a link.
 * @example
 * Source.citation({ document: "Mestringsenhetens modell for aktivitet", section: "Organisering", lines: "35", note: { nb: "…", en: "…" } })
 * // { document: "Mestringsenhetens modell for aktivitet", section: "Organisering", lines: "35" }
 * @category constructors
 */
export const citation = guard(
  "Source.citation",
  { en: "(source: Source)", nb: "(source: Source)" },
  (s: Source): Citation.Citation | undefined =>
    s.document === undefined || s.section === undefined
      ? undefined
      : {
          document: s.document,
          section: s.section,
          ...(s.lines === undefined ? {} : { lines: s.lines }),
          ...(s.quote === undefined ? {} : { quote: s.quote }),
        },
)

/**
 * One line naming the source, for explanations and reports: core's
 * `Citation.format`, then the link.
 * @example
 * Source.format({ document: "Mestringsenhetens modell for aktivitet", section: "Organisering", lines: "35" }, "nb")
 * // "Mestringsenhetens modell for aktivitet, Organisering, linje 35"
 * @category constructors
 */
export const format = guard(
  "Source.format",
  { en: '(source: Source, lang: "en" | "nb")', nb: '(source: Source, lang: "en" | "nb")' },
  (s: Source, lang: "en" | "nb"): string => {
    const cited = Citation.format(s, lang)
    return Redact.text(s.url === undefined ? cited : cited === "" ? s.url : `${cited}, ${s.url}`)
  },
)
