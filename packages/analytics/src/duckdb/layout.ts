// Whether a folder holds tables in the layout `export` writes (docs/scale.md)
// rather than one export file per entity, in which format, and for which
// years. Reads directory names only; no file is opened and DuckDB is not
// loaded, so the command line can ask before it decides on an engine.
import { readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import type { FolderFormat } from "./Report.js"

/** A folder of tables: its format and the years of its `attendance/year=YYYY` folders (Parquet). */
export interface Layout {
  readonly format: FolderFormat
  readonly years: ReadonlyArray<number>
}

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/**
 * The layout of `folder` when it has an `attendance/` folder of Parquet
 * (`year=YYYY/` folders or `*.parquet`), CSV (`*.csv`) or Arrow IPC
 * (`data.arrow`) files; undefined for any other folder (a folder of exports, say).
 */
export const tableLayout = (folder: string): Layout | undefined => {
  const attendance = join(folder, "attendance")
  if (!isDirectory(attendance)) return undefined
  const entries = readdirSync(attendance)
  const years = entries
    .flatMap((e) => {
      const m = /^year=(\d{4})$/u.exec(e)
      return m !== null && isDirectory(join(attendance, e)) ? [Number(m[1])] : []
    })
    .sort((a, b) => a - b)
  if (years.length > 0 || entries.some((e) => e.endsWith(".parquet"))) return { format: "parquet", years }
  if (entries.some((e) => e.endsWith(".csv"))) return { format: "csv", years: [] }
  if (entries.includes("data.arrow")) return { format: "arrow", years: [] }
  return undefined
}
