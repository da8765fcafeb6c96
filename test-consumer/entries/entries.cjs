// Every public entry and data file of the BUILT packages, loaded with
// `require` as a CommonJS app does (plain node, no export conditions of
// ours). Prints what it found as JSON for cjs.test.ts.
const entries = [
  "@aktivitetsmodell/core",
  "@aktivitetsmodell/core/synthetic",
  "@aktivitetsmodell/core/node",
  "@aktivitetsmodell/rules",
  "@aktivitetsmodell/rules/node",
  "@aktivitetsmodell/rules/decide",
  "@aktivitetsmodell/analytics",
  "@aktivitetsmodell/analytics/node",
]
const exportsOf = {}
const files = {}
for (const entry of entries) {
  exportsOf[entry] = Object.keys(require(entry)).sort()
  files[entry] = require.resolve(entry)
}

const { loadTreeOrThrow, shippedPolicyDir } = require("@aktivitetsmodell/rules/node")
const policyDir = shippedPolicyDir()
const tree = loadTreeOrThrow(policyDir)

console.log(
  JSON.stringify({
    exports: exportsOf,
    files,
    policyDir,
    rules: tree.rules.length,
    catalogueOfferings: require("@aktivitetsmodell/core/catalogue.json").offerings.length,
    coreSchemaId: require("@aktivitetsmodell/core/json-schema/Referral.schema.json").$id,
    rulesSchemaTitle: require("@aktivitetsmodell/rules/json-schema/rule-file.schema.json").title,
    version: require("@aktivitetsmodell/core/package.json").version,
  }),
)
