// Schema building blocks whose failures read well in both languages.
// Each check carries an English `message` (Effect's default formatter uses it)
// and a `messageNb` annotation that the Norwegian formatter in ./issues.ts reads.
import * as Schema from "effect/Schema"
import * as Redact from "../Redact.js"
import { isRecordId } from "./idText.js"
import { withPredicate } from "./predicates.js"
import type { Bilingual } from "./text.js"

/** A filter with an English and a Norwegian failure message. */
export const filter = <T>(
  predicate: (value: T) => boolean,
  message: Bilingual,
  annotations: Schema.Annotations.Filter = {},
) =>
  withPredicate(
    Schema.makeFilter<T>(predicate, { ...annotations, message: message.en, messageNb: message.nb }),
    predicate,
  )

/** A text that is not empty or only white space. */
export const NonEmptyText = Schema.String.check(
  filter<string>(
    (s) => s.trim().length > 0,
    { en: "Expected a non-empty text", nb: "Forventet en tekst som ikke er tom" },
    {
      toJsonSchema: () => ({ minLength: 1, pattern: "\\S" }),
    },
  ),
)

/** A name in Norwegian bokmål (`nb`) and English (`en`), both non-empty. */
export const BilingualName = Schema.Struct({
  nb: NonEmptyText.annotate({ description: "Norwegian name (bokmål)" }),
  en: NonEmptyText.annotate({ description: "English name" }),
}).annotate({ identifier: "BilingualName", description: "A name in Norwegian bokmål (nb) and English (en)" })

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u

/** An identifier in lowercase letters, digits and single hyphens, such as `mindfull-restorative-yoga`. */
export const Slug = Schema.String.check(
  filter<string>(
    (s) => slugPattern.test(s),
    {
      en: "Expected an identifier of lowercase letters, digits and hyphens (such as psykisk-helse)",
      nb: "Forventet en identifikator med små bokstaver, sifre og bindestrek (som psykisk-helse)",
    },
    { toJsonSchema: () => ({ pattern: slugPattern.source }) },
  ),
  // Offering and department ids go into every subject and table: one written
  // like an identity number ("010190-12345" is a slug) would be published.
  filter<string>(
    (s) => !Redact.containsNationalId(s),
    { en: "Expected an identifier, not an identity number", nb: "Forventet en identifikator, ikke et fødselsnummer" },
    // No JSON Schema keyword says it; the pattern above stays the whole of the published shape.
    { toJsonSchema: () => ({}) },
  ),
)

/** A record identifier: letters, digits, `_`, `-`, `.` and `:`, 1–64 characters. */
const idPattern = /^[A-Za-z0-9_.:-]{1,64}$/u
export const RecordId = Schema.String.check(
  filter<string>(
    isRecordId,
    {
      en: "Expected an identifier of 1–64 letters, digits, '_', '-', '.' or ':'",
      nb: "Forventet en identifikator på 1–64 tegn: bokstaver, sifre, '_', '-', '.' eller ':'",
    },
    { toJsonSchema: () => ({ pattern: idPattern.source }) },
  ),
)

/** A whole number from `min` to `max` inclusive. */
export const IntBetween = (min: number, max: number) =>
  Schema.Finite.check(
    filter<number>(
      (n) => Number.isInteger(n) && n >= min && n <= max,
      { en: `Expected a whole number from ${min} to ${max}`, nb: `Forventet et heltall fra ${min} til ${max}` },
      { toJsonSchema: () => ({ type: "integer", minimum: min, maximum: max }) },
    ),
  )

/** A number from `min` to `max` inclusive. */
export const NumberBetween = (min: number, max: number) =>
  Schema.Finite.check(
    filter<number>(
      (n) => n >= min && n <= max,
      { en: `Expected a number from ${min} to ${max}`, nb: `Forventet et tall fra ${min} til ${max}` },
      { toJsonSchema: () => ({ minimum: min, maximum: max }) },
    ),
  )
