// An ES-module app: read a CSV export with a broken row, decide with an
// explanation, compute one indicator. Prints what it found as JSON.

import { Indicator, Indicators, Tables } from "@aktivitetsmodell/analytics"
import { Batch } from "@aktivitetsmodell/core"
import catalogue from "@aktivitetsmodell/core/catalogue.json" with { type: "json" }
import { readCsv } from "@aktivitetsmodell/core/node"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { Decision, Explain, Subject } from "@aktivitetsmodell/rules"
import { loadTreeOrThrow, shippedPolicy, shippedPolicyDir } from "@aktivitetsmodell/rules/node"

const citizen = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
const csv = readCsv(
  "citizens",
  `id,birthYear,departments,healthyLifeCentre,pathway\n${citizen},1990,rpha,false,2\n1f1e2d3c4b5a69788796a5b4c3d2e1f0,19x0,rpha,false,2\n`,
)

const tree = loadTreeOrThrow(shippedPolicyDir())
const question = Subject.decode(
  { citizen: { id: citizen, birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" },
  tree.catalogue,
)
if (!question.ok) throw new Error(question.problems.map((p) => p.message.en).join("\n"))
const decisions = Decision.decide(tree, question.subject, "2024-03-01")

const policy = shippedPolicy()
const year = generate({ policy, seed: 7, citizens: 100 })
const attendance = Indicator.compute(Indicators.catalogue.attendanceRate, Tables.fromDataset(year, { policy }), {
  by: ["offering"],
  margins: true,
})

console.log(
  JSON.stringify({
    csv: { valid: csv.valid.length, rejected: csv.rejected.length, report: Batch.report(csv, "nb") },
    decision: {
      eligibility: decisions.summary.eligibility?.type,
      explanation: Explain.decisions(decisions, tree, "nb"),
    },
    indicator: { rows: attendance.table.numRows(), total: attendance.table.objects().at(-1) },
    catalogueOfferings: catalogue.offerings.length,
  }),
)
