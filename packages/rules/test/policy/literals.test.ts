// Every number and date of the model lives once: as a dated parameter of the
// policy tree. This test reads the sources of all three packages, the
// catalogue and the web example, and fails where one of the policy's values
// is written as a literal in a place that says what it is: a date or a
// duration the policy holds, a number beside a word for a limit or a
// threshold, a number with a unit in a text. A copy like that goes stale when
// a policy officer edits the tree.
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { describe, expect, it } from "vitest"
import { fixture } from "../helpers.js"

const repo = fileURLToPath(new URL("../../../..", import.meta.url))

const walk = (dir: string, ext: RegExp): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === "node_modules" || e.name === "dist"
        ? []
        : walk(join(dir, e.name), ext)
      : ext.test(e.name)
        ? [join(dir, e.name)]
        : [],
  )

const sources = [
  ...["core", "rules", "analytics"].flatMap((p) => walk(join(repo, "packages", p, "src"), /\.ts$/u)),
  ...walk(join(repo, "examples/web/src"), /\.ts$/u),
]
const dataFiles = walk(join(repo, "packages/core/catalogue"), /\.json$/u)

/** The values the policy holds, by kind. */
const values = () => {
  const dates = new Set<string>()
  const durations = new Set<string>()
  const numbers = new Set<number>()
  for (const p of fixture().parameters.values()) {
    for (const v of p.values) {
      if (typeof v.value === "number") numbers.add(v.value)
      else if (/^\d{4}-\d{2}-\d{2}$/u.test(v.value)) dates.add(v.value)
      else durations.add(v.value)
      dates.add(v.from)
    }
  }
  return { dates, durations, numbers }
}

// Words that say a number is a policy number: a limit, a threshold, an age, a share.
const policyWords = new Set(
  "age alder limit limits grense cutoff threshold alert sessions session samlinger weeks uker extensions extension percent prosent contribution bidrag price pris shows reliable clinical cohort transition minimum maximum below above".split(
    " ",
  ),
)
// `defaultCohortSessions` → default, cohort, sessions; `"period-longer-than-limit"` → period, longer, than, limit.
const words = (name: string): Array<string> =>
  name
    .replace(/([a-z])([A-Z])/gu, "$1 $2")
    .toLowerCase()
    .split(/[^a-zæøå]+/u)
const policyWord = { test: (name: string) => words(name).some((w) => policyWords.has(w)) }
// A number with a unit or a comparison in a text: "18 år", "under 36", "4 uker", "20 %".
const numberInText =
  /(?:\b(?:under|below|over|above|minst|at least|inntil|up to|fra|from)\s+(\d+)\b)|(?:\b(\d+)\s*(?:år|years?|uker|weeks?|samlinger|sessions?|økter|%|prosent|percent|poeng|points|kr\b|NOK|måneder|months?|forlengelser?|extensions?))/giu

interface Finding {
  readonly file: string
  readonly line: number
  readonly text: string
}

// A line may say why a literal there is not a policy number, with a comment
// "policy-literal-ok: <reason>" on it or on the line before (a seed's quote,
// an example in a message, an assumption of the synthetic generator).
const excused = (lines: ReadonlyArray<string>, line: number): boolean =>
  /policy-literal-ok: \S/u.test(lines[line - 1] ?? "") || /policy-literal-ok: \S/u.test(lines[line - 2] ?? "")

// The name a number is given or compared with: `const minimumAge = 18`, `{ below: 36 }`, `age >= 18`.
const nameOf = (node: ts.Node): string | undefined => {
  const parent = node.parent
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isParameter(parent)
  )
    return parent.name.getText()
  const comparisons = [
    ts.SyntaxKind.LessThanToken,
    ts.SyntaxKind.LessThanEqualsToken,
    ts.SyntaxKind.GreaterThanToken,
    ts.SyntaxKind.GreaterThanEqualsToken,
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ]
  if (ts.isBinaryExpression(parent) && comparisons.includes(parent.operatorToken.kind))
    return (parent.left === node ? parent.right : parent.left).getText()
  return undefined
}

