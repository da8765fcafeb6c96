/**
 * Decisions in plain language, in Norwegian bokmål or English: the outcome,
 * the rule and version, why the rule applied, every condition with the values
 * on both sides, and the source.
 *
 * @module
 */
import type { Catalogue, Lang as CoreLang } from "@aktivitetsmodell/core"
import type { Decision, Decisions } from "./Decision.js"
import type { Node } from "./Evaluate.js"
import { codeLabel, type FactType, all as facts, isFact, type Value } from "./Facts.js"
import { guard } from "./internal/boundary.js"
import { decisionsText, decisionText, nodeLines, valueText, type Wording } from "./internal/explain.js"
import type { Tree } from "./PolicyTree.js"
import { format as formatSource } from "./Source.js"

/**
 * The language of an explanation: core's one `Lang` (a type alias, not a
 * re-export, so that bundled type declarations keep it a type).
 * @category models
 */
export type Lang = CoreLang

// What a tree says about names, labels and sources, worked out once per tree.
const wordings = new WeakMap<Tree, Wording>()
const wordingOf = (tree: Tree): Wording => {
  let w = wordings.get(tree)
  if (w === undefined) {
    const catalogue = tree.catalogue
    w = {
      offerings: catalogue.offerings,
      code: (domain, code) => codeLabel(domain, code, catalogue),
      fact: (name) => (isFact(name) ? facts[name] : undefined),
      parameter: (name) => tree.parameters.get(name),
      source: formatSource,
    }
    wordings.set(tree, w)
  }
  return w
}

/**
 * A value as a person reads it: yes/no, names for codes, "unknown" for null.
 * @example
 * Explain.value("karategruppe", Facts.all.offering.type, Catalogue.sandnes(), "nb") // "Karategruppe"
 * @category constructors
 */
export const value = guard(
  "Explain.value",
  {
    en: '(value: Value, type: FactType | undefined, catalogue: Catalogue, lang: "nb" | "en")',
    nb: '(value: Value, type: FactType | undefined, catalogue: Catalogue, lang: "nb" | "en")',
  },
  (v: Value, type: FactType | undefined, catalogue: Catalogue.Catalogue, lang: Lang): string =>
    valueText(v, type, (domain, code) => codeLabel(domain, code, catalogue), lang),
)

/**
 * An explanation tree as indented lines, one per condition, each marked ✓ or ✗.
 * @example
 * Explain.node(decision.explanation.conditions, tree, "en")
 * // ["✗ Registered for intake (no) is yes"]
 * @category constructors
 */
export const node = guard(
  "Explain.node",
  {
    en: '(node: Node, tree: Tree, lang: "nb" | "en", indent?: string)',
    nb: '(node: Node, tree: Tree, lang: "nb" | "en", indent?: string)',
  },
  (n: Node, tree: Tree, lang: Lang, indent = ""): Array<string> => nodeLines(n, wordingOf(tree), lang, indent),
)

/**
 * One decision as a block of plain text.
 * @example
 * console.log(Explain.decision(result.decisions[0], tree, "nb"))
 * @category constructors
 */
export const decision = guard(
  "Explain.decision",
  {
    en: '(decision: Decision, tree: Tree, lang: "nb" | "en")',
    nb: '(decision: Decision, tree: Tree, lang: "nb" | "en")',
  },
  (d: Decision, tree: Tree, lang: Lang): string => decisionText(d, wordingOf(tree), lang),
)

/**
 * All decisions for a subject: a summary first, then each decision.
 * @example
 * console.log(Explain.decisions(Decision.decide(tree, subject, "2024-03-01"), tree, "en"))
 * @category constructors
 */
export const decisions = guard(
  "Explain.decisions",
  {
    en: '(decisions: Decisions, tree: Tree, lang: "nb" | "en")',
    nb: '(decisions: Decisions, tree: Tree, lang: "nb" | "en")',
  },
  (ds: Decisions, tree: Tree, lang: Lang): string => decisionsText(ds, wordingOf(tree), lang),
)
