/**
 * A rule file: json-rules-engine conditions and events, wrapped in the
 * metadata a policy officer needs — a title, a description, the source, and
 * dated versions, each with its effective period. A rule's id is its path in
 * the tree (`eligibility/karate-needs-intake`) and its kind is its folder.
 *
 * Each version says when the rule applies (`appliesWhen`), what it tests
 * (`conditions`), the outcome when the test holds (`event`) and when it does
 * not (`otherwise`). Both condition trees are json-rules-engine's format,
 * restricted to what is safe and explainable: no `path`, no condition
 * references, no priorities, and only the built-in operators.
 *
 * @module
 */
import type { Bilingual } from "@aktivitetsmodell/core"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import { guard, requireString } from "./internal/boundary.js"
import {
  type Algebra,
  type All,
  type Any,
  type Condition,
  type FactRef,
  fold,
  isRef,
  type Leaf,
  type Not,
  type TopCondition,
} from "./internal/condition.js"
import { Bilingual as BilingualText, DateText, nonEmpty, rule, Text } from "./internal/fields.js"
import { decodeShape, type Finding } from "./internal/shape.js"
import { quote } from "./internal/text.js"
import type { Kind, Outcome } from "./Outcome.js"
import { kinds } from "./Outcome.js"
import { type Source, Source as SourceSchema } from "./Source.js"

/**
 * The condition tree: `Condition` is a node (`All`, `Any`, `Not` or a `Leaf`
 * comparison), `TopCondition` a root, `Literal` and `FactRef` a comparison's
 * right-hand side. Defined with the fold over trees, which imports no schema.
 * @category models
 */
export type { All, Any, Condition, FactRef, Leaf, Literal, Not, TopCondition } from "./internal/condition.js"

const why = {
  path: {
    nb: "regelfiler kan ikke bruke stiuttrykk; json-rules-engine tolker dem med jsonpath-plus, som kan kjøre skript. Bruk et faktum fra katalogen i stedet",
    en: "rule files may not use path expressions; json-rules-engine evaluates them with jsonpath-plus, which can run script. Use a fact from the catalogue instead",
  },
  priority: {
    nb: "prioriteter får json-rules-engine til å hoppe over betingelser, så en forklaring ville mangle dem",
    en: "priorities make json-rules-engine skip conditions, so an explanation would miss them",
  },
  condition: {
    nb: "referanser til delte betingelser støttes ikke; skriv betingelsene i regelen",
    en: "shared condition references are not supported; write the conditions out in the rule",
  },
  operators: { nb: "regelfiler kan ikke definere operatorer", en: "rule files cannot define operators" },
  onSuccess: { nb: "regelfiler kan ikke inneholde kode", en: "rule files cannot carry code" },
  onFailure: { nb: "regelfiler kan ikke inneholde kode", en: "rule files cannot carry code" },
  conditions: {
    nb: "betingelser hører hjemme i en versjon, under «versions»",
    en: 'conditions belong in a version, under "versions"',
  },
}

const inCondition = { path: why.path, priority: why.priority, condition: why.condition }

// Deeper trees are no use to a reader and could exhaust the stack.
const maxDepth = 24

/** A parameter's name: its path under parameters/, with dots. */
const ParameterRef = Schema.Struct({
  name: Text.annotateKey({ description: "The parameter's path under parameters/, with dots: fit.ors-cutoff" }),
}).annotate({ identifier: "ParameterName" })

const FactName = Text.annotate({
  identifier: "FactName",
  description: 'A fact from the catalogue (Facts.all), or "parameter" with params.name',
})

// "params" goes with the fact "parameter", and only with it; JSON Schema says it with if/then/else.
const paramsRule = {
  toJsonSchema: () => ({
    if: { properties: { fact: { const: "parameter" } }, required: ["fact"] },
    // biome-ignore lint/suspicious/noThenProperty: "then" is a JSON Schema keyword here, not a promise.
    then: { required: ["params"] },
    else: { not: { required: ["params"] } },
  }),
}
const paramsFit = (o: { readonly fact: string; readonly params?: unknown }) =>
  o.fact === "parameter" && o.params === undefined
    ? {
        path: [],
        issue: new SchemaIssue.InvalidValue({
          message: 'The fact "parameter" needs "params": { "name": "<parameter>" }',
          messageNb: 'Faktumet «parameter» trenger «params»: { "name": "<parameter>" }',
        }),
      }
    : o.fact !== "parameter" && o.params !== undefined
      ? {
          path: ["params"],
          issue: new SchemaIssue.InvalidValue({
            message: '"params" is only for the fact "parameter"',
            messageNb: "«params» brukes bare med faktumet «parameter»",
            code: "forbidden",
          }),
        }
      : undefined

