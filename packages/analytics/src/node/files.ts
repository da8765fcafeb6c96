// Reading and writing files with one kind of failure: a FileError naming the
// file and the reason in one line, in both languages. The reason is Node's
// (such as "ENOENT: no such file or directory"), which names the path, not
// the content, and like every message it passes through core's redaction.
import { mkdir, readFile, writeFile } from "node:fs/promises"
import { dirname } from "node:path"
import { reject } from "../internal/checks.js"
import { FileError, fileName } from "../internal/text.js"

const reason = (e: unknown): string => {
  try {
    return e instanceof Error ? e.message : typeof e
  } catch {
    return typeof e
  }
}

/** A file name as a non-empty text, or an AnalyticsError naming the function. */
export const requireFile = (name: string, u: unknown): string =>
  typeof u === "string" && u !== ""
    ? u
    : reject(name, {
        nb: "filen må være en sti (en tekst som ikke er tom)",
        en: "the file must be a path (a non-empty text)",
      })

/** The text of a file (UTF-8). */
export const readText = async (file: string): Promise<string> => {
  try {
    return await readFile(file, "utf8")
  } catch (e) {
    const why = reason(e)
    throw new FileError(file, {
      nb: `Kunne ikke lese ${fileName(file)}: ${why}`,
      en: `Could not read ${fileName(file)}: ${why}`,
    })
  }
}

/** The bytes of a file. */
export const readBytes = async (file: string): Promise<Uint8Array> => {
  try {
    return new Uint8Array(await readFile(file))
  } catch (e) {
    const why = reason(e)
    throw new FileError(file, {
      nb: `Kunne ikke lese ${fileName(file)}: ${why}`,
      en: `Could not read ${fileName(file)}: ${why}`,
    })
  }
}

/** Writes `text` to `file`, creating its folder. */
export const writeText = async (file: string, text: string): Promise<string> => {
  try {
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, text, "utf8")
    return file
  } catch (e) {
    const why = reason(e)
    throw new FileError(file, {
      nb: `Kunne ikke skrive ${fileName(file)}: ${why}`,
      en: `Could not write ${fileName(file)}: ${why}`,
    })
  }
}
