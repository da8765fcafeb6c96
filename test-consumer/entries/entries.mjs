// The ES-module twin of entries.cjs: the same entries and data files through
// `import`, for cjs.test.ts to compare with what `require` gives.
import { createRequire } from "node:module"
import catalogue from "@aktivitetsmodell/core/catalogue.json" with { type: "json" }
import referralSchema from "@aktivitetsmodell/core/json-schema/Referral.schema.json" with { type: "json" }
import { loadTreeOrThrow, shippedPolicyDir } from "@aktivitetsmodell/rules/node"

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
  exportsOf[entry] = Object.keys(await import(entry)).sort()
  files[entry] = import.meta.resolve(entry)
}
const policyDir = shippedPolicyDir()

console.log(
  JSON.stringify({
    exports: exportsOf,
    files,
    policyDir,
    rules: loadTreeOrThrow(policyDir).rules.length,
    catalogueOfferings: catalogue.offerings.length,
    coreSchemaId: referralSchema.$id,
    version: createRequire(import.meta.url)("@aktivitetsmodell/core/package.json").version,
  }),
)
