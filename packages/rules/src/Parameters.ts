/**
 * Dated parameters: the numbers, durations and dates rules refer to by name
 * (`offerings.mindfull-restorative-yoga.sessions`, `transition.duration`).
 * Each lives in its own file under `parameters/`, and its name is its path.
 * A policy change adds a dated entry and never overwrites an old one, so a
 * past date still evaluates as it did.
 *
 * @module
 */
import type { Bilingual } from "@aktivitetsmodell/core"
import { IsoDate, Policy } from "@aktivitetsmodell/core"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import { guard, requireString } from "./internal/boundary.js"
import { countFindings } from "./internal/countParameter.js"
import { Bilingual as BilingualText, DateText, nonEmpty, Text } from "./internal/fields.js"
import { decodeShape, type Finding } from "./internal/shape.js"
import { quote } from "./internal/text.js"
import { isPeriodLength } from "./PeriodLength.js"
import { type Source, Source as SourceSchema } from "./Source.js"

/**
 * What kind of value a parameter holds.
 * @category models
 */
export type Type = "number" | "duration" | "date"

/**
 * A parameter's value: a number, a duration (`"P2M"`) or a date (`"2023-03-09"`).
 * @category models
 */
export type ParameterValue = number | string

/**
 * One dated value: in force from `from` until the next entry's date.
 * @category models
 */
export interface Entry {
  readonly from: IsoDate.IsoDate
  readonly value: ParameterValue
  readonly source?: Source
  readonly note?: Bilingual
}

/**
 * A parameter file, decoded.
 * @example
 * const p: Parameters.Parameter = tree.parameters.get("fit.ors-cutoff")!
 * @category models
 */
export interface Parameter {
  readonly name: string
  readonly file: string
  readonly label: Bilingual
  readonly description: Bilingual
  readonly type: Type
  /** Which date selects a value: see core's `Policy.DatedBy`. */
  readonly datedBy: Policy.DatedBy
  readonly unit?: Bilingual
  readonly source: Source
  readonly values: ReadonlyArray<Entry>
}

const segment = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u

/**
 * A parameter's name from its file's path inside the tree:
 * `parameters/fit/ors-cutoff.json` → `fit.ors-cutoff`.
 * @example
 * Parameters.nameOf("parameters/offerings/turgruppe/cohort-length.json") // "offerings.turgruppe.cohort-length"
 * @category constructors
 */
