/**
 * Runs the test cases of a policy tree (read by `CaseFile`) and reports
 * failures and coverage: which rule versions and outcomes no case reaches.
 *
 * @module
 */
import { type Bilingual, Redact } from "@aktivitetsmodell/core"
import type { Expected } from "./CaseFile.js"
import { type Report, tally } from "./Coverage.js"
import { decide } from "./Decision.js"
import { guard, requireTree } from "./internal/boundary.js"
import { own } from "./internal/own.js"
import { quote, shortLine } from "./internal/text.js"
import type { Tree } from "./PolicyTree.js"
import { type Problem, redacted } from "./Problem.js"

/**
 * One case's result.
 * @category models
 */
export interface CaseResult {
  readonly file: string
  readonly name: string
  readonly pointer: string
  readonly ok: boolean
  readonly failures: ReadonlyArray<Bilingual>
}

// An outcome in a message: cut and on one line, since a case file may say anything.
const show = (o: Expected | undefined): string =>
  o === undefined
    ? "—"
    : shortLine(
        o.params === undefined
          ? o.type
          : `${o.type} (${Object.entries(o.params)
              .map(([k, v]) => `${k}: ${v}`)
              .join(", ")})`,
        200,
      )

const matches = (expected: Expected, actual: Expected | undefined): boolean => {
  if (actual === undefined || actual.type !== expected.type) return false
  if (expected.params === undefined) return true
  const a = actual.params ?? {}
  const e = expected.params
  return Object.keys(e).length === Object.keys(a).length && Object.entries(e).every(([k, v]) => own(a, k) === v)
}

/**
 * Runs every case of the tree, and reports failures (errors) and coverage:
 * for every rule version, which outcomes and condition sides the cases reach
 * (see `Coverage`).
 * @example
 * const { results, problems, coverage } = Cases.run(tree)
 * results.filter((r) => !r.ok).length // 0
 * coverage.percent // 100
 * @category validation
 */
export const run = guard(
  "Cases.run",
  { nb: "(tree: Tree)", en: "(tree: Tree)" },
  (
    tree: Tree,
  ): {
    readonly results: ReadonlyArray<CaseResult>
    readonly problems: ReadonlyArray<Problem>
    readonly coverage: Report
  } => {
    requireTree("Cases.run", tree)
    const results: Array<CaseResult> = []
    const problems: Array<Problem> = []
    const reach = tally(tree)
    const ruleIds = new Set(tree.rules.map((r) => r.id))
    for (const cf of tree.cases) {
      if (!ruleIds.has(cf.rule)) {
        const rule = quote(cf.rule)
        problems.push({
          file: cf.file,
          pointer: "",
          line: 1,
          code: "unknown-rule",
          severity: "error",
          message: {
            nb: `Det finnes ingen regel ${rule.nb} for disse tilfellene`,
            en: `There is no rule ${rule.en} for these cases`,
          },
        })
        continue
      }
      for (const c of cf.cases) {
        const result = decide(tree, c.subject, c.date)
        for (const d of result.decisions) reach.add(d, c.name, cf.file, c.pointer)
        const failures: Array<Bilingual> = []
        for (const { rule, expect } of [{ rule: cf.rule, expect: c.expect }, ...c.also]) {
          const d = result.decisions.find((x) => x.rule === rule)
          const actual: Expected | undefined =
            d?.outcome ?? (result.notApplicable.includes(rule) ? { type: "not-applicable" } : undefined)
          if (!ruleIds.has(rule)) {
            const r = quote(rule)
            failures.push({ nb: `det finnes ingen regel ${r.nb}`, en: `there is no rule ${r.en}` })
          } else if (!matches(expect, actual)) {
            const got =
              actual === undefined
                ? { nb: `ingen versjon gjelder ${c.date}`, en: `no version in force on ${c.date}` }
                : { nb: show(actual), en: show(actual) }
            const version = d === undefined ? "" : ` (${rule}, version ${d.version})`
            const versjon = d === undefined ? "" : ` (${rule}, versjon ${d.version})`
            failures.push({
              nb: `forventet ${show(expect)}, fikk ${got.nb}${versjon}`,
              en: `expected ${show(expect)}, got ${got.en}${version}`,
            })
          }
        }
        results.push({
          file: cf.file,
          name: c.name,
          pointer: c.pointer,
          ok: failures.length === 0,
          failures: failures.map((f) => ({ nb: Redact.text(f.nb), en: Redact.text(f.en) })),
        })
        const name = quote(c.name, 200)
        for (const f of failures) {
          problems.push({
            file: cf.file,
            pointer: `${c.pointer}/expect`,
            line: tree.lineOf(cf.file, `${c.pointer}/expect`),
            code: "case-failed",
            severity: "error",
            message: { nb: `Tilfellet ${name.nb}: ${f.nb}`, en: `Case ${name.en}: ${f.en}` },
          })
        }
      }
    }
    return { results, problems: problems.map(redacted), coverage: reach.report() }
  },
)
