// Building a decision's receipt: everything needed to say later, against
// another version of the policy tree, whether the same question still gets
// the same answer and what changed. Kept apart from Receipt.ts (which
// replays) so that Decision can build a receipt without importing itself.
import type { Decisions, Summary } from "../Decision.js"
import type { Node, Side } from "../Evaluate.js"
import type { Value } from "../Facts.js"
import { on } from "../InForce.js"
import type { Outcome } from "../Outcome.js"
import type { Tree } from "../PolicyTree.js"
import type { Period } from "../RuleFile.js"
import type { Source } from "../Source.js"
import type { Subject } from "../Subject.js"

/**
 * One comparison as it was evaluated: where it stands in the rule file, the
 * fact (or parameter) on the left with its value, the operator, the value on
 * the right, and the result.
 * @category models
 */
export interface ReceiptCondition {
  readonly pointer: string
  readonly fact: string
  readonly value: Value
  readonly operator: string
  readonly against: Value
  readonly result: boolean
  /** The result depends on an input the subject did not give. */
  readonly unknown?: true
}

/**
 * A parameter value a decision used, with the day it took effect and its file.
 * @category models
 */
export interface ReceiptParameter {
  readonly name: string
  readonly value: number | string
  readonly from: string
  readonly file: string
}

/**
 * One rule's decision on the receipt.
 * @category models
 */
export interface ReceiptDecision {
  readonly rule: string
  readonly file: string
  readonly version: number
  readonly effective: Period
  readonly outcome: Outcome
  readonly branch: "event" | "otherwise" | "unknown"
  readonly source: Source
  readonly parameters: ReadonlyArray<ReceiptParameter>
  readonly conditions: ReadonlyArray<ReceiptCondition>
}

/**
 * A decision's receipt: the question (date and subject), every rule in force
 * with its version, each decision with its parameter values, seed citation
 * and conditions, and the SHA-256 of every rule and parameter file used.
 * Plain JSON: write it next to the decision and replay it later.
 * @category models
 */
export interface Receipt {
  readonly receipt: 1
  readonly date: string
  readonly subject: Subject
  readonly summary: Summary
  readonly decisions: ReadonlyArray<ReceiptDecision>
  /** Rules in force whose `appliesWhen` did not hold, with their version. */
  readonly notApplicable: ReadonlyArray<{ readonly rule: string; readonly version: number }>
  readonly files: ReadonlyArray<{ readonly file: string; readonly sha256: string }>
}

const sideValue = (s: Side): Value => s.value

const sideName = (s: Side): string => (s.kind === "fact" ? s.fact : s.kind === "parameter" ? `parameter:${s.name}` : "literal")

/** Every comparison of an explanation tree with its JSON pointer in the rule file. */
export const flatten = (n: Node, pointer: string, out: Array<ReceiptCondition> = []): Array<ReceiptCondition> => {
  if (n.kind === "comparison") {
    out.push({
      pointer,
      fact: sideName(n.left),
      value: sideValue(n.left),
      operator: n.operator,
      against: sideValue(n.right),
      result: n.result,
      ...(n.unknown === true ? { unknown: true as const } : {})
    })
  } else if (n.kind === "not") flatten(n.child, `${pointer}/not`, out)
  else n.children.forEach((c, i) => flatten(c, `${pointer}/${n.kind}/${i}`, out))
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
      ...flatten(d.explanation.conditions, `${base}/conditions`)
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
      conditions
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
    files: [...files].sort().map((file) => ({ file, sha256: tree.hashOf?.(file) ?? "" }))
  }
}
