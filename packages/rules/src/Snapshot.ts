/**
 * A policy tree's decisions as plain JSON, made at build time for the
 * browser: every rule's dated versions (condition trees and outcomes), every
 * parameter's dated values, and the words explanations use — names of
 * offerings, departments and categories, labels of facts and parameters,
 * and each source as one line of text. `@aktivitetsmodell/rules/decide`
 * decides from it exactly as `Decision.decide` does from the tree, without
 * loading rule files, schemas or a parser.
 *
 * @module
 */
import type { Bilingual, Policy } from "@aktivitetsmodell/core"
import { reads } from "./Evaluate.js"
import { codeLabel, domainValues, type FactType, all as facts, isFact } from "./Facts.js"
import { guard, requireTree } from "./internal/boundary.js"
import type { Named } from "./internal/codes.js"
import { snapshotFormat } from "./internal/snapshotFormat.js"

import { kinds as allKinds, type Kind, type Outcome } from "./Outcome.js"
import type { Type } from "./Parameters.js"
import { hash, type Tree } from "./PolicyTree.js"
import type { Period, TopCondition } from "./RuleFile.js"
import { format as formatSource, type Source } from "./Source.js"

/**
 * The snapshot format this version writes and `decide` reads.
 * @category models
 */
export const format: typeof snapshotFormat = snapshotFormat

/**
 * One dated version of a rule, with its source as text when it has its own.
 * @category models
 */
export interface Version {
  readonly number: number
  readonly effective: Period
  readonly appliesWhen?: TopCondition
  readonly conditions: TopCondition
  readonly event: Outcome
  readonly otherwise: Outcome
  readonly source?: Source
  readonly sourceText?: Bilingual
}

/**
 * A rule: what decisions report about it, and its versions.
 * @category models
 */
export interface Rule {
  readonly id: string
  readonly kind: Kind
  readonly file: string
  readonly title: Bilingual
  readonly source: Source
  /** `source` as one line of text, as `Source.format` writes it. */
  readonly sourceText: Bilingual
  readonly versions: ReadonlyArray<Version>
}

/**
 * A parameter: its dated values, the date that selects one, and its words.
 * @category models
 */
export interface Parameter {
  readonly name: string
  readonly file: string
  readonly type: Type
  readonly datedBy: Policy.DatedBy
  readonly label: Bilingual
  readonly unit?: Bilingual
  readonly values: ReadonlyArray<{ readonly from: string; readonly value: number | string }>
}

/**
 * An offering: what the facts read from the catalogue, and its names.
 * @category models
 */
export interface Offering extends Named {
  readonly category: string
  readonly operator: { readonly department: string }
  readonly status: { readonly kind: string }
  readonly priceNok: number
}

/**
 * A policy tree as plain JSON for `@aktivitetsmodell/rules/decide`.
 * @category models
 */
export interface Snapshot {
  readonly format: typeof format
  /** The policy it was made from, as `PolicyTree.hash` fingerprints it: for the provenance a page shows. */
  readonly policyHash: string
  readonly rules: ReadonlyArray<Rule>
  readonly parameters: ReadonlyArray<Parameter>
  readonly offerings: ReadonlyArray<Offering>
  readonly departments: ReadonlyArray<Named>
  /** Each category's label. */
  readonly categories: { readonly [category: string]: Bilingual }
  /** Label and type of each fact the rules read. */
  readonly facts: { readonly [fact: string]: { readonly label: Bilingual; readonly type: FactType } }
}

/**
 * Options for {@link of}.
 * @category models
 */
export interface Options {
  /** Only the rules of these kinds (all kinds when left out): a page that asks only about eligibility ships less. */
  readonly kinds?: ReadonlyArray<Kind>
}

const sourceText = (s: Source): Bilingual => ({ en: formatSource(s, "en"), nb: formatSource(s, "nb") })

/**
 * The snapshot of a policy tree: plain JSON (`JSON.stringify` keeps all of
 * it). Run it at build time and hand the result to the page.
 * @example
 * const snapshot = Snapshot.of(loadTreeOrThrow(shippedPolicyDir()), { kinds: ["eligibility"] })
 * writeFileSync("snapshot.json", JSON.stringify(snapshot))
 * @category constructors
 */
export const of = guard(
  "Snapshot.of",
  {
    nb: '(tree: Tree, options?: { kinds?: Array<"eligibility" | "duration" | "escalation"> })',
    en: '(tree: Tree, options?: { kinds?: Array<"eligibility" | "duration" | "escalation"> })',
  },
  (tree: Tree, options: Options = {}): Snapshot => {
    requireTree("Snapshot.of", tree)
    const kinds = options.kinds ?? allKinds
    const rules = tree.rules.filter((r) => kinds.includes(r.kind))
    const read = new Set<string>()
    for (const r of rules)
      for (const v of r.versions)
        for (const c of [v.appliesWhen, v.conditions]) if (c !== undefined) for (const f of reads(c).facts) read.add(f)
    const catalogue = tree.catalogue
    return {
      format,
      policyHash: hash(tree),
      rules: rules.map((r) => ({
        id: r.id,
        kind: r.kind,
        file: r.file,
        title: r.title,
        source: r.source,
        sourceText: sourceText(r.source),
        versions: r.versions.map((v) => ({
          number: v.number,
          effective: v.effective,
          ...(v.appliesWhen === undefined ? {} : { appliesWhen: v.appliesWhen }),
          conditions: v.conditions,
          event: v.event,
          otherwise: v.otherwise,
          ...(v.source === undefined ? {} : { source: v.source, sourceText: sourceText(v.source) }),
        })),
      })),
      parameters: [...tree.parameters.values()].map((p) => ({
        name: p.name,
        file: p.file,
        type: p.type,
        datedBy: p.datedBy,
        label: p.label,
        ...(p.unit === undefined ? {} : { unit: p.unit }),
        values: p.values.map((e) => ({ from: e.from, value: e.value })),
      })),
      offerings: catalogue.offerings.map((o) => ({
        id: o.id,
        name: { nb: o.name.nb, en: o.name.en },
        category: o.category,
        operator: { department: o.operator.department },
        status: { kind: o.status.kind },
        priceNok: o.priceNok,
      })),
      departments: catalogue.departments.map((d) => ({ id: d.id, name: { nb: d.name.nb, en: d.name.en } })),
      categories: Object.fromEntries(
        domainValues("category", catalogue).map((c) => [c, codeLabel("category", c, catalogue)]),
      ),
      facts: Object.fromEntries(
        [...read].filter(isFact).map((f) => [f, { label: facts[f].label, type: facts[f].type }]),
      ),
    }
  },
)
