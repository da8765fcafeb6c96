/**
 * Case coverage: for every rule version, whether a case reaches its `event`
 * and its `otherwise` outcome, and makes each comparison in its `conditions`
 * both true and false. `aktivitet-rules check` reports it per version and
 * fails below a threshold (100 % by default). A version may declare an
 * outcome no case can reach, with the reason (`"unreachable": { "otherwise":
 * { "nb": …, "en": … } }`); that outcome, and the condition sides only it
 * could give, count as covered by the declaration — and a case that does
 * reach it is an error, so the declaration cannot go stale.
 *
 * @module
 */
import type { Bilingual } from "@aktivitetsmodell/core"
import type { Decision } from "./Decision.js"
import type { Node } from "./Evaluate.js"
import { guard, requireTree } from "./internal/boundary.js"

import type { Tree } from "./PolicyTree.js"
import { type Problem, redacted } from "./Problem.js"
import { leaves, type TopCondition } from "./RuleFile.js"

/**
 * How far the cases reach one comparison.
 * @category models
 */
export interface ConditionCoverage {
  readonly pointer: string
  readonly fact: string
  readonly whenTrue: boolean
  readonly whenFalse: boolean
  /** Sides no case needs to reach, because a declared unreachable outcome is the only way to them. */
  readonly exempt: { readonly whenTrue: boolean; readonly whenFalse: boolean }
}

/**
 * How far the cases reach one rule version.
 * @category models
 */
export interface VersionCoverage {
  readonly rule: string
  readonly file: string
  readonly version: number
  readonly event: boolean
  readonly otherwise: boolean
  readonly unreachable: { readonly event?: Bilingual; readonly otherwise?: Bilingual }
  readonly conditions: ReadonlyArray<ConditionCoverage>
  /** Outcomes and condition sides reached or declared unreachable, of `total`. */
  readonly covered: number
  readonly total: number
}

/**
 * Coverage of a whole tree.
 * @category models
 */
export interface Report {
  readonly versions: ReadonlyArray<VersionCoverage>
  readonly covered: number
  readonly total: number
  /** `covered / total` as a whole percentage, rounded down (100 only when nothing is missing). */
  readonly percent: number
  /** One warning per outcome or condition side no case reaches, and an error per case reaching a declared unreachable outcome. */
  readonly problems: ReadonlyArray<Problem>
}

/**
 * What the cases reached, gathered one decision at a time.
 * @category models
 */
export interface Tally {
  readonly add: (decision: Decision, caseName: string, caseFile: string, casePointer: string) => void
  readonly report: () => Report
}

const comparisons = (n: Node, pointer: string, out: Array<[string, boolean]>): void => {
  if (n.unknown === true) return
  if (n.kind === "comparison") out.push([pointer, n.result])
  else if (n.kind === "not") comparisons(n.child, `${pointer}/not`, out)
  else
    n.children.forEach((c, i) => {
      comparisons(c, `${pointer}/${n.kind}/${i}`, out)
    })
}

// The comparisons whose side a declared unreachable outcome alone would give:
// if `otherwise` cannot happen the conditions always hold, so each comparison
// directly under a root "all" is always true; if `event` cannot, each one
// directly under a root "any" is always false.
const forced = (
  root: TopCondition,
  base: string,
  unreachable: VersionCoverage["unreachable"],
): { readonly whenFalse: Set<string>; readonly whenTrue: Set<string> } => {
  const direct = (key: "all" | "any") =>
    key in root
      ? new Set(
          leaves(root, base)
            .filter(([, p]) => p.split("/").length === base.split("/").length + 2)
            .map(([, p]) => p),
        )
      : new Set<string>()
  return {
    whenFalse: unreachable.otherwise === undefined ? new Set() : direct("all"),
    whenTrue: unreachable.event === undefined ? new Set() : direct("any"),
  }
}

/**
 * Starts a tally for `tree`: feed it every decision a case makes.
 * @example
 * const tally = Coverage.tally(tree)
 * for (const d of result.decisions) tally.add(d, c.name, file, c.pointer)
 * tally.report().percent
 * @category evaluation
 */
