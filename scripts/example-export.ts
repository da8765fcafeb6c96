// Writes examples/data/export-2024/: a small synthetic municipality-year as
// one CSV file per entity, the way an analyst gets an export, with a few rows
// made wrong on purpose so that `aktivitet-report examples/data/export-2024`
// has rejected rows and a broken rule to list. The same seed gives the same
// files. Offerings and departments are left out: the report takes them from
// the shipped catalogue. Pseudonyms only; no identity number anywhere.
//
//   npx tsx --conditions=@aktivitetsmodell/source scripts/example-export.ts [--out DIR]
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Dataset } from "@aktivitetsmodell/core"
import { readCsv } from "@aktivitetsmodell/core/node"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { shippedPolicy } from "@aktivitetsmodell/rules/node"
import * as SchemaAST from "effect/SchemaAST"

const root = fileURLToPath(new URL("..", import.meta.url))
const outIndex = process.argv.indexOf("--out")
const out = outIndex > 0 ? process.argv[outIndex + 1]! : join(root, "examples/data/export-2024")
const year = generate({ policy: shippedPolicy(), seed: 2024, year: 2024, citizens: 12 })

type Cells = Map<string, string>

// A record as CSV cells: nested fields as dotted headers, lists joined with "|".
const flatten = (value: unknown, prefix: string, cells: Cells): void => {
  if (Array.isArray(value)) cells.set(prefix, value.map(String).join("|"))
  else if (typeof value === "object" && value !== null)
    for (const [k, v] of Object.entries(value)) flatten(v, prefix === "" ? k : `${prefix}.${k}`, cells)
  else cells.set(prefix, String(value))
}

const cell = (s: string): string => (/[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s)

const toCsv = (records: ReadonlyArray<unknown>): { header: Array<string>; rows: Array<string> } => {
  const flat = records.map((r) => {
    const cells: Cells = new Map()
    flatten(r, "", cells)
    return cells
  })
  const header = [...new Set(flat.flatMap((c) => [...c.keys()]))]
  return { header, rows: flat.map((c) => header.map((h) => cell(c.get(h) ?? "")).join(",")) }
}

// The columns of an entity as the CSV reader takes them: nested fields with a dot.
const columnsOf = (ast: SchemaAST.AST, prefix = ""): Array<string> =>
  SchemaAST.isObjects(ast)
    ? ast.propertySignatures.flatMap((p) =>
        columnsOf(p.type, prefix === "" ? String(p.name) : `${prefix}.${String(p.name)}`),
      )
    : [prefix]

// Sorted keys, so that a record read back compares equal to the one written.
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) =>
    typeof x === "object" && x !== null && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  )

// The rows made wrong on purpose: a copy of a real row, changed in one field,
// put in after the row it copies. Each is listed in examples/data/README.md.
const mistakes: ReadonlyArray<{
  entity: Dataset.EntityName
  after: number
  change: (cells: Cells) => void
  expect: "rejected" | "violation"
}> = [
  // A birth year with a letter in it.
  { entity: "citizens", after: 3, change: (c) => c.set("birthYear", "19x8"), expect: "rejected" },
  // The status written in Norwegian instead of the code.
  {
    entity: "enrollments",
    after: 4,
    change: (c) => c.set("id", "n-2024-ex-1").set("status", "pågår"),
    expect: "rejected",
  },
  // A day that does not exist.
  {
    entity: "attendance",
    after: 10,
    change: (c) => c.set("id", "a-2024-ex-1").set("date", "2024-02-30"),
    expect: "rejected",
  },
  // A referral to an offering that is not in the catalogue: the record is valid, the reference is not.
  {
    entity: "referrals",
    after: 1,
    change: (c) => c.set("id", "r-2024-ex-1").set("offeringId", "yoga-i-parken"),
    expect: "violation",
  },
]

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
for (const entity of Dataset.entityNames) {
  if (entity === "offerings" || entity === "departments") continue
  const records = year[entity] as ReadonlyArray<unknown>
  // None of them this year: the header alone says so (a missing file would make the figures missing, not 0).
  if (records.length === 0) {
    writeFileSync(join(out, `${entity}.csv`), `${columnsOf(Dataset.entities[entity].ast).join(",")}\n`)
    continue
  }
  const { header, rows } = toCsv(records)
  const text = `${[header.join(","), ...rows].join("\n")}\n`
  // Every record written must read back as itself before any mistake is added.
  const back = readCsv(entity, text)
  if (
    back.rejected.length > 0 ||
    back.valid.length !== records.length ||
    back.valid.some((r, i) => canonical(r) !== canonical(records[i]))
  ) {
    throw new Error(`${entity}: the CSV does not read back as written (${back.rejected.length} rejected)`)
  }
  const lines = [header.join(","), ...rows]
  for (const m of mistakes.filter((x) => x.entity === entity)) {
    const cells: Cells = new Map()
    flatten(records[m.after], "", cells)
    m.change(cells)
    lines.splice(m.after + 2, 0, header.map((h) => cell(cells.get(h) ?? "")).join(","))
  }
  writeFileSync(join(out, `${entity}.csv`), `${lines.join("\n")}\n`)
}
process.stdout.write(`${readdirSync(out).length} files in ${out}\n`)
