// The layout of docs/scale.md as Arrow IPC files, `<table>/data.arrow`, one
// file per table with exactly the schema's columns. DuckDB cannot read Arrow
// IPC without an extension it would have to download, so the files are read
// here (with flechette) and go into DuckDB through the appender. Writing
// needs no DuckDB at all. A wrong file is named with its row and column, never
// with the value it holds (an id, a number, could be personal).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { float64, int32, tableFromArrays, tableFromIPC, tableToIPC, utf8 } from "@uwdata/flechette"
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { record } from "../internal/expr.js"
import { FileError, fileName } from "../internal/text.js"
import { type ColumnType, columnsOf, columnValues, type Source, type TableName, tableNames } from "../query/Schema.js"
import { checkFolder } from "./files.js"

const arrowTypes = { integer: int32, double: float64, text: utf8 } as const

/** The file of one table in the Arrow layout. */
export const arrowFile = (folder: string, table: TableName): string => join(folder, table, "data.arrow")

/**
 * Writes the schema's tables of `source` as Arrow IPC files (the file
 * format) under `folder`, `<table>/data.arrow`, replacing what is there.
 */
export const writeArrow = (source: Source, folder: string): void => {
  checkFolder(folder)
  for (const table of tableNames) {
    const values = columnValues(source, table)
    const types = Object.fromEntries(columnsOf(table).map(([c, t]) => [c, arrowTypes[t]()]))
    const bytes = tableToIPC(tableFromArrays(values, { types }), { format: "file" })
    mkdirSync(join(folder, table), { recursive: true })
    writeFileSync(arrowFile(folder, table), bytes as Uint8Array)
  }
}

const wrongCell = (file: string, row: number, column: string, type: ColumnType): never => {
  const want = {
    integer: ["et heltall", "a whole number"],
    double: ["et tall", "a number"],
    text: ["en tekst", "a text"],
  }[type]
  throw new FileError(file, {
    nb: `${fileName(file)}: rad ${row + 1}, felt ${column}: må være ${want[0]} eller tom`,
    en: `${fileName(file)}: row ${row + 1}, field ${column}: must be ${want[1]} or empty`,
  })
}

// One value as the schema's type says, or null; anything else refuses the file.
const cell = (v: unknown, type: ColumnType, file: string, row: number, column: string): number | string | null => {
  if (v === null || v === undefined) return null
  const x = typeof v === "bigint" ? Number(v) : v
  if (type === "text") return typeof x === "string" ? x : wrongCell(file, row, column, type)
  if (typeof x !== "number" || !Number.isFinite(x) || (type === "integer" && !Number.isInteger(x)))
    return wrongCell(file, row, column, type)
  return x
}

const readTable = (folder: string, table: TableName): ColumnTable => {
  const file = arrowFile(folder, table)
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch {
    throw new FileError(file, {
      nb: `${fileName(file)}: filen mangler eller kan ikke leses`,
      en: `${fileName(file)}: the file is missing or cannot be read`,
    })
  }
  let arrow: ReturnType<typeof tableFromIPC>
  try {
    arrow = tableFromIPC(bytes, { useBigInt: true })
  } catch {
    throw new FileError(file, {
      nb: `${fileName(file)}: ingen Arrow IPC-fil`,
      en: `${fileName(file)}: not an Arrow IPC file`,
    })
  }
  const names = arrow.names as ReadonlyArray<string>
  return aq.table(
    record(
      columnsOf(table).map(([column, type]) => {
        if (!names.includes(column))
          throw new FileError(file, {
            nb: `${fileName(file)}: kolonnen ${column} mangler`,
            en: `${fileName(file)}: the column ${column} is missing`,
          })
        const values = Array.from(arrow.getChild(column).toArray() as ArrayLike<unknown>, (v, row) =>
          cell(v, type, file, row, column),
        )
        return [column, values] as const
      }),
    ),
  )
}

/**
 * Reads the Arrow layout under `folder`: every table of the schema with its
 * columns checked, and the required contribution percentage (one row).
 */
export const readArrow = (folder: string): Source => {
  checkFolder(folder)
  const read = Object.fromEntries(tableNames.map((t) => [t, readTable(folder, t)])) as Record<TableName, ColumnTable>
  const parameters = read.parameters.objects() as Array<Record<string, unknown>>
  const required = parameters[0]?.requiredContributionPercent
  if (parameters.length !== 1 || typeof required !== "number")
    throw new FileError(arrowFile(folder, "parameters"), {
      nb: `${fileName(arrowFile(folder, "parameters"))}: må ha nøyaktig én rad med requiredContributionPercent`,
      en: `${fileName(arrowFile(folder, "parameters"))}: must hold exactly one row with requiredContributionPercent`,
    })
  const { parameters: _, ...rest } = read
  return { ...rest, requiredContributionPercent: required } as Source
}
