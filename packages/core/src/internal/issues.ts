// Turns an Effect Schema issue tree into flat, bilingual problems with paths.
// English comes from Effect's own formatter; Norwegian from the `messageNb`
// annotations our checks carry, or a translation of Effect's generic wording.
import * as SchemaIssue from "effect/SchemaIssue"
import { terms } from "../fhir/terminology.js"
import * as Redact from "../Redact.js"
import { guard } from "./guard.js"
import type { PathProblem } from "./problem.js"

export type { PathProblem, Problem } from "./problem.js"

/** The code of every problem an Effect schema finds: the value does not have the schema's shape. */
export const schemaCode = "schema"

const typeNames: Record<string, string> = {
  string: "tekst",
  number: "tall",
  boolean: "sann/usann",
  array: "liste",
  object: "objekt",
  null: "null",
  undefined: "ingen verdi",
  never: "ingen verdi her",
}

const phrases: Record<string, string> = {
  "a string representing a finite number": "et tall skrevet som tekst",
  "a finite number": "et endelig tall",
  "pathway 1, 2 or 3": "hovedforløp 1, 2 eller 3",
  'a status whose kind is "active", "transferred" or "discontinued"':
    'en status der kind er "active", "transferred" eller "discontinued"',
}

// Effect writes a choice of literals as `"ongoing" | "completed"`: JSON
// literals joined by " | ". Codes are read back with JSON.parse.
const literal = String.raw`(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)`
const literalUnion = new RegExp(`^${literal}(?: \\| ${literal})+$`, "u")

// The bokmål label of each code, from the model's code systems (the same
// labels the FHIR exchange writes), chosen by the set of codes: "completed"
// is "Fullført" for an enrollment and "Avsluttes" for a decision.
const booleanLabels: Readonly<Record<string, string>> = { true: "sann", false: "usann" }
const labelsFor = (codes: ReadonlyArray<string>): Readonly<Record<string, string>> | undefined => {
  if (codes.length === 2 && codes.includes("true") && codes.includes("false")) return booleanLabels
  for (const system of Object.values(terms)) {
    const concepts: Readonly<Record<string, { readonly nb: string }>> = system.concepts
    const keys = Object.keys(concepts)
    if (keys.length === codes.length && codes.every((c) => Object.hasOwn(concepts, c))) {
      return Object.fromEntries(keys.map((k) => [k, concepts[k]!.nb]))
    }
  }
  return undefined
}

// "Pågår" reads as "pågår" inside a sentence; "ORS – skala …" keeps its capitals.
const inSentence = (label: string): string =>
  /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label

const listNb = (items: ReadonlyArray<string>): string =>
  items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} eller ${items[items.length - 1]}`

/** `"ongoing" | "completed"` → `«ongoing» (pågår) eller «completed» (fullført)`: codes as typed, labels in bokmål. */
const choiceNb = (expected: string): string => {
  let values: Array<unknown>
  try {
    values = [...expected.matchAll(new RegExp(literal, "gu"))].map((m) => JSON.parse(m[0]) as unknown)
  } catch {
    return `én av ${expected}`
  }
  const codes = values.map(String)
  const labels = labelsFor(codes)
  return `én av ${listNb(
    values.map((v, i) => {
      const code = typeof v === "string" ? `«${v}»` : codes[i]!
      const label = labels?.[codes[i]!]
      return label === undefined || label.toLowerCase() === codes[i]!.toLowerCase()
        ? code
        : `${code} (${inSentence(label)})`
    }),
  )}`
}

const translateExpected = (expected: string): string =>
  phrases[expected] ??
  (literalUnion.test(expected)
    ? choiceNb(expected)
    : expected.includes(" | ")
      ? `én av ${expected}`
      : expected.replace(/\b(string|number|boolean|array|object|null|undefined|never)\b/gu, (w) => typeNames[w] ?? w))

/** Norwegian wording for Effect's generic English messages. */
export const translateGeneric = (en: string): string => {
  if (en === "Missing key") return "Mangler felt"
  if (en === "Expected no excess property") return "Ukjent felt: det er ikke tillatt her"
  if (en.startsWith("Expected exactly one member to match")) return "Forventet at nøyaktig ett alternativ passer"
  if (en === "Expected a valid value") return "Forventet en gyldig verdi"
  if (en === "Forbidden operation") return "Ikke tillatt"
  const m = /^Expected (.*)$/su.exec(en)
  if (m !== null) return `Forventet ${translateExpected(m[1] ?? "")}`
  return en
}

const english = SchemaIssue.makeFormatterStandardSchemaV1()
const norwegian = SchemaIssue.makeFormatterStandardSchemaV1({
  leafHook: (issue) => translateGeneric(SchemaIssue.defaultLeafHook(issue)),
  checkHook: (issue) => {
    const nb = issue.filter.annotations?.messageNb
    if (typeof nb === "string") return nb
    const en = SchemaIssue.defaultCheckHook(issue)
    return en === undefined ? undefined : translateGeneric(en)
  },
})

// A key from the data may itself be an identity number; paths are redacted like messages.
const keyOf = (k: PropertyKey | { key: PropertyKey }): string | number => {
  const key = typeof k === "object" ? k.key : k
  return typeof key === "number" ? key : Redact.text(String(key))
}

/** Flattens an issue into problems, each with both languages. */
export const problemsOf = guard(
  "Problems.of",
  { en: "an Effect schema issue", nb: "et problem fra et Effect-skjema" },
  (issue: SchemaIssue.Issue): ReadonlyArray<PathProblem> => {
    const en = english(issue).issues
    const nb = norwegian(issue).issues
    return en.map((p, i) => {
      const path = (p.path ?? []).map(keyOf)
      return {
        code: schemaCode,
        pointer: jsonPointer(path),
        path,
        // Effect uses some messages without calling the hooks; translate those too.
        message: { en: Redact.text(p.message), nb: Redact.text(translateGeneric(nb[i]?.message ?? p.message)) },
      }
    })
  },
)

/** `["offerings", 3, "limits", "sessions"]` → `offerings[3].limits.sessions`. */
export const formatPath = guard(
  "Problems.formatPath",
  { en: "a list of keys and indexes", nb: "en liste med nøkler og indekser" },
  (path: ReadonlyArray<string | number> | undefined): string =>
    (path ?? []).reduce<string>(
      (acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc === "" ? k : `${acc}.${k}`),
      "",
    ),
)

/** `["offerings", 3, "limits"]` → `/offerings/3/limits` (RFC 6901). */
export const jsonPointer = guard(
  "Problems.jsonPointer",
  { en: "a list of keys and indexes", nb: "en liste med nøkler og indekser" },
  (path: ReadonlyArray<string | number> | undefined): string =>
    (path ?? []).map((k) => `/${String(k).replace(/~/gu, "~0").replace(/\//gu, "~1")}`).join(""),
)