// A text inside a seed citation (`quote`, or an indicator's seed `fact`) says what the source says: not a copy.
const inCitation = (node: ts.Node): boolean => {
  for (let n: ts.Node | undefined = node.parent; n !== undefined; n = n.parent) {
    if (ts.isPropertyAssignment(n) && ["quote", "fact"].includes(n.name.getText())) return true
  }
  return false
}

const scan = (file: string, text: string, v: ReturnType<typeof values>): Array<Finding> => {
  const out: Array<Finding> = []
  const lines = text.split("\n")
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const add = (node: ts.Node, what: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
    if (!excused(lines, line))
      out.push({ file: relative(repo, file) || file, line, text: `${what}: ${lines[line - 1]!.trim().slice(0, 160)}` })
  }
  const visit = (node: ts.Node) => {
    if (ts.isNumericLiteral(node)) {
      const n = Number(node.text)
      const name = nameOf(node)
      if (n >= 3 && v.numbers.has(n) && name !== undefined && policyWord.test(name))
        add(node, `the number ${n} as ${name}`)
    } else if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      !inCitation(node)
    ) {
      const s = node.text
      if (v.dates.has(s) || v.durations.has(s)) add(node, `the policy's value "${s}"`)
      for (const m of s.matchAll(numberInText)) {
        const n = Number(m[1] ?? m[2])
        if (n >= 2 && v.numbers.has(n)) add(node, `the number ${n} in a text`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

const scanJson = (file: string, text: string, v: ReturnType<typeof values>): Array<Finding> => {
  const out: Array<Finding> = []
  text.split("\n").forEach((line, i) => {
    for (const m of line.matchAll(/"(\d{4}-\d{2}-\d{2}|P\d+[YMWD])"/gu)) {
      // The catalogue's own version date, the day an offering changed operator
      // and the date of a cited document are facts about the catalogue.
      if (/"(version|effective|catalogueVersion|date)":/u.test(line)) continue
      if (v.dates.has(m[1]!) || v.durations.has(m[1]!))
        out.push({ file: relative(repo, file), line: i + 1, text: `the policy's value "${m[1]}": ${line.trim()}` })
    }
    if (
      /"(limits|parameters|transitionMonths|transitionStart|minimumAge|sessions|weeks|sessionsPerWeek|extensions)":/u.test(
        line,
      )
    ) {
      out.push({ file: relative(repo, file), line: i + 1, text: `a policy field: ${line.trim()}` })
    }
  })
  return out
}

describe("policy numbers live once", () => {
  it("no source, catalogue or example holds a copy of a policy number or date", () => {
    const v = values()
    expect(sources.length).toBeGreaterThan(100)
    const findings = [
      ...sources.flatMap((f) => scan(f, readFileSync(f, "utf8"), v)),
      ...dataFiles.flatMap((f) => scanJson(f, readFileSync(f, "utf8"), v)),
    ]
    expect(findings.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([])
  })

  it("finds a copy when one is written", () => {
    const v = values()
    const planted = [
      "export const minimumAge = 18",
      "const srsLimit = { below: 36 }",
      'const start = "2023-03-09"',
      'const label = { nb: "Under 36", en: "Below 36" }',
      "const name = `FIT: SRS under 36`",
      'const transition = "P2M"',
    ]
    for (const line of planted) expect(scan("planted.ts", line, v).length, line).toBeGreaterThan(0)
    expect(scanJson("planted.json", '  "limits": { "sessions": 4 },', v)).not.toEqual([])
    expect(scan("fine.ts", "const rows = list.slice(0, 36)", v)).toEqual([])
    expect(scan("excused.ts", 'const quote = "18 år" // policy-literal-ok: a seed\'s own words', v)).toEqual([])
  })
})