const Scalar = Schema.Union([Schema.String, Schema.Finite, Schema.Boolean, Schema.Null]).annotate({
  identifier: "Scalar",
  expectedText: { nb: "en tekst, et tall, sann/usann eller null", en: "a text, number, true/false or null" },
})

/** `{ "fact": … }` on the right-hand side. */
const FactRefSchema: Schema.Codec<FactRef> = Schema.Struct({ fact: FactName, params: Schema.optionalKey(ParameterRef) })
  .annotate({ forbidden: { path: why.path } })
  .check(Schema.makeFilter(paramsFit, paramsRule))

const Value = Schema.Union([Scalar, Schema.Array(Scalar), FactRefSchema]).annotate({
  identifier: "Value",
  expectedText: {
    nb: 'en verdi: en tekst, et tall, sann/usann, null, en liste eller en referanse {"fact": …}',
    en: 'a value: a text, number, true/false, null, a list, or a reference {"fact": …}',
  },
})

const LeafSchema: Schema.Codec<Leaf> = Schema.Struct({
  fact: FactName,
  operator: Text.annotate({ identifier: "OperatorName" }),
  value: Value,
  params: Schema.optionalKey(ParameterRef),
})
  .annotate({ forbidden: inCondition })
  .check(Schema.makeFilter(paramsFit, paramsRule))
  .annotate({ identifier: "Comparison" })

const AllSchema: Schema.Codec<All> = Schema.Struct({
  all: Schema.Array(Schema.suspend(() => ConditionSchema)),
}).annotate({ identifier: "All", forbidden: inCondition })
const AnySchema: Schema.Codec<Any> = Schema.Struct({
  any: Schema.Array(Schema.suspend(() => ConditionSchema)),
}).annotate({ identifier: "Any", forbidden: inCondition })
const NotSchema: Schema.Codec<Not> = Schema.Struct({ not: Schema.suspend(() => ConditionSchema) }).annotate({
  identifier: "Not",
  forbidden: inCondition,
})

const ConditionSchema: Schema.Codec<Condition> = Schema.Union([AllSchema, AnySchema, NotSchema, LeafSchema]).annotate({
  identifier: "Condition",
  expectedText: {
    nb: 'en betingelse: {"all": […]}, {"any": […]}, {"not": …} eller {"fact", "operator", "value"}',
    en: 'a condition: {"all": […]}, {"any": […]}, {"not": …} or {"fact", "operator", "value"}',
  },
})

// Past maxDepth the exact depth does not matter, and stopping there keeps a hostile tree off the stack.
const depthOf = (c: Condition): number =>
  fold(c, depth, undefined, { depth: maxDepth + 1, tooDeep: () => Number.POSITIVE_INFINITY })

const depth: Algebra<number> = {
  all: (xs) => 1 + Math.max(0, ...xs),
  any: (xs) => 1 + Math.max(0, ...xs),
  not: (x) => 1 + x,
  leaf: () => 0,
}

const TopConditionSchema = ConditionSchema.pipe(
  Schema.refine((c: Condition): c is TopCondition => !("fact" in c), {
    message: 'The root of a condition tree must be "all", "any" or "not", as json-rules-engine requires',
    messageNb: "Roten i et betingelsestre må være «all», «any» eller «not», slik json-rules-engine krever",
  }),
  Schema.check(
    rule((c: TopCondition) => depthOf(c) <= maxDepth, {
      nb: `Betingelser kan nøstes i høyst ${maxDepth} nivåer`,
      en: `Conditions may nest at most ${maxDepth} levels`,
    }),
  ),
).annotate({ identifier: "TopCondition" })

// No prototype: a key "__proto__" stays a key, which the validator reports.
const bareParams = (p: Readonly<Record<string, string>>): Readonly<Record<string, string>> =>
  Object.assign(Object.create(null) as Record<string, string>, p)

const OutcomeSchema = Schema.Struct({
  type: Text.annotate({ identifier: "OutcomeType" }),
  params: Schema.optionalKey(Schema.Record(Schema.String, Text)),
}).annotate({ identifier: "Outcome", forbidden: { onSuccess: why.onSuccess, onFailure: why.onFailure } })

