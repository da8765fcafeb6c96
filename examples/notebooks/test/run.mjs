// Executes every notebook in examples/notebooks headlessly with the Deno
// kernel and checks the executed copies:
//   - every code cell ran, and no cell has an error output;
//   - every cell tagged `expect-table` shows a table (text/html <table> with
//     rows, or a text/plain or text/markdown table), every cell tagged
//     `expect-svg` shows an SVG plot with marks, and each notebook has at
//     least one of each.
// Executed notebooks are written to examples/notebooks/out/ (gitignored), so
// an analyst can open what the test ran.
//
//   node test/run.mjs [name-filter]
//
// Needs Debian's python3-nbclient (see scripts/ensure-system-deps.mjs) and
// the packages built (`npm run build` at the repository root).
import { spawn } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { basename, join, resolve } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const notebooksDir = resolve(fileURLToPath(new URL("..", import.meta.url)))
const repoRoot = resolve(notebooksDir, "../..")
export const outDir = join(notebooksDir, "out")

export const listNotebooks = (filter = "") =>
  readdirSync(notebooksDir)
    .filter((f) => f.endsWith(".ipynb") && f.includes(filter))
    .sort()
    .map((f) => join(notebooksDir, f))

const text = (value) => (Array.isArray(value) ? value.join("") : (value ?? ""))

const isTable = (output) => {
  const data = output.data ?? {}
  const html = text(data["text/html"])
  if (/<table[\s>]/i.test(html) && /<td[\s>]/i.test(html)) return true
  const markdown = text(data["text/markdown"])
  if (/^\s*\|.*\|\s*$/m.test(markdown) && /\|\s*:?-{3,}/.test(markdown)) return true
  return false
}

const isSvgPlot = (output) => {
  const svg = text(output.data?.["image/svg+xml"])
  return /<svg[\s>]/.test(svg) && /<(rect|path|circle|line|polyline|polygon)[\s>]/.test(svg)
}

/** Checks one executed notebook (parsed .ipynb JSON); returns `{ name, ok, detail }` items. */
export function checkExecuted(name, notebook) {
  const cells = notebook.cells.map((cell, index) => ({ cell, index })).filter(({ cell }) => cell.cell_type === "code")
  const problems = []
  for (const { cell, index } of cells) {
    if (text(cell.source).trim() === "") continue
    if (typeof cell.execution_count !== "number") problems.push(`cell ${index}: not executed`)
    for (const output of cell.outputs ?? []) {
      if (output.output_type === "error") problems.push(`cell ${index}: ${output.ename}: ${output.evalue}`)
      if (output.output_type === "stream" && output.name === "stderr" && /error/i.test(text(output.text))) {
        problems.push(`cell ${index}: stderr: ${text(output.text).slice(0, 300)}`)
      }
    }
  }
  const tagged = (tag) => cells.filter(({ cell }) => (cell.metadata?.tags ?? []).includes(tag))
  const missing = []
  const tables = tagged("expect-table")
  const plots = tagged("expect-svg")
  for (const { cell, index } of tables) if (!(cell.outputs ?? []).some(isTable)) missing.push(`cell ${index}: no table`)
  for (const { cell, index } of plots)
    if (!(cell.outputs ?? []).some(isSvgPlot)) missing.push(`cell ${index}: no SVG plot`)
  if (tables.length === 0) missing.push("no cell tagged expect-table")
  if (plots.length === 0) missing.push("no cell tagged expect-svg")
  return [
    {
      name: `notebook ${name}: every cell ran without error`,
      ok: problems.length === 0,
      detail: problems.join("\n") || `${cells.length} code cells`,
    },
    {
      name: `notebook ${name}: expected outputs`,
      ok: missing.length === 0,
      detail: missing.join("\n") || `${tables.length} tables, ${plots.length} SVG plots`,
    },
  ]
}

function runPython(python, args) {
  return new Promise((ok) => {
    const child = spawn(python, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("error", (error) => ok({ status: -1, stdout, stderr: `${stderr}\n${error}` }))
    child.on("close", (status) => ok({ status, stdout, stderr }))
  })
}

/**
 * Executes the notebooks and returns the checks.
 * @param {{ python?: string, filter?: string, jobs?: number, log?: (m: string) => void }} options
 */
export async function runNotebookTest(options = {}) {
  const { python = process.env.AKTIVITET_PYTHON ?? "/usr/bin/python3", filter = "", jobs = 3, log = () => {} } = options
  const notebooks = listNotebooks(filter)
  if (notebooks.length === 0)
    return [
      { name: "notebooks: at least one notebook", ok: false, detail: `none in ${notebooksDir} matching "${filter}"` },
    ]
  const started = performance.now()
  const run = await runPython(python, [
    join(repoRoot, "scripts/run-notebooks.py"),
    "--out",
    outDir,
    "--jobs",
    String(jobs),
    ...notebooks,
  ])
  log(`notebooks: ${notebooks.length} executed in ${((performance.now() - started) / 1000).toFixed(1)} s → ${outDir}`)
  const results = run.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l))
  const checks = []
  for (const path of notebooks) {
    const name = basename(path)
    const result = results.find((r) => r.notebook === path)
    if (result === undefined || result.error) {
      const detail = result?.error ?? `runner exited ${run.status}\n${run.stderr.slice(-2000)}`
      checks.push({ name: `notebook ${name}: kernel ran to the end`, ok: false, detail })
      continue
    }
    log(`  ${name}: ${result.seconds} s`)
    checks.push(...checkExecuted(name, JSON.parse(readFileSync(result.output, "utf8"))))
  }
  return checks
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const checks = await runNotebookTest({ filter: process.argv[2] ?? "", log: (m) => console.log(m) })
  for (const c of checks)
    console.log(
      `${c.ok ? "✓" : "✗"} ${c.name}${c.ok ? `  (${c.detail})` : `\n    ${c.detail.replaceAll("\n", "\n    ")}`}`,
    )
  const failed = checks.filter((c) => !c.ok).length
  console.log(`${checks.length - failed} passed, ${failed} failed`)
  process.exit(failed === 0 ? 0 : 1)
}
