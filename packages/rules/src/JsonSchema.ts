/**
 * JSON Schema (draft 2020-12) documents for the policy tree's files, so that
 * an editor autocompletes and checks them through `$schema`: rule files,
 * parameter files and case files. Fact names, operators, outcome types,
 * recipients, actions and offering ids come from this package's catalogues.
 * The package ships them as `@aktivitetsmodell/rules/json-schema/<name>.schema.json`.
 *
 * @module
 */
import { Catalogue, Policy } from "@aktivitetsmodell/core"
import * as Schema from "effect/Schema"
import { all as facts, names as factNames } from "./Facts.js"
import { all as operators, names as operatorNames } from "./Operators.js"
import { actions, caseOutcomes, kinds, recipients, vocabulary } from "./Outcome.js"
import { guard } from "./internal/boundary.js"
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

const bilingual: Json = {
  type: "object",
  description: "Text in Norwegian bokmål (nb) and English (en)",
  additionalProperties: false,
  required: ["nb", "en"],
  properties: { nb: { type: "string", minLength: 1 }, en: { type: "string", minLength: 1 } }
}

const date: Json = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", format: "date", description: "A date as YYYY-MM-DD" }

const source: Json = {
  type: "object",
  description: "Where the rule or value comes from: a seed file with section and lines, or a link",
  additionalProperties: false,
  properties: {
    file: { type: "string", description: "Seed file, such as seeds/000_b0fda6026573384c.txt" },
    section: { type: "string", description: "Section heading in the seed" },
    lines: { type: "string", pattern: "^\\d+(?:-\\d+)?$", description: 'Line or lines, such as "102" or "77-93"' },
    quote: { type: "string", description: "The source's own words" },
    url: { type: "string", pattern: "^https://\\S+$" },
    note: { $ref: "#/$defs/Bilingual" }
  },
  anyOf: [{ required: ["file", "section"] }, { required: ["url"] }]
}

const shared = { Bilingual: bilingual, Date: date, Source: source }

const factEnum = (withParameter: boolean): Json => {
  const list = factNames.filter((n) => withParameter || n !== "parameter")
  return {
    type: "string",
    enum: list,
    enumDescriptions: list.map((n) => `${facts[n].label.en} / ${facts[n].label.nb}: ${facts[n].description.en}`),
    description: "A fact from the catalogue (Facts.all), or \"parameter\" with params.name"
  }
}

