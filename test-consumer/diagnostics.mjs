// Reads `tsc --pretty false` output into diagnostics and sets apart the
// known errors in third-party declaration files. With skipLibCheck off a
// consumer also type-checks arquero's and flechette's own .d.ts, which have
// errors of their own (arquero 8.0.3: an optional rest parameter in
// ColumnTable.lookup; flechette 2.6: an untyped `getFactory` member). Those
// are not ours to fix; anything else, and anything in our packages, fails.
export const knownUpstream = [
  { file: /(?:^|\/)node_modules\/arquero\/dist\/types\/table\/ColumnTable\.d\.ts$/u, codes: ["TS2370", "TS1047"] },
  { file: /(?:^|\/)node_modules\/@uwdata\/flechette\/dist\/types\/table\.d\.ts$/u, codes: ["TS7008"] },
]

const head = /^(?<file>.+?)\(\d+,\d+\): error (?<code>TS\d+):/u

/** Splits the output into diagnostics (a line and its indented continuation lines). */
export const diagnostics = (output) => {
  const list = []
  for (const line of output.split("\n")) {
    if (line.trim() === "") continue
    if (/^\s/u.test(line) && list.length > 0) list[list.length - 1].text += `\n${line}`
    else {
      const m = head.exec(line)
      list.push({ file: m?.groups.file ?? "", code: m?.groups.code ?? "", text: line })
    }
  }
  return list
}

const isKnownUpstream = (d) =>
  knownUpstream.some((k) => k.file.test(d.file.replaceAll("\\", "/")) && k.codes.includes(d.code))

/** The diagnostics that are not known third-party errors, as text. */
export const unexpected = (output) =>
  diagnostics(output)
    .filter((d) => !isKnownUpstream(d))
    .map((d) => d.text)
