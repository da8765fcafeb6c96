/**
 * JSON Schema (draft 2020-12) documents for the policy tree's files, so that
 * an editor autocompletes and checks them through `$schema`: rule files,
 * parameter files and case files. Fact names, operators, outcome types,
 * recipients, actions and offering ids come from this package's catalogues.
 * The package ships them as `@aktivitetsmodell/rules/json-schema/<name>.schema.json`.
 *
 * @module
 */
import { Catalogue } from "@aktivitetsmodell/core"
import * as Schema from "effect/Schema"
import * as CaseFile from "./CaseFile.js"
import { names as factNames, all as facts } from "./Facts.js"
import { guard } from "./internal/boundary.js"
import { names as operatorNames, all as operators } from "./Operators.js"
import { actions, caseOutcomes, kinds, recipients, vocabulary } from "./Outcome.js"
import * as Parameters from "./Parameters.js"
import * as RuleFile from "./RuleFile.js"
import { Subject } from "./Subject.js"

type Json = { [k: string]: unknown }

/**
 * The schema files the package publishes.
 * @category models
 */
export type SchemaName = "rule-file" | "parameter-file" | "cases-file" | "subject"

/**
 * The names of the published schemas.
 * @example
 * JsonSchema.names // ["rule-file", "parameter-file", "cases-file", "subject"]
 * @category models
 */
export const names: ReadonlyArray<SchemaName> = ["rule-file", "parameter-file", "cases-file", "subject"]

const factEnum = (): Json => ({
  type: "string",
  enum: factNames,
  enumDescriptions: factNames.map((n) => `${facts[n].label.en} / ${facts[n].label.nb}: ${facts[n].description.en}`),
  description: 'A fact from the catalogue (Facts.all), or "parameter" with params.name',
})

// An editor shows a description beside `allOf`; fold lone descriptions and titles into their node.
const tidy = (u: unknown): unknown => {
  if (Array.isArray(u)) return u.map(tidy)
  if (typeof u !== "object" || u === null) return u
  const o: Json = {}
  for (const [k, v] of Object.entries(u)) o[k] = tidy(v)
  if (o.type === "object" && o.additionalProperties === true) o.additionalProperties = false
  const all = o.allOf
  if (Array.isArray(all)) {
    const rest = all.filter(
      (x) => typeof x !== "object" || x === null || Object.keys(x).some((k) => k !== "description" && k !== "title"),
    )
    for (const x of all) if (!rest.includes(x)) Object.assign(o, x)
    if (rest.length === 0) delete o.allOf
    else o.allOf = rest
  }
  return o
}

/** A file schema's JSON Schema document: root and definitions, closed to unknown keys. */
const generated = (schema: Schema.Top): { readonly root: Json; readonly defs: Json } => {
  const doc = Schema.toJsonSchemaDocument(schema)
  return { root: tidy(doc.schema) as Json, defs: tidy(doc.definitions) as Json }
}

// The rule file's shape is RuleFile's schema; the names an editor offers come from the catalogues.
const ruleFile = (catalogue: Catalogue.Catalogue): Json => {
  const { root, defs } = generated(RuleFile.FileSchema)
  const outcomeTypes = [...new Set(kinds.flatMap((k) => Object.keys(vocabulary[k])))]
  defs.FactName = factEnum()
  defs.OperatorName = {
    type: "string",
    enum: operatorNames,
    enumDescriptions: operatorNames.map((o) => `${operators[o].phrase.en} / ${operators[o].phrase.nb}`),
  }
  defs.OutcomeType = { type: "string", enum: outcomeTypes }
  // The root must be all, any or not: a refinement the generated schema cannot carry.
  defs.TopCondition = { anyOf: [{ $ref: "#/$defs/All" }, { $ref: "#/$defs/Any" }, { $ref: "#/$defs/Not" }] }
  const outcome = defs.Outcome as Json
  outcome.allOf = [
    {
      if: { properties: { type: { const: "granted-as" } } },
      // biome-ignore lint/suspicious/noThenProperty: "then" is a JSON Schema keyword here, not a promise.
      then: {
        required: ["params"],
        properties: {
          params: {
            additionalProperties: false,
            required: ["offering"],
            properties: { offering: { enum: catalogue.offerings.map((o) => o.id) } },
          },
        },
      },
    },
    {
      if: { properties: { type: { const: "escalate" } } },
      // biome-ignore lint/suspicious/noThenProperty: "then" is a JSON Schema keyword here, not a promise.
      then: {
        required: ["params"],
        properties: {
          params: {
            additionalProperties: false,
            required: ["to", "action"],
            properties: { to: { enum: Object.keys(recipients) }, action: { enum: Object.keys(actions) } },
          },
        },
      },
    },
  ]
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "rule-file.schema.json",
    title: "Rule file (regelfil)",
    description:
      "A dated rule of the activity model in json-rules-engine's format. The rule's id is its path; its kind is its folder (eligibility, duration, escalation).",
    ...root,
    $defs: defs,
  }
}