const ruleFile = (catalogue: Catalogue.Catalogue): Json => {
  const outcomeTypes = [...new Set(kinds.flatMap((k) => Object.keys(vocabulary[k])))]
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "rule-file.schema.json",
    title: "Rule file (regelfil)",
    description: "A dated rule of the activity model in json-rules-engine's format. The rule's id is its path; its kind is its folder (eligibility, duration, escalation).",
    type: "object",
    additionalProperties: false,
    required: ["title", "description", "source", "versions"],
    properties: {
      $schema: { type: "string" },
      title: { $ref: "#/$defs/Bilingual" },
      description: { $ref: "#/$defs/Bilingual" },
      source: { $ref: "#/$defs/Source" },
      versions: { type: "array", minItems: 1, items: { $ref: "#/$defs/Version" }, description: "Dated versions in date order, neither overlapping nor leaving gaps" }
    },
    $defs: {
      ...shared,
      Version: {
        type: "object",
        additionalProperties: false,
        required: ["effective", "conditions", "event", "otherwise"],
        properties: {
          effective: {
            type: "object",
            additionalProperties: false,
            required: ["from"],
            properties: { from: { $ref: "#/$defs/Date" }, to: { $ref: "#/$defs/Date", description: "Last day in force (inclusive); leave out while in force" } }
          },
          appliesWhen: { $ref: "#/$defs/TopCondition", description: "When the rule applies to a subject; leave out to apply always" },
          conditions: { $ref: "#/$defs/TopCondition", description: "What the rule tests" },
          event: { $ref: "#/$defs/Outcome", description: "The outcome when the conditions hold" },
          otherwise: { $ref: "#/$defs/Outcome", description: "The outcome when they do not" },
          source: { $ref: "#/$defs/Source" },
          note: { $ref: "#/$defs/Bilingual" },
          unreachable: {
            type: "object",
            additionalProperties: false,
            minProperties: 1,
            maxProperties: 1,
            properties: { event: { $ref: "#/$defs/Bilingual" }, otherwise: { $ref: "#/$defs/Bilingual" } },
            description: "An outcome no case can reach, with the reason; coverage then does not ask for it, and a case that reaches it is an error"
          }
        }
      },
      TopCondition: { oneOf: [{ $ref: "#/$defs/All" }, { $ref: "#/$defs/Any" }, { $ref: "#/$defs/Not" }] },
      Condition: { oneOf: [{ $ref: "#/$defs/All" }, { $ref: "#/$defs/Any" }, { $ref: "#/$defs/Not" }, { $ref: "#/$defs/Comparison" }] },
      All: { type: "object", additionalProperties: false, required: ["all"], properties: { all: { type: "array", items: { $ref: "#/$defs/Condition" } } } },
      Any: { type: "object", additionalProperties: false, required: ["any"], properties: { any: { type: "array", items: { $ref: "#/$defs/Condition" } } } },
      Not: { type: "object", additionalProperties: false, required: ["not"], properties: { not: { $ref: "#/$defs/Condition" } } },
      Comparison: {
        type: "object",
        additionalProperties: false,
        required: ["fact", "operator", "value"],
        properties: {
          fact: factEnum(true),
          operator: {
            type: "string",
            enum: operatorNames,
            enumDescriptions: operatorNames.map((o) => `${operators[o].phrase.en} / ${operators[o].phrase.nb}`)
          },
          value: { $ref: "#/$defs/Value" },
          params: { $ref: "#/$defs/ParameterName" }
        }
      },
      ParameterName: {
        type: "object",
        additionalProperties: false,
        required: ["name"],
        properties: { name: { type: "string", pattern: "^[a-z0-9-]+(?:\\.[a-z0-9-]+)*$", description: "The parameter's path under parameters/, with dots: fit.ors-cutoff" } }
      },
      Scalar: { type: ["string", "number", "boolean", "null"] },
      Value: {
        anyOf: [
          { $ref: "#/$defs/Scalar" },
          { type: "array", items: { $ref: "#/$defs/Scalar" } },
          {
            type: "object",
            additionalProperties: false,
            required: ["fact"],
            properties: { fact: factEnum(true), params: { $ref: "#/$defs/ParameterName" } },
            description: "Another fact, or a parameter: { \"fact\": \"parameter\", \"params\": { \"name\": … } }"
          }
        ]
      },
      Outcome: {
        type: "object",
        additionalProperties: false,
        required: ["type"],
        properties: {
          type: { type: "string", enum: outcomeTypes },
          params: { type: "object", additionalProperties: { type: "string" } }
        },
        allOf: [
          {
            if: { properties: { type: { const: "granted-as" } } },
            then: {
              required: ["params"],
              properties: { params: { additionalProperties: false, required: ["offering"], properties: { offering: { enum: catalogue.offerings.map((o) => o.id) } } } }
            }
          },
          {
            if: { properties: { type: { const: "escalate" } } },
            then: {
              required: ["params"],
              properties: {
                params: {
                  additionalProperties: false,
                  required: ["to", "action"],
                  properties: { to: { enum: Object.keys(recipients) }, action: { enum: Object.keys(actions) } }
                }
              }
            }
          }
        ]
      }
    }
  }
}

const parameterFile = (): Json => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "parameter-file.schema.json",
  title: "Parameter file (parameter)",
  description: "A dated parameter. Its name is its path under parameters/. A change adds an entry with a later date; old entries stay.",
  type: "object",
  additionalProperties: false,
  required: ["label", "description", "type", "datedBy", "source", "values"],
  properties: {
    $schema: { type: "string" },
    label: { $ref: "#/$defs/Bilingual" },
    description: { $ref: "#/$defs/Bilingual" },
    type: { enum: ["number", "duration", "date"] },
    datedBy: {
      enum: [...Policy.datedByValues],
      description: "Which date selects the value: the enrollment's first day, the session's date, or the date the question is about"
    },
    unit: { $ref: "#/$defs/Bilingual" },
    source: { $ref: "#/$defs/Source" },
    values: {
      type: "array",
      minItems: 1,
      description: "Dated values in date order; each is in force until the next",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["from", "value"],
        properties: {
          from: { $ref: "#/$defs/Date" },
          value: {
            oneOf: [
              { type: "number" },
              { type: "string", pattern: "^P(?:\\d+Y)?(?:\\d+M)?(?:\\d+W)?(?:\\d+D)?$", description: "A duration: P2M, P4W, P10D" },
              { $ref: "#/$defs/Date" }
            ]
          },
          source: { $ref: "#/$defs/Source" },
          note: { $ref: "#/$defs/Bilingual" }
        }
      }
    }
  },
  $defs: shared
})

