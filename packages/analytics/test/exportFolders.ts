// Export folders for tests: each call writes the given files into a new
// folder named for 2024 (the year a folder report reads from its name).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

/** A maker of export folders under one temporary folder whose name starts with `prefix`. */
export const exportFolders = (prefix: string) => {
  const root = mkdtempSync(join(tmpdir(), prefix))
  let n = 0
  return (files: Readonly<Record<string, string | Uint8Array>>): string => {
    const dir = join(root, `f${n++}-2024`)
    mkdirSync(dir)
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
    return dir
  }
}
