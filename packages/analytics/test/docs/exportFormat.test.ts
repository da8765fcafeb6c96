// The export format in docs/analyst-guide.md is the schemas' own: every
// entity's columns as the CSV reader takes them, so the table cannot drift.
import { readFileSync } from "node:fs"
import { Dataset } from "@aktivitetsmodell/core"
import * as SchemaAST from "effect/SchemaAST"
import { describe, expect, it } from "vitest"

const guide = readFileSync(new URL("../../../../docs/analyst-guide.md", import.meta.url), "utf8")

// `goal.text`, `end?` (may be empty), `departments[]` (a list), `items[4]` (four values).
const columns = (ast: SchemaAST.AST, prefix = "", optional = false): Array<string> => {
  if (SchemaAST.isObjects(ast)) {
    return ast.propertySignatures.flatMap((p) =>
      columns(
        p.type,
        prefix === "" ? String(p.name) : `${prefix}.${String(p.name)}`,
        optional || p.type.context?.isOptional === true,
      ),
    )
  }
  const list = SchemaAST.isArrays(ast) ? (ast.elements.length === 0 ? "[]" : `[${ast.elements.length}]`) : ""
  return [`${prefix}${list}${optional ? "?" : ""}`]
}

describe("docs/analyst-guide.md: the export format", () => {
  it("lists every entity's file and columns as the schemas have them", () => {
    const table = guide.split("<!-- export-columns:")[1]!.split("\n\n")[0]!
    const documented = Object.fromEntries(
      [...table.matchAll(/^\| `([A-Za-z]+)\.csv` \| `([^`]*)` \|$/gmu)].map((m) => [m[1], m[2]]),
    )
    const actual = Object.fromEntries(Dataset.entityNames.map((e) => [e, columns(Dataset.entities[e].ast).join(", ")]))
    expect(documented).toEqual(actual)
  })
})
