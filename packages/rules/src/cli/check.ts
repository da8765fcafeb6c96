// `aktivitet-rules check [dir] [--coverage N]`: validate the tree, run its
// cases, and report for every rule version which outcomes and condition
// sides the cases reach; below N % (100 by default) the check fails.
import { run as runCases } from "../Cases.js"
import type { VersionCoverage } from "../Coverage.js"
import { bi } from "../internal/text.js"
import { format, hasErrors } from "../Problem.js"
import { type Io, type Lang, say, shown } from "./io.js"
import { loadChecked, requireFolder } from "./load.js"

/** The coverage a tree needs unless `--coverage` says otherwise. */
export const defaultCoverage = 100

const versionLine = (v: VersionCoverage) => {
  const sides = v.conditions.length * 2
  const reached = v.conditions.reduce(
    (n, c) => n + Number(c.whenTrue || c.exempt.whenTrue) + Number(c.whenFalse || c.exempt.whenFalse),
    0,
  )
  const branch = (name: string, got: boolean, declared: boolean) =>
    got ? `${name} ✓` : declared ? `${name} –` : `${name} ✗`
  const branches = `${branch("event", v.event, v.unreachable.event !== undefined)}, ${branch("otherwise", v.otherwise, v.unreachable.otherwise !== undefined)}`
  const mark = v.covered === v.total ? "✓" : "✗"
  return bi(
    `${mark} ${v.rule}, version ${v.version}: ${branches}, conditions ${reached} of ${sides} sides`,
    `${mark} ${v.rule}, versjon ${v.version}: ${branches}, betingelser ${reached} av ${sides} sider`,
  )
}

export const check = (io: Io, dir: string, lang: Lang, threshold = defaultCoverage): number => {
  // An unusable path is one line on its own, before anything else.
  requireFolder(io, dir)
  const root = shown(io, dir)
  io.stdout(say(bi(`Checking the policy tree in ${root}`, `Sjekker regeltreet i ${root}`), lang))
  const loaded = loadChecked(io, dir, lang)
  if (typeof loaded === "number") return loaded
  const { tree, problems } = loaded
  for (const p of problems.filter((x) => x.severity === "error")) io.stderr(format(p, lang, root))
  for (const p of problems.filter((x) => x.severity === "warning")) io.stdout(format(p, lang, root))
  const count = tree.cases.reduce((n, c) => n + c.cases.length, 0)
  io.stdout(
    say(
      bi(
        `${tree.rules.length} rules, ${tree.parameters.size} parameters, ${count} cases`,
        `${tree.rules.length} regler, ${tree.parameters.size} parametere, ${count} tilfeller`,
      ),
      lang,
    ),
  )
  if (hasErrors(problems)) {
    // A file that did not load would make cases fail for the wrong reason.
    const errors = problems.filter((p) => p.severity === "error").length
    io.stdout(
      say(
        bi(
          "The cases were not run: correct the errors above first",
          "Tilfellene ble ikke kjørt: rett feilene over først",
        ),
        lang,
      ),
    )
    io.stdout(say(bi(`Failed: ${errors} error(s)`, `Feilet: ${errors} feil`), lang))
    return 1
  }
  const { results, problems: failures, coverage } = runCases(tree)
  for (const p of failures) io.stderr(format(p, lang, root))
  const failed = results.filter((r) => !r.ok).length
  io.stdout(
    say(
      bi(
        `Cases: ${results.length - failed} passed, ${failed} failed`,
        `Tilfeller: ${results.length - failed} besto, ${failed} feilet`,
      ),
      lang,
    ),
  )
  io.stdout(
    say(
      bi(
        `Coverage: ${coverage.percent} % (${coverage.covered} of ${coverage.total} outcomes and condition sides reached by a case; required ${threshold} %)`,
        `Dekning: ${coverage.percent} % (${coverage.covered} av ${coverage.total} utfall og betingelsessider nådd av et tilfelle; krav ${threshold} %)`,
      ),
      lang,
    ),
  )
  for (const v of coverage.versions) io.stdout(say(versionLine(v), lang, "  "))
  for (const p of coverage.problems) (p.severity === "error" ? io.stderr : io.stdout)(format(p, lang, root))
  const errors = [...failures, ...coverage.problems].filter((p) => p.severity === "error").length
  const short = coverage.percent < threshold
  if (failed === 0 && errors === 0 && !short) {
    io.stdout(
      say(
        bi(
          "OK: the policy tree is valid, every case passes and the coverage is met",
          "OK: regeltreet er gyldig, alle tilfeller består og dekningen er nådd",
        ),
        lang,
      ),
    )
    return 0
  }
  if (short) {
    io.stdout(
      say(
        bi(
          `The coverage is ${coverage.percent} %, below the required ${threshold} %: add cases for the outcomes and conditions listed above`,
          `Dekningen er ${coverage.percent} %, under kravet på ${threshold} %: legg til tilfeller for utfallene og betingelsene over`,
        ),
        lang,
      ),
    )
  }
  io.stdout(
    say(
      bi(
        `Failed: ${errors} error(s)${short ? ", coverage too low" : ""}`,
        `Feilet: ${errors} feil${short ? ", for lav dekning" : ""}`,
      ),
      lang,
    ),
  )
  return 1
}
