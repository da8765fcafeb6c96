// Building a decision's receipt: everything needed to say later, against
// another version of the policy tree, whether the same question still gets
// the same answer and what changed. Kept apart from Receipt.ts (which
// replays) so that Decision can build a receipt without importing itself.
import * as Schema from "effect/Schema"
import type { Node, Side } from "../Evaluate.js"
import type { Value } from "../Facts.js"
import { on } from "../InForce.js"
import type { Outcome } from "../Outcome.js"
import type { Tree } from "../PolicyTree.js"
import type { Period } from "../RuleFile.js"
import type { Source } from "../Source.js"
import type { Subject } from "../Subject.js"
import type { Decisions, Summary } from "./decideOn.js"
import { DateText, rule, Text } from "./fields.js"

const Scalar = Schema.Union([Schema.String, Schema.Finite, Schema.Boolean, Schema.Null])
const ValueSchema = Schema.Union([Scalar, Schema.Array(Scalar)]).annotate({
  expectedText: { nb: "en verdi", en: "a value" },
})
const Version = Schema.Int.check(
  rule((n: number) => n >= 1, { nb: "Forventet et versjonsnummer fra 1", en: "Expected a version number from 1" }),
).annotate({
  expectedText: { nb: "et versjonsnummer", en: "a version number" },
})

const ConditionSchema = Schema.Struct({
  pointer: Text,
  fact: Text,
  value: ValueSchema,
  operator: Text,
  against: ValueSchema,
  result: Schema.Boolean,
  unknown: Schema.optionalKey(Schema.Literal(true)),
})

/**
 * One comparison as it was evaluated: where it stands in the rule file, the
 * fact (or parameter) on the left with its value, the operator, the value on
 * the right, and the result; `unknown` when it depends on an input the
 * subject did not give.
 * @category models
 */
export type ReceiptCondition = typeof ConditionSchema.Type

const ParameterSchema = Schema.Struct({
  name: Text,
  value: Schema.Union([Schema.Finite, Schema.String]),
  from: DateText,
  file: Text,
})

/**
 * A parameter value a decision used, with the day it took effect and its file.
 * @category models
 */
export type ReceiptParameter = Omit<typeof ParameterSchema.Type, "from"> & { readonly from: string }

const OutcomeSchema = Schema.Struct({ type: Text, params: Schema.optionalKey(Schema.Record(Schema.String, Text)) })

const DecisionSchema = Schema.Struct({
  rule: Text,
  file: Text,
  version: Version,
  effective: Schema.Struct({ from: DateText, to: Schema.optionalKey(DateText) }),
  outcome: OutcomeSchema,
  branch: Schema.Literals(["event", "otherwise", "unknown"]),
  // The citation as the rule file gave it; replay compares it, never reads it.
  source: Schema.Record(Schema.String, Schema.Unknown),
  parameters: Schema.Array(ParameterSchema),
  conditions: Schema.Array(ConditionSchema),
})

/**
 * One rule's decision on the receipt.
 * @category models
 */
export type ReceiptDecision = Omit<typeof DecisionSchema.Type, "source" | "effective" | "outcome" | "parameters"> & {
  readonly parameters: ReadonlyArray<ReceiptParameter>
  readonly effective: Period
  readonly outcome: Outcome
  readonly source: Source
}

/**
 * A receipt as a file holds it: the one description of its shape. The
 * subject is checked apart, against the catalogue, by `Subject.decode`.
 * @category schemas
 */
export const ReceiptSchema = Schema.Struct({
  receipt: Schema.Literal(1).annotate({
    expectedText: {
      nb: "1: dette programmet leser kvitteringer av format 1",
      en: "1: this program reads receipts of format 1",
    },
  }),
  date: DateText,
  subject: Schema.Unknown,
  summary: Schema.Record(Schema.String, Schema.Unknown),
  decisions: Schema.Array(DecisionSchema),
  notApplicable: Schema.Array(Schema.Struct({ rule: Text, version: Version })),
  files: Schema.Array(
    Schema.Struct({
      file: Text,
      // Empty for a file given without a text to hash.
      sha256: Schema.String.check(
        rule((h: string) => /^(?:[0-9a-f]{64})?$/u.test(h), {
          nb: "Forventet 64 heksadesimale tegn",
          en: "Expected 64 hexadecimal characters",
        }),
      ),
    }),
  ),
})

/**
 * A decision's receipt: the question (date and subject), every rule in force
 * with its version, each decision with its parameter values, source citation
 * and conditions, and the SHA-256 of every rule and parameter file used.
 * Plain JSON: write it next to the decision and replay it later.
 * @category models
 */
export type Receipt = Omit<typeof ReceiptSchema.Type, "subject" | "summary" | "decisions" | "date"> & {
  readonly date: string
  readonly subject: Subject
  readonly summary: Summary
  readonly decisions: ReadonlyArray<ReceiptDecision>
}

const sideValue = (s: Side): Value => s.value

const sideName = (s: Side): string =>
  s.kind === "fact" ? s.fact : s.kind === "parameter" ? `parameter:${s.name}` : "literal"

/** Every comparison of an explanation tree with its JSON pointer in the rule file. */
const flatten = (n: Node, pointer: string, out: Array<ReceiptCondition> = []): Array<ReceiptCondition> => {
  if (n.kind === "comparison") {
    out.push({
      pointer,
      fact: sideName(n.left),
      value: sideValue(n.left),
      operator: n.operator,
      against: sideValue(n.right),
      result: n.result,
      ...(n.unknown === true ? { unknown: true as const } : {}),
    })
  } else if (n.kind === "not") flatten(n.child, `${pointer}/not`, out)
  else
    n.children.forEach((c, i) => {
      flatten(c, `${pointer}/${n.kind}/${i}`, out)
    })
  return out
}

/** The receipt of `result`, decided for `subject` on `tree`. */
export const receiptOf = (tree: Tree, subject: Subject, result: Decisions): Receipt => {
  const now = on(tree, result.date)
  const files = new Set<string>()
  const decisions = result.decisions.map((d): ReceiptDecision => {
    files.add(d.file)
    for (const p of d.parameters) files.add(p.file)
    const base = `/versions/${d.version - 1}`
    const conditions = [
      ...(d.explanation.appliesWhen === undefined ? [] : flatten(d.explanation.appliesWhen, `${base}/appliesWhen`)),
      ...flatten(d.explanation.conditions, `${base}/conditions`),
    ]
    return {
      rule: d.rule,
      file: d.file,
      version: d.version,
      effective: d.effective,
      outcome: d.outcome,
      branch: d.branch,
      source: d.source,
      parameters: d.parameters.map((p) => ({ name: p.name, value: p.value, from: p.from, file: p.file })),
      conditions,
    }
  })
  const notApplicable = result.notApplicable.flatMap((id) => {
    const r = now.rules.find((x) => x.rule.id === id)
    if (r === undefined) return []
    files.add(r.rule.file)
    return [{ rule: id, version: r.version.number }]
  })
  return {
    receipt: 1,
    date: result.date,
    subject,
    summary: result.summary,
    decisions,
    notApplicable,
    files: [...files].sort().map((file) => ({ file, sha256: tree.hashOf?.(file) ?? "" })),
  }
}
