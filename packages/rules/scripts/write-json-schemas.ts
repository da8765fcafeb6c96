// Writes the published JSON Schema files from the catalogues; a test fails
// when the committed files differ from what this script would write.
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { JsonSchema } from "../src/index.js"

for (const name of JsonSchema.names) {
  const file = fileURLToPath(new URL(`../json-schema/${name}.schema.json`, import.meta.url))
  writeFileSync(file, `${JSON.stringify(JsonSchema.of(name), null, 2)}\n`)
  console.log(`wrote ${file}`)
}