const parameterFile = (): Json => {
  const { root, defs } = generated(Parameters.FileSchema)
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "parameter-file.schema.json",
    title: "Parameter file (parameter)",
    description:
      "A dated parameter, in JSON or YAML. Its name is its path under parameters/. A change adds an entry with a later date; old entries stay.",
    ...root,
    $defs: defs,
  }
}

// The subject's definitions, from its effect Schema, with the catalogue's offering and department ids.
const subjectDefs = (catalogue: Catalogue.Catalogue): { readonly root: Json; readonly defs: Json } => {
  const { root, defs } = generated(Subject)
  defs.OfferingId = { type: "string", enum: catalogue.offerings.map((o) => o.id) }
  defs.DepartmentId = { type: "string", enum: catalogue.departments.map((d) => d.id) }
  return { root, defs }
}

/** The subject of a decision, as `evaluate`, `explain` and apps send it: from the same effect Schema `Subject.decode` uses. */
const subjectFile = (catalogue: Catalogue.Catalogue): Json => {
  const { root, defs } = subjectDefs(catalogue)
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "subject.schema.json",
    title: "Subject of a decision (innbygger og situasjon)",
    description:
      "What a question to Decision.decide, evaluate or explain gives: the citizen, the offering and the facts known. A fact left out is unknown, never assumed.",
    ...root,
    $defs: defs,
  }
}

const casesFile = (catalogue: Catalogue.Catalogue): Json => {
  const subject = subjectDefs(catalogue)
  const { root, defs } = generated(CaseFile.FileSchema)
  defs.CaseSubject = subject.root
  const outcome = defs.ExpectedOutcome as Json
  const types = [...new Set(kinds.flatMap((k) => Object.keys(vocabulary[k]))), ...Object.keys(caseOutcomes)]
  outcome.anyOf = [
    { type: "string", enum: types },
    ...((outcome.anyOf as ReadonlyArray<Json>) ?? []).filter((m) => m.type !== "string"),
  ]
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "cases-file.schema.json",
    title: "Case file (testtilfeller)",
    description:
      "Cases for the rule beside this file (<rule>.cases.yaml): each a whole-sentence name, a date, a subject and the expected outcome.",
    ...root,
    $defs: { ...subject.defs, ...defs },
  }
}

/**
 * The JSON Schema document of one file kind.
 * @example
 * JsonSchema.of("rule-file").title // "Rule file (regelfil)"
 * @category schemas
 */
export const of = guard(
  "JsonSchema.of",
  {
    en: '(name: "rule-file" | "parameter-file" | "cases-file" | "subject", catalogue?: Catalogue)',
    nb: '(name: "rule-file" | "parameter-file" | "cases-file" | "subject", catalogue?: Catalogue)',
  },
  (name: SchemaName, catalogue: Catalogue.Catalogue = Catalogue.sandnes()): Json => {
    if (!names.includes(name)) throw new TypeError("unknown schema")
    return name === "rule-file"
      ? ruleFile(catalogue)
      : name === "parameter-file"
        ? parameterFile()
        : name === "subject"
          ? subjectFile(catalogue)
          : casesFile(catalogue)
  },
)
