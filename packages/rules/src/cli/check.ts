// `aktivitet-rules check [dir]`: validate the tree and run its cases.
import { run as runCases } from "../Cases.js"
import { bi } from "../internal/text.js"
import { format, hasErrors } from "../Problem.js"
import { type Io, type Lang, say, shown } from "./io.js"
import { loadChecked, requireFolder } from "./load.js"

export const check = (io: Io, dir: string, lang: Lang): number => {
  // An unusable path is one line on its own, before anything else.
  requireFolder(io, dir)
  const root = shown(io, dir)
  io.stdout(say(bi(`Checking the policy tree in ${root}`, `Sjekker regeltreet i ${root}`), lang))
  const loaded = loadChecked(io, dir, lang)
  if (typeof loaded === "number") return loaded
  const { tree, problems } = loaded
  for (const p of problems.filter((x) => x.severity === "error")) io.stderr(format(p, lang, root))
  for (const p of problems.filter((x) => x.severity === "warning")) io.stdout(format(p, lang, root))
  io.stdout(say(bi(`${tree.rules.length} rules, ${tree.parameters.size} parameters, ${tree.cases.reduce((n, c) => n + c.cases.length, 0)} cases`, `${tree.rules.length} regler, ${tree.parameters.size} parametere, ${tree.cases.reduce((n, c) => n + c.cases.length, 0)} tilfeller`), lang))
  if (hasErrors(problems)) {
    // A file that did not load would make cases fail for the wrong reason.
    const count = problems.filter((p) => p.severity === "error").length
    io.stdout(say(bi("The cases were not run: correct the errors above first", "Tilfellene ble ikke kjørt: rett feilene over først"), lang))
    io.stdout(say(bi(`Failed: ${count} error(s)`, `Feilet: ${count} feil`), lang))
    return 1
  }
  const { results, problems: failures, coverage } = runCases(tree)
  for (const p of failures) io.stderr(format(p, lang, root))
  const cases = results.length
  const failed = results.filter((r) => !r.ok).length
  io.stdout(say(bi(`Cases: ${cases - failed} passed, ${failed} failed`, `Tilfeller: ${cases - failed} besto, ${failed} feilet`), lang))
  const unexercised = coverage.uncovered.filter((p) => /^\/versions\/\d+$/u.test(p.pointer))
  const unreached = coverage.uncovered.length - unexercised.length
  const exercised = tree.rules.length - new Set(unexercised.map((p) => p.file)).size
  io.stdout(
    say(
      bi(
        `Coverage: ${exercised} of ${tree.rules.length} rules exercised by a case; ${unreached} outcome(s) no case reaches`,
        `Dekning: ${exercised} av ${tree.rules.length} regler prøvd av et tilfelle; ${unreached} utfall som ingen tilfeller når`
      ),
      lang
    )
  )
  for (const p of coverage.uncovered) io.stdout(`  ${format(p, lang, root)}`)
  const errors = failures.filter((p) => p.severity === "error")
  const ok = failed === 0 && errors.length === 0
  io.stdout(say(ok ? bi("OK: the policy tree is valid and every case passes", "OK: regeltreet er gyldig og alle tilfeller består") : bi(`Failed: ${errors.length} error(s)`, `Feilet: ${errors.length} feil`), lang))
  return ok ? 0 : 1
}