export const tally = guard("Coverage.tally", { nb: "(tree: Tree)", en: "(tree: Tree)" }, (tree: Tree): Tally => {
  requireTree("Coverage.tally", tree)
  const branches = new Map<string, Set<string>>()
  const sides = new Map<string, { t: boolean; f: boolean }>()
  const stale: Array<Problem> = []
  const add = (d: Decision, caseName: string, caseFile: string, casePointer: string) => {
    const id = `${d.rule}#${d.version}`
    const set = branches.get(id) ?? new Set<string>()
    set.add(d.branch)
    branches.set(id, set)
    if (d.branch === "unknown") return
    const rule = tree.rules.find((r) => r.id === d.rule)
    const v = rule?.versions[d.version - 1]
    const declared = v?.unreachable?.[d.branch]
    if (rule !== undefined && declared !== undefined) {
      const pointer = `/versions/${d.version - 1}/unreachable/${d.branch}`
      stale.push({
        file: caseFile,
        pointer: `${casePointer}/expect`,
        line: tree.lineOf(caseFile, `${casePointer}/expect`),
        code: "uncovered",
        severity: "error",
        message: {
          nb: `Tilfellet «${caseName}» når utfallet som ${d.rule}, versjon ${d.version}, sier ikke kan nås (${rule.file} ${pointer}): fjern erklæringen, eller rett tilfellet`,
          en: `The case "${caseName}" reaches the outcome ${d.rule}, version ${d.version} declares unreachable (${rule.file} ${pointer}): remove the declaration, or correct the case`,
        },
      })
    }
    const found: Array<[string, boolean]> = []
    comparisons(d.explanation.conditions, `/versions/${d.version - 1}/conditions`, found)
    for (const [pointer, result] of found) {
      const k = `${d.rule}#${pointer}`
      const s = sides.get(k) ?? { t: false, f: false }
      if (result) s.t = true
      else s.f = true
      sides.set(k, s)
    }
  }
  const report = (): Report => {
    const versions: Array<VersionCoverage> = []
    const problems: Array<Problem> = [...stale]
    for (const rule of tree.rules) {
      rule.versions.forEach((v, i) => {
        const got = branches.get(`${rule.id}#${v.number}`) ?? new Set<string>()
        const unreachable = v.unreachable ?? {}
        const base = `/versions/${i}/conditions`
        const force = forced(v.conditions, base, unreachable)
        const conditions = leaves(v.conditions, base).map(([leaf, pointer]): ConditionCoverage => {
          const s = sides.get(`${rule.id}#${pointer}`) ?? { t: false, f: false }
          return {
            pointer,
            fact: leaf.fact,
            whenTrue: s.t,
            whenFalse: s.f,
            exempt: { whenTrue: force.whenTrue.has(pointer), whenFalse: force.whenFalse.has(pointer) },
          }
        })
        const event = got.has("event")
        const otherwise = got.has("otherwise")
        const total = 2 + conditions.length * 2
        const covered =
          Number(event || unreachable.event !== undefined) +
          Number(otherwise || unreachable.otherwise !== undefined) +
          conditions.reduce(
            (n, c) => n + Number(c.whenTrue || c.exempt.whenTrue) + Number(c.whenFalse || c.exempt.whenFalse),
            0,
          )
        versions.push({
          rule: rule.id,
          file: rule.file,
          version: v.number,
          event,
          otherwise,
          unreachable,
          conditions,
          covered,
          total,
        })
        const warn = (pointer: string, message: Bilingual) =>
          problems.push({
            file: rule.file,
            pointer,
            line: tree.lineOf(rule.file, pointer),
            code: "uncovered",
            severity: "warning",
            message,
          })
        if (!event && !otherwise) {
          warn(`/versions/${i}`, {
            en: `No case exercises version ${v.number} of ${rule.id}: add a case dated from ${v.effective.from}`,
            nb: `Ingen tilfeller prøver versjon ${v.number} av ${rule.id}: legg til et tilfelle datert fra ${v.effective.from}`,
          })
          return
        }
        if (!event && unreachable.event === undefined)
          warn(`/versions/${i}/event`, {
            en: `No case reaches the outcome "${v.event.type}" of ${rule.id}, version ${v.number}`,
            nb: `Ingen tilfeller når utfallet «${v.event.type}» i ${rule.id}, versjon ${v.number}`,
          })
        if (!otherwise && unreachable.otherwise === undefined)
          warn(`/versions/${i}/otherwise`, {
            en: `No case reaches the outcome "${v.otherwise.type}" of ${rule.id}, version ${v.number}`,
            nb: `Ingen tilfeller når utfallet «${v.otherwise.type}» i ${rule.id}, versjon ${v.number}`,
          })
        for (const c of conditions) {
          if (!c.whenTrue && !c.exempt.whenTrue)
            warn(c.pointer, {
              en: `No case makes this condition (${c.fact}) true in ${rule.id}, version ${v.number}`,
              nb: `Ingen tilfeller gjør denne betingelsen (${c.fact}) sann i ${rule.id}, versjon ${v.number}`,
            })
          if (!c.whenFalse && !c.exempt.whenFalse)
            warn(c.pointer, {
              en: `No case makes this condition (${c.fact}) false in ${rule.id}, version ${v.number}`,
              nb: `Ingen tilfeller gjør denne betingelsen (${c.fact}) usann i ${rule.id}, versjon ${v.number}`,
            })
        }
      })
    }
    const covered = versions.reduce((n, v) => n + v.covered, 0)
    const total = versions.reduce((n, v) => n + v.total, 0)
    const percent = total === 0 ? 100 : Math.floor((covered * 100) / total)
    return { versions, covered, total, percent, problems: problems.map(redacted) }
  }
  return { add, report }
})