const closeObjects = (u: unknown): unknown => {
  if (Array.isArray(u)) return u.map(closeObjects)
  if (typeof u !== "object" || u === null) return u
  const o: Json = {}
  for (const [k, v] of Object.entries(u)) o[k] = closeObjects(v)
  if (o["type"] === "object" && o["additionalProperties"] === true) o["additionalProperties"] = false
  return o
}

// The subject's definitions, from its effect Schema, with the catalogue's offering and department ids.
const subjectDefs = (catalogue: Catalogue.Catalogue): { readonly root: Json; readonly defs: Json } => {
  const doc = Schema.toJsonSchemaDocument(Subject)
  const defs = closeObjects(doc.definitions) as Json
  defs["OfferingId"] = { type: "string", enum: catalogue.offerings.map((o) => o.id) }
  defs["DepartmentId"] = { type: "string", enum: catalogue.departments.map((d) => d.id) }
  return { root: doc.schema as Json, defs }
}

/** The subject of a decision, as `evaluate`, `explain` and apps send it: from the same effect Schema `Subject.decode` uses. */
const subjectFile = (catalogue: Catalogue.Catalogue): Json => {
  const { root, defs } = subjectDefs(catalogue)
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "subject.schema.json",
    title: "Subject of a decision (innbygger og situasjon)",
    description: "What a question to Decision.decide, evaluate or explain gives: the citizen, the offering and the facts known. A fact left out is unknown, never assumed.",
    ...root,
    $defs: defs
  }
}

const casesFile = (catalogue: Catalogue.Catalogue): Json => {
  const { root, defs } = subjectDefs(catalogue)
  const outcome: Json = {
    anyOf: [
      { type: "string", enum: [...new Set(kinds.flatMap((k) => Object.keys(vocabulary[k]))), ...Object.keys(caseOutcomes)] },
      { type: "object", required: ["type"], additionalProperties: { type: "string" }, properties: { type: { type: "string" } } }
    ],
    description: "The outcome the rule must give: a type such as eligible, or { type: escalate, to: therapist, action: review-feedback }; not-applicable when the rule must not apply; { type: unknown, missing: citizen.birthDate } when the answer depends on an input the subject does not give"
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "cases-file.schema.json",
    title: "Case file (testtilfeller)",
    description: "Cases for the rule beside this file (<rule>.cases.yaml): each a whole-sentence name, a date, a subject and the expected outcome.",
    type: "object",
    additionalProperties: false,
    required: ["cases"],
    properties: {
      $schema: { type: "string" },
      rule: { type: "string", description: "The rule the cases test; defaults to the file beside this one" },
      cases: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["name", "date", "subject", "expect"],
          properties: {
            name: { type: "string", pattern: "^[A-ZÆØÅ].*[.!?]$", description: "A whole sentence saying what the case shows" },
            source: { type: "string", description: "Where in the seeds the case comes from, such as seeds/000_b0fda6026573384c.txt, Organisering, line 33" },
            date: date,
            subject: root,
            expect: outcome,
            also: { type: "object", additionalProperties: outcome, description: "Outcomes other rules must give for the same subject, by rule id" }
          }
        }
      }
    },
    $defs: defs
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
  { en: '(name: "rule-file" | "parameter-file" | "cases-file" | "subject", catalogue?: Catalogue)', nb: '(name: "rule-file" | "parameter-file" | "cases-file" | "subject", catalogue?: Catalogue)' },
  (name: SchemaName, catalogue: Catalogue.Catalogue = Catalogue.sandnes()): Json => {
    if (!names.includes(name)) throw new TypeError("unknown schema")
    return name === "rule-file" ? ruleFile(catalogue) : name === "parameter-file" ? parameterFile() : name === "subject" ? subjectFile(catalogue) : casesFile(catalogue)
  }
)
