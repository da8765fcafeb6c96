// The same app in CommonJS, as a `require`-based app or tool loads the
// packages: records decoded with Batch.decodeEntity, the shipped policy found
// from the CommonJS build, one indicator. Prints what it found as JSON.
const { Batch } = require("@aktivitetsmodell/core")
const { generate } = require("@aktivitetsmodell/core/synthetic")
const { Decision, Explain, Subject } = require("@aktivitetsmodell/rules")
const { loadTreeOrThrow, shippedPolicy, shippedPolicyDir } = require("@aktivitetsmodell/rules/node")
const { Indicator, Indicators, Tables } = require("@aktivitetsmodell/analytics")
const catalogue = require("@aktivitetsmodell/core/catalogue.json")
const citizenSchema = require("@aktivitetsmodell/core/json-schema/Citizen.schema.json")

const citizen = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
const records = Batch.decodeEntity("citizens", [
  { id: citizen, birthYear: 1990, departments: ["rpha"], healthyLifeCentre: false, pathway: 2 },
  {
    id: "1f1e2d3c4b5a69788796a5b4c3d2e1f0",
    birthYear: "19x0",
    departments: ["rpha"],
    healthyLifeCentre: false,
    pathway: 2,
  },
])

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
    records: { valid: records.valid.length, rejected: records.rejected.length, report: Batch.report(records, "nb") },
    decision: {
      eligibility: decisions.summary.eligibility?.type,
      explanation: Explain.decisions(decisions, tree, "nb"),
    },
    indicator: { rows: attendance.table.numRows(), total: attendance.table.objects().at(-1) },
    catalogueOfferings: catalogue.offerings.length,
    citizenSchemaFields: Object.keys(citizenSchema.properties).sort(),
  }),
)