export const nameOf = guard(
  "Parameters.nameOf",
  { nb: "(file: string)", en: "(file: string)" },
  (file: string): string => {
    requireString("Parameters.nameOf", "file", file)
    return file
      .replace(/^parameters\//u, "")
      .replace(/\.(?:json|ya?ml)$/u, "")
      .split("/")
      .join(".")
  },
)

/**
 * The entry in force on `date`, or undefined before the first one.
 * @example
 * Parameters.entryOn(yogaSessions, "2024-01-01")?.value // 4
 * @category constructors
 */
export const entryOn = guard(
  "Parameters.entryOn",
  { nb: "(parameter: { values }, date: string)", en: "(parameter: { values }, date: string)" },
  (p: Pick<Parameter, "values">, date: string): Entry | undefined => {
    requireString("Parameters.entryOn", "date", date)
    return Policy.valueOn(p.values, date)
  },
)

const typeWords: Record<Type, Bilingual> = {
  number: { nb: "et tall", en: "a number" },
  duration: {
    // policy-literal-ok: examples of the format in a message, not policy values.
    nb: "en varighet som «P2M» (2 måneder) eller «P4W» (4 uker)",
    // policy-literal-ok: examples of the format in a message, not policy values.
    en: 'a duration such as "P2M" (2 months) or "P4W" (4 weeks)',
  },
  date: { nb: "en dato på formen ÅÅÅÅ-MM-DD", en: "a date as YYYY-MM-DD" },
}

const fits = (type: Type, v: unknown): v is ParameterValue =>
  type === "number"
    ? typeof v === "number" && Number.isFinite(v)
    : type === "duration"
      ? isPeriodLength(v)
      : IsoDate.isIsoDate(v)

const datedByWords = {
  nb: "«enrollment-start» (deltagelsens første dag), «session-date» (samlingens dato) eller «question-date» (datoen spørsmålet gjelder)",
  en: '"enrollment-start" (the enrollment\'s first day), "session-date" or "question-date"',
}

const EntrySchema = Schema.Struct({
  from: DateText,
  value: Schema.Union([Schema.Finite, Text]).annotate({
    expectedText: { nb: "et tall, en varighet eller en dato", en: "a number, a duration or a date" },
  }),
  source: Schema.optionalKey(SourceSchema).annotateKey({
    description: "Where this value comes from, when it is not the parameter's source",
  }),
  note: Schema.optionalKey(BilingualText),
})

// Each value must fit the type, and the dates must rise: checked on the whole file so the message can say which.
const entriesFit = (p: {
  readonly type: Type
  readonly values: ReadonlyArray<{ readonly from: string; readonly value: unknown }>
}) => {
  const issues: Array<{ readonly path: ReadonlyArray<PropertyKey>; readonly issue: SchemaIssue.Issue }> = []
  p.values.forEach((e, i) => {
    if (!fits(p.type, e.value)) {
      const t = typeWords[p.type]
      issues.push({
        path: ["values", i, "value"],
        issue: new SchemaIssue.InvalidValue({
          message: `Expected ${t.en}, as the parameter's type says`,
          messageNb: `Forventet ${t.nb}, slik parameterens type sier`,
          code: "type-mismatch",
        }),
      })
    }
    const previous = p.values[i - 1]
    if (previous !== undefined && e.from <= previous.from) {
      issues.push({
        path: ["values", i, "from"],
        issue: new SchemaIssue.InvalidValue({
          message: `Dated values must be in date order, each after the one before; ${e.from} is not after ${previous.from}`,
          messageNb: `Daterte verdier må stå i datorekkefølge, hver etter den forrige; ${e.from} er ikke etter ${previous.from}`,
          code: "period-order",
        }),
      })
    }
  })
  return issues
}

/**
 * A parameter file as written: the one description of its shape. The
 * decoder, the types and the published JSON Schema
 * (`JsonSchema.of("parameter-file")`) all come from it.
 * @category schemas
 */
export const FileSchema = Schema.Struct({
  $schema: Schema.optionalKey(Schema.String),
  label: BilingualText,
  description: BilingualText,
  type: Schema.Literals(["number", "duration", "date"]),
  datedBy: Schema.Literals(Policy.datedByValues)
    .annotate({ expectedText: datedByWords })
    .annotateKey({
      description:
        "Which date selects the value: the enrollment's first day, the session's date, or the date the question is about",
      missingText: {
        nb: `si hvilken dato som velger verdien, ${datedByWords.nb}`,
        en: `say which date selects the value, ${datedByWords.en}`,
      },
    }),
  unit: Schema.optionalKey(BilingualText),
  source: SourceSchema,
  values: Schema.Array(EntrySchema)
    .check(nonEmpty({ nb: "Forventet minst én datert verdi", en: "Expected at least one dated value" }))
    .annotateKey({ description: "Dated values in date order; each is in force until the next" }),
}).check(Schema.makeFilter(entriesFit))

/**
 * Decodes a parameter file's parsed content (JSON or YAML). `file` is its
 * path inside the tree. Returns the parameter when it is sound and every
 * finding either way.
 * @example
 * const { parameter, findings } = Parameters.decode(JSON.parse(text), "parameters/fit/ors-cutoff.json")
 * @category constructors
 */
export const decode = guard(
  "Parameters.decode",
  { nb: "(input: unknown, file: string)", en: "(input: unknown, file: string)" },
  (input: unknown, file: string): { readonly parameter?: Parameter; readonly findings: ReadonlyArray<Finding> } => {
    const name = nameOf(file)
    const findings: Array<Finding> = []
    if (!name.split(".").every((s) => segment.test(s))) {
      const n = quote(name)
      findings.push({
        pointer: "",
        code: "shape",
        severity: "error",
        message: {
          nb: `Filnavnet gir parameternavnet ${n.nb}; bruk små bokstaver, sifre og bindestrek i mappe- og filnavn`,
          en: `The file name gives the parameter name ${n.en}; use lowercase letters, digits and hyphens in folder and file names`,
        },
      })
    }
    const { value, findings: shape } = decodeShape(FileSchema, input)
    findings.push(...shape)
    if (value !== undefined) findings.push(...countFindings(name, value.values))
    if (value === undefined || findings.length > 0) return { findings }
    const { $schema: _, ...rest } = value
    return { parameter: { name, file, ...rest, values: rest.values as ReadonlyArray<Entry> }, findings }
  },
)
