// Writes json-schema/<Name>.schema.json for every entity. The files are
// committed so that editors resolve `$schema` without a build; a test fails
// when they drift from the schemas in src/.
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { JsonSchemas } from "@aktivitetsmodell/core"

const dir = fileURLToPath(new URL("../json-schema/", import.meta.url))
for (const name of JsonSchemas.schemaNames) {
  writeFileSync(`${dir}${name}.schema.json`, `${JSON.stringify(JsonSchemas.of(name), null, 2)}\n`)
}
console.log(`wrote ${JsonSchemas.schemaNames.length} schemas to ${dir}`)
