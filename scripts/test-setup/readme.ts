// Running a README's TypeScript examples as written, for the README tests of
// the packages and of the repository: the examples are read from the file,
// written beside the test (Vite transforms files inside the project only),
// imported, and what they print is compared with the comment lines the README
// shows after each console call.
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { format } from "node:util"
import { vi } from "vitest"

/** Every fenced TypeScript example of a README, in order. */
export const examplesOf = (readme: string): Array<string> =>
  [...readme.matchAll(/^```ts\n([\s\S]*?)^```/gmu)].map((m) => m[1] ?? "")

/**
 * The comment lines right after a console call, or after the block that
 * holds one: what the README says the example prints. "// …" stands for
 * lines left out.
 */
export const shownOutput = (code: string): Array<string> => {
  const out: Array<string> = []
  let printing = false
  for (const l of code.split("\n")) {
    if (l.startsWith("// ")) {
      if (printing && l.trim() !== "// …") out.push(l.slice(3).trim())
      continue
    }
    const calls = /console\.(?:log|error)\(/u.test(l)
    printing = calls || (printing && l.trim() === "}")
  }
  return out
}

/** A line as compared: runs of white space (the report's no-break spaces too) as one space. */
export const plain = (line: string): string => line.replace(/\s+/gu, " ").trim()

/**
 * Runs `code` as a module written to `file`, in `cwd` when given, and returns
 * every line it printed with console.log or console.error, as `plain` lines.
 */
export const runExample = async (
  code: string,
  file: string,
  options: { readonly cwd?: string; readonly env?: Readonly<Record<string, string>>; readonly epilogue?: string } = {},
): Promise<{ readonly lines: Array<string>; readonly module: Record<string, unknown> }> => {
  mkdirSync(join(file, ".."), { recursive: true })
  writeFileSync(file, `${code}\n${options.epilogue ?? "export {}"}\n`)
  for (const [k, v] of Object.entries(options.env ?? {})) vi.stubEnv(k, v)
  const printed: Array<string> = []
  const capture = (...args: Array<unknown>) => {
    printed.push(...format(...args).split("\n"))
  }
  const log = vi.spyOn(console, "log").mockImplementation(capture)
  const error = vi.spyOn(console, "error").mockImplementation(capture)
  const cwd = process.cwd()
  if (options.cwd !== undefined) process.chdir(options.cwd)
  try {
    const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>
    return { lines: printed.map(plain), module }
  } finally {
    if (options.cwd !== undefined) process.chdir(cwd)
    log.mockRestore()
    error.mockRestore()
    vi.unstubAllEnvs()
  }
}
