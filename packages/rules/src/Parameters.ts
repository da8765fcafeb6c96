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
import { isDuration } from "./Duration.js"
import { guard, requireString } from "./internal/boundary.js"
import { child } from "./internal/pointer.js"
import { type Finding, Reader } from "./internal/read.js"
import { suggest } from "./internal/suggest.js"
import { readSource } from "./internal/source.js"
import { bi, quote } from "./internal/text.js"
import type { Source } from "./Source.js"

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
export const nameOf = guard("Parameters.nameOf", bi("(file: string)", "(file: string)"), (file: string): string => {
  requireString("Parameters.nameOf", "file", file)
  return file.replace(/^parameters\//u, "").replace(/\.(?:json|ya?ml)$/u, "").split("/").join(".")
})

/**
 * The entry in force on `date`, or undefined before the first one.
 * @example
 * Parameters.entryOn(yogaSessions, "2024-01-01")?.value // 4
 * @category constructors
 */
export const entryOn = guard("Parameters.entryOn", bi("(parameter: { values }, date: string)", "(parameter: { values }, date: string)"), (p: Pick<Parameter, "values">, date: string): Entry | undefined => {
  requireString("Parameters.entryOn", "date", date)
  return Policy.valueOn(p.values, date)
})

const typeWords: Record<Type, Bilingual> = {
  number: bi("a number", "et tall"),
  // policy-literal-ok: an example of the duration format in a message
  duration: bi('a duration such as "P2M" (2 months) or "P4W" (4 weeks)', "en varighet som «P2M» (2 måneder) eller «P4W» (4 uker)"),
  date: bi("a date as YYYY-MM-DD", "en dato på formen ÅÅÅÅ-MM-DD")
}

const fits = (type: Type, v: unknown): v is ParameterValue =>
  type === "number" ? typeof v === "number" && Number.isFinite(v) : type === "duration" ? isDuration(v) : IsoDate.isIsoDate(v)

/**
 * Decodes a parameter file's parsed JSON. `file` is its path inside the tree.
 * Returns the parameter when it is sound and every finding either way.
 * @example
 * const { parameter, findings } = Parameters.decode(JSON.parse(text), "parameters/fit/ors-cutoff.json")
 * @category constructors
 */
export const decode = guard("Parameters.decode", bi("(input: unknown, file: string)", "(input: unknown, file: string)"), (input: unknown, file: string): { readonly parameter?: Parameter; readonly findings: ReadonlyArray<Finding> } => {
  const r = new Reader()
  const name = nameOf(file)
  if (!name.split(".").every((s) => segment.test(s))) {
    const n = quote(name)
    r.error("", "shape", `The file name gives the parameter name ${n.en}; use lowercase letters, digits and hyphens in folder and file names`, `Filnavnet gir parameternavnet ${n.nb}; bruk små bokstaver, sifre og bindestrek i mappe- og filnavn`)
  }
  const o = r.object(input, "", ["label", "description", "type", "source", "values"], ["$schema", "datedBy", "unit"])
  if (o === undefined) return { findings: r.findings }
  const label = Object.hasOwn(o, "label") ? r.bilingual(o["label"], "/label") : undefined
  const description = Object.hasOwn(o, "description") ? r.bilingual(o["description"], "/description") : undefined
  const unit = Object.hasOwn(o, "unit") ? r.bilingual(o["unit"], "/unit") : undefined
  const source = Object.hasOwn(o, "source") ? readSource(r, o["source"], "/source") : undefined
  let type: Type | undefined
  if (Object.hasOwn(o, "type")) {
    const t = o["type"]
    if (t === "number" || t === "duration" || t === "date") type = t
    else r.error("/type", "shape", 'Expected "number", "duration" or "date"', "Forventet «number», «duration» eller «date»")
  }
  let datedBy: Policy.DatedBy | undefined
  if (!Object.hasOwn(o, "datedBy")) {
    r.error(
      "",
      "shape",
      'Missing "datedBy": say which date selects the value, "enrollment-start" (the enrollment\'s first day), "session-date" or "question-date"',
      'Mangler «datedBy»: si hvilken dato som velger verdien, «enrollment-start» (deltagelsens første dag), «session-date» (samlingens dato) eller «question-date» (datoen spørsmålet gjelder)'
    )
  } else {
    const d = o["datedBy"]
    datedBy = Policy.datedByValues.find((v) => v === d)
    if (datedBy === undefined) {
      const guess = typeof d === "string" ? suggest(d, Policy.datedByValues) : undefined
      const hint = guess === undefined ? undefined : quote(guess)
      r.error(
        "/datedBy",
        "shape",
        `Expected "enrollment-start" (the enrollment's first day), "session-date" or "question-date"${hint === undefined ? "" : `; did you mean ${hint.en}?`}`,
        `Forventet «enrollment-start» (deltagelsens første dag), «session-date» (samlingens dato) eller «question-date» (datoen spørsmålet gjelder)${hint === undefined ? "" : `; mente du ${hint.nb}?`}`
      )
    }
  }
  const values: Array<Entry> = []
  const list = Object.hasOwn(o, "values") ? r.array(o["values"], "/values") : undefined
  if (list !== undefined && list.length === 0) r.error("/values", "shape", "Expected at least one dated value", "Forventet minst én datert verdi")
  list?.forEach((item, i) => {
    const at = child("/values", i)
    const e = r.object(item, at, ["from", "value"], ["source", "note"])
    if (e === undefined) return
    const from = Object.hasOwn(e, "from") ? r.date(e["from"], `${at}/from`) : undefined
    const value = e["value"]
    if (type !== undefined && Object.hasOwn(e, "value") && !fits(type, value)) {
      r.error(`${at}/value`, "type-mismatch", `Expected ${typeWords[type].en}, as the parameter's type says`, `Forventet ${typeWords[type].nb}, slik parameterens type sier`)
    }
    const entrySource = Object.hasOwn(e, "source") ? readSource(r, e["source"], `${at}/source`) : undefined
    const note = Object.hasOwn(e, "note") ? r.bilingual(e["note"], `${at}/note`) : undefined
    const previous = values[values.length - 1]
    if (from !== undefined && previous !== undefined && from <= previous.from) {
      r.error(`${at}/from`, "period-order", `Dated values must be in date order, each after the one before; ${from} is not after ${previous.from}`, `Daterte verdier må stå i datorekkefølge, hver etter den forrige; ${from} er ikke etter ${previous.from}`)
    }
    if (from !== undefined && type !== undefined && fits(type, value)) {
      values.push({ from, value, ...(entrySource === undefined ? {} : { source: entrySource }), ...(note === undefined ? {} : { note }) })
    }
  })
  const sound = r.findings.every((f) => f.severity !== "error")
  if (!sound || label === undefined || description === undefined || type === undefined || datedBy === undefined || source === undefined) return { findings: r.findings }
  return {
    parameter: { name, file, label, description, type, datedBy, ...(unit === undefined ? {} : { unit }), source, values },
    findings: r.findings
  }
})
