// The app in TypeScript: the exported types used as a developer would, then
// compiled with tsc (nodenext, skipLibCheck off) and run. Prints JSON.

import { Indicator, Indicators, type Labels, Tables } from "@aktivitetsmodell/analytics"
import { Batch, type Bilingual, type Citizen, Invariants, type Problems } from "@aktivitetsmodell/core"
import { type CsvResult, readCsv } from "@aktivitetsmodell/core/node"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { Decision, Explain, type PolicyTree, Subject } from "@aktivitetsmodell/rules"
import { loadTreeOrThrow, shippedPolicy, shippedPolicyDir } from "@aktivitetsmodell/rules/node"

const lang: Labels.Lang & keyof Bilingual = "nb"
const citizen = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
const csv: CsvResult<Citizen.Citizen> = readCsv(
  "citizens",
  `id,birthYear,departments,healthyLifeCentre,pathway\n${citizen},1990,rpha,false,2\n1f1e2d3c4b5a69788796a5b4c3d2e1f0,19x0,rpha,false,2\n`,
)
const problems: ReadonlyArray<Problems.Problem> = csv.rejected.flatMap((r) => r.problems)

const tree: PolicyTree.Tree = loadTreeOrThrow(shippedPolicyDir())
const question = Subject.decode(
  { citizen: { id: citizen, birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" },
  tree.catalogue,
)
if (!question.ok) throw new Error(question.problems.map((p) => p.message.en).join("\n"))
const decisions: Decision.Decisions = Decision.decide(tree, question.subject, "2024-03-01")

const policy = shippedPolicy()
const year = generate({ policy, seed: 7, citizens: 100 })
// The synthetic year keeps the model's rules: a violation here is a bug.
const violations: ReadonlyArray<Invariants.Violation> = Invariants.check(year, { policy })
const attendance: Indicator.Result = Indicator.compute(
  Indicators.catalogue.attendanceRate,
  Tables.fromDataset(year, { policy }),
  { by: ["offering"], margins: true },
)

console.log(
  JSON.stringify({
    csv: {
      valid: csv.valid.length,
      rejected: csv.rejected.length,
      report: Batch.report(csv, lang),
      problems: problems.length,
    },
    decision: {
      eligibility: decisions.summary.eligibility?.type,
      explanation: Explain.decisions(decisions, tree, lang),
    },
    indicator: { rows: attendance.table.numRows(), total: attendance.table.objects().at(-1) },
    violations: violations.map((v) => v.code),
  }),
)