/**
 * An effective period; `to` is the last day (inclusive), absent while in force.
 * @category schemas
 */
export const Period = Schema.Struct({
  from: DateText,
  to: Schema.optionalKey(DateText).annotateKey({
    description: "Last day in force (inclusive); leave out while in force",
  }),
}).check(
  Schema.makeFilter((p: { readonly from: string; readonly to?: string }) =>
    p.to !== undefined && p.to < p.from
      ? {
          path: ["to"],
          issue: new SchemaIssue.InvalidValue({
            message: `The period ends (${p.to}) before it starts (${p.from})`,
            messageNb: `Perioden slutter (${p.to}) før den starter (${p.from})`,
            code: "period-order",
          }),
        }
      : undefined,
  ),
)

/**
 * An effective period.
 * @category models
 */
export type Period = typeof Period.Type

const Unreachable = Schema.Struct({
  event: Schema.optionalKey(BilingualText),
  otherwise: Schema.optionalKey(BilingualText),
}).check(
  rule(
    (u: { readonly event?: unknown; readonly otherwise?: unknown }) =>
      (u.event === undefined) !== (u.otherwise === undefined),
    {
      nb: "Oppgi nøyaktig ett utfall som ikke kan nås, «event» eller «otherwise»: en regel må kunne gi minst ett av utfallene sine",
      en: 'Declare exactly one unreachable outcome, "event" or "otherwise": a rule must be able to give at least one of its outcomes',
    },
    "shape",
    { minProperties: 1, maxProperties: 1 },
  ),
)

const VersionSchema = Schema.Struct({
  effective: Period,
  appliesWhen: Schema.optionalKey(TopConditionSchema).annotateKey({
    description: "When the rule applies to a subject; leave out to apply always",
  }),
  conditions: TopConditionSchema.annotateKey({ description: "What the rule tests" }),
  event: OutcomeSchema.annotateKey({ description: "The outcome when the conditions hold" }),
  otherwise: OutcomeSchema.annotateKey({ description: "The outcome when they do not" }),
  source: Schema.optionalKey(SourceSchema),
  note: Schema.optionalKey(BilingualText),
  unreachable: Schema.optionalKey(Unreachable).annotateKey({
    description:
      "An outcome no case can reach, with the reason; coverage then does not ask for it, and a case that reaches it is an error",
  }),
}).annotate({ identifier: "Version", forbidden: { operators: why.operators, priority: why.priority } })

/**
 * A rule file as written: the one description of its shape. The decoder, the
 * types and the published JSON Schema (`JsonSchema.of("rule-file")`) all come
 * from it.
 * @category schemas
 */
export const FileSchema = Schema.Struct({
  $schema: Schema.optionalKey(Schema.String),
  title: BilingualText,
  description: BilingualText,
  source: SourceSchema,
  versions: Schema.Array(VersionSchema)
    .check(nonEmpty({ nb: "Forventet minst én versjon", en: "Expected at least one version" }))
    .annotateKey({ description: "Dated versions in date order, neither overlapping nor leaving gaps" }),
}).annotate({ forbidden: { operators: why.operators, conditions: why.conditions } })

/**
 * One dated version of a rule. `number` counts from 1 in file order.
 * @category models
 */
export type Version = Omit<typeof VersionSchema.Type, "appliesWhen" | "conditions"> & {
  readonly number: number
  readonly appliesWhen?: TopCondition
  readonly conditions: TopCondition
  /** Outcomes no case can reach, each with the reason, so coverage does not ask for them (see `Coverage`). */
  readonly unreachable?: { readonly event?: Bilingual; readonly otherwise?: Bilingual }
}

/**
 * A decoded rule file: what it says, with the id and kind its path gives.
 * @category models
 */
export interface RuleFile {
  readonly id: string
  readonly file: string
  readonly kind: Kind
  readonly title: Bilingual
  readonly description: Bilingual
  readonly source: Source
  readonly versions: ReadonlyArray<Version>
}

/**
 * True for a `{ "fact": … }` reference on a condition's right-hand side.
 * @example
 * RuleFile.isFactRef({ fact: "parameter", params: { name: "fit.ors-cutoff" } }) // true
 * @category predicates
 */
export const isFactRef = guard(
  "RuleFile.isFactRef",
  { nb: "(value: Literal | FactRef)", en: "(value: Literal | FactRef)" },
  isRef,
)

