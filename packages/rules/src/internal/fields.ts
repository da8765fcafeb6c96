// The small shapes every policy file shares, as effect Schema: non-empty
// text, a date, text in both languages, and a struct that names the keys it
// refuses. The file schemas (RuleFile, Parameters, Cases, Source) are built
// from these, and the published JSON Schema is generated from them.
import type { Bilingual as Words } from "@aktivitetsmodell/core"
import { IsoDate } from "@aktivitetsmodell/core"
import * as Schema from "effect/Schema"

/**
 * A check with a message in both languages and a finding code (see
 * `shape.ts`), and what it adds to the published JSON Schema.
 */
export const rule = <T>(
  test: (value: T) => boolean,
  message: Words,
  code = "shape",
  jsonSchema?: Record<string, unknown>,
) =>
  Schema.makeFilter<T>((v) => test(v), {
    message: message.en,
    messageNb: message.nb,
    code,
    ...(jsonSchema === undefined ? {} : { toJsonSchema: () => jsonSchema }),
  })

/** A check that a list has at least one item, with what the list should hold. */
export const nonEmpty = (message: Words) =>
  rule((v: ReadonlyArray<unknown>) => v.length > 0, message, "shape", { minItems: 1 })

/** A text that is not empty or blank. */
export const Text = Schema.String.annotate({ expectedText: { nb: "en tekst", en: "a text" } }).check(
  rule(
    (s: string) => s.trim().length > 0,
    { nb: "Forventet en tekst som ikke er tom", en: "Expected a non-empty text" },
    "shape",
    { minLength: 1 },
  ),
)

/** A calendar date as YYYY-MM-DD. */
export const DateText = IsoDate.IsoDate.annotate({
  expectedText: { nb: "en gyldig dato på formen ÅÅÅÅ-MM-DD", en: "an existing calendar date as YYYY-MM-DD" },
})

/** Text in Norwegian bokmål and English. */
export const Bilingual = Schema.Struct({
  nb: Text.annotateKey({ description: "Norwegian bokmål" }),
  en: Text.annotateKey({ description: "English" }),
}).annotate({ identifier: "Bilingual", description: "Text in Norwegian bokmål (nb) and English (en)" })

/** A key a struct refuses, with the reason the message gives. */
export type Forbidden = Readonly<Record<string, Words>>
