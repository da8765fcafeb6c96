// CSV rows → string trees for the StringTree codecs. Headers with dots nest
// (`goal.text`); a header naming a list or tuple field takes "|"-separated
// values (`departments` = `psykisk-helse|rpha`). An empty cell means "absent",
// so a required field left empty is reported as missing, never guessed.
import { parse } from "csv-parse/sync"
import { SchemaAST } from "effect"
import { type EntityName, entities } from "../Dataset.js"

type Tree = string | Array<Tree> | { [k: string]: Tree }

const isListAt = (ast: SchemaAST.AST, path: ReadonlyArray<string>): boolean => {
  let node: SchemaAST.AST | undefined = ast
  for (const key of path) {
    if (node === undefined || !SchemaAST.isObjects(node)) return false
    node = node.propertySignatures.find((p) => p.name === key)?.type
  }
  return node !== undefined && SchemaAST.isArrays(node)
}

const setPath = (root: Record<string, Tree>, path: ReadonlyArray<string>, value: Tree): void => {
  let node: Record<string, Tree> | Array<Tree> = root
  path.forEach((key, i) => {
    const last = i === path.length - 1
    const k = /^\d+$/u.test(key) ? Number(key) : key
    const container = node as Record<string | number, Tree>
    if (last) container[k] = value
    else {
      const nextIsIndex = /^\d+$/u.test(path[i + 1] ?? "")
      container[k] ??= nextIsIndex ? [] : {}
      node = container[k] as Record<string, Tree> | Array<Tree>
    }
  })
}

/** A CSV file parsed into string trees, with the line each record starts on. */
export interface CsvRows {
  readonly records: ReadonlyArray<Record<string, Tree>>
  readonly lines: ReadonlyArray<number>
}

export const csvToTrees = (entity: EntityName, text: string): CsvRows => {
  const ast = entities[entity].ast
  const rows = parse(text, { columns: false, info: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as unknown as Array<{
    record: Array<string>
    info: { lines: number }
  }>
  const [header, ...body] = rows
  if (header === undefined) return { records: [], lines: [] }
  const paths = header.record.map((h) => h.trim().split("."))
  const records = body.map(({ record }) => {
    const tree: Record<string, Tree> = {}
    paths.forEach((path, col) => {
      const cell = record[col]
      if (cell === undefined || cell === "") return
      setPath(tree, path, isListAt(ast, path) ? cell.split("|") : cell)
    })
    // Cells beyond the header have no field name; keep them so the decoder reports them.
    record.slice(paths.length).forEach((cell, j) => {
      if (cell !== "") tree[`column ${paths.length + j + 1}`] = cell
    })
    return tree
  })
  return { records, lines: body.map((r) => r.info.lines) }
}