/**
 * The rule id and kind a file's path gives: `duration/session-limit.json`
 * (or `.yaml`) → `duration/session-limit`, kind `duration`. Undefined when the path is not
 * under a kind's folder.
 * @example
 * RuleFile.idOf("escalation/fit-ors-below-cutoff.json") // { id: "escalation/fit-ors-below-cutoff", kind: "escalation" }
 * @category constructors
 */
export const idOf = guard(
  "RuleFile.idOf",
  { nb: "(file: string)", en: "(file: string)" },
  (file: string): { readonly id: string; readonly kind: Kind } | undefined => {
    requireString("RuleFile.idOf", "file", file)
    const kind = kinds.find((k) => file.startsWith(`${k}/`))
    return kind === undefined ? undefined : { id: file.replace(/\.(?:json|ya?ml)$/u, ""), kind }
  },
)

/**
 * Decodes a rule file's parsed JSON; `file` is its path in the tree. Checks
 * the shape only: names of facts, operators, parameters and offerings are
 * checked against the catalogues by the validator.
 * @example
 * const { rule, findings } = RuleFile.decode(JSON.parse(text), "eligibility/karate-needs-intake.json")
 * @category constructors
 */
export const decode = guard(
  "RuleFile.decode",
  { nb: "(input: unknown, file: string)", en: "(input: unknown, file: string)" },
  (input: unknown, file: string): { readonly rule?: RuleFile; readonly findings: ReadonlyArray<Finding> } => {
    requireString("RuleFile.decode", "file", file)
    const where = idOf(file)
    if (where === undefined) {
      return {
        findings: [
          {
            pointer: "",
            code: "stray-file",
            severity: "error",
            message: {
              nb: `En regelfil må ligge i ${kinds.join(", ")}`,
              en: `A rule file must be in ${kinds.join(", ")}`,
            },
          },
        ],
      }
    }
    const findings: Array<Finding> = []
    if (!where.id.split("/").every((s) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(s))) {
      const id = quote(where.id)
      findings.push({
        pointer: "",
        code: "shape",
        severity: "error",
        message: {
          nb: `Stien gir regel-id-en ${id.nb}; bruk små bokstaver, sifre og bindestrek i mappe- og filnavn`,
          en: `The path gives the rule id ${id.en}; use lowercase letters, digits and hyphens in folder and file names`,
        },
      })
    }
    const { value, findings: shape } = decodeShape(FileSchema, input)
    findings.push(...shape)
    if (value === undefined || findings.length > 0) return { findings }
    const versions = value.versions.map(
      (v, i): Version =>
        ({
          ...v,
          number: i + 1,
          event: withBareParams(v.event),
          otherwise: withBareParams(v.otherwise),
        }) as Version,
    )
    return {
      rule: {
        id: where.id,
        file,
        kind: where.kind,
        title: value.title,
        description: value.description,
        source: value.source,
        versions,
      },
      findings,
    }
  },
)

const withBareParams = (o: Outcome): Outcome =>
  o.params === undefined ? o : { type: o.type, params: bareParams(o.params) }

/**
 * Every comparison in a condition tree with its JSON pointer, in document order.
 * @example
 * RuleFile.leaves(version.conditions, "/versions/0/conditions").map(([leaf]) => leaf.fact)
 * @category constructors
 */
export const leaves = guard(
  "RuleFile.leaves",
  { nb: "(condition: Condition, pointer: string)", en: "(condition: Condition, pointer: string)" },
  (c: Condition, pointer: string): Array<readonly [Leaf, string]> =>
    fold(c, leafPointers, undefined, {
      depth: maxDepth,
      // Decoded trees are at most maxDepth deep; a deeper one was built in code, perhaps cyclic.
      tooDeep: () => {
        throw new TypeError("not a condition tree")
      },
    }).map(([leaf, rest]) => [leaf, `${String(pointer)}${rest}`] as const),
)

// Each comparison with its pointer below the node, built from the leaves up.
const under = (step: string) => (xs: Array<Array<readonly [Leaf, string]>>) =>
  xs.flatMap((ls, i) => ls.map(([l, p]) => [l, `/${step}/${i}${p}`] as const))
const leafPointers: Algebra<Array<readonly [Leaf, string]>> = {
  all: under("all"),
  any: under("any"),
  not: (ls: Array<readonly [Leaf, string]>) => ls.map(([l, p]) => [l, `/not${p}`] as const),
  leaf: (l: Leaf) => [[l, ""] as const],
}
