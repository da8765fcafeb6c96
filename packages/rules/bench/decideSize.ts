// What the browser downloads for eligibility decisions with explanations:
// a page's code that checks a subject, decides and explains, bundled and
// minified by esbuild with the snapshot it reads, gzipped at level 9 as a
// server sends it. Both the benchmark (bench/decide.bench.ts) and the test
// (test/decide/size.test.ts) measure with this.

import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { build, type Metafile } from "esbuild"

const packageDir = fileURLToPath(new URL("..", import.meta.url))

/** The limit for eligibility decisions with explanations. */
export const targetBytes = 40 * 1024

/** A page's use of an entry: check a form's subject, decide, and word the outcome, the reasons and the source. */
export const leanPage = `
import { decide, decodeSubject, describe, explainDecision, explainNode, formatSource } from "@aktivitetsmodell/rules/decide"
import snapshot from "snapshot"
export const run = (input, date) => {
  const r = decodeSubject(input, snapshot)
  if (!r.ok) return r.problems.map((p) => p.message.nb)
  const result = decide(snapshot, r.subject, date)
  return [
    result.summary.eligibility === undefined ? "" : describe("eligibility", result.summary.eligibility, snapshot).nb,
    ...result.decisions.map((d) => [explainDecision(d, snapshot, "nb"), ...explainNode(d.explanation.conditions, snapshot, "nb"), formatSource(d.source, snapshot, "nb")].join("\\n"))
  ]
}
`

/** The same page before the decide entry: the package's main entry, reading the policy files themselves. */
export const fullPage = `
import { Decision, Explain, Outcome, PolicyTree, Source, Subject } from "@aktivitetsmodell/rules"
import files from "snapshot"
const tree = PolicyTree.loadOrThrow(files)
export const run = (input, date) => {
  const r = Subject.decode(input, tree.catalogue)
  if (!r.ok) return r.problems.map((p) => p.message.nb)
  const result = Decision.decide(tree, r.subject, date)
  return [
    result.summary.eligibility === undefined ? "" : Outcome.describe("eligibility", result.summary.eligibility, tree.catalogue).nb,
    ...result.decisions.map((d) => [Explain.decision(d, tree, "nb"), ...Explain.node(d.explanation.conditions, tree, "nb"), Source.format(d.source, "nb")].join("\\n"))
  ]
}
`

/** A bundle's size, and the files with code in it, largest first. */
export interface Size {
  /** The minified bundle, an ES module that exports `run(input, date)`. */
  readonly code: string
  readonly bytes: number
  readonly gzipBytes: number
  readonly inputs: ReadonlyArray<{ readonly path: string; readonly bytes: number }>
}

/**
 * Bundles `page` for the browser, with `data` as the module "snapshot".
 * `sources`: resolve the packages to their TypeScript sources (no build
 * needed); otherwise to their built `dist`, as an app installed from npm does.
 */
export const measure = async (page: string, data: unknown, options: { readonly sources: boolean }): Promise<Size> => {
  const result = await build({
    stdin: { contents: page, resolveDir: packageDir, loader: "js" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    metafile: true,
    logLevel: "silent",
    // Paths in the metafile are then relative to this package: src/…, ../core/src/….
    absWorkingDir: packageDir,
    conditions: options.sources ? ["@aktivitetsmodell/source"] : [],
    plugins: [
      {
        name: "snapshot",
        setup(b) {
          // esbuild's filters are Go regular expressions, which take no flags.
          b.onResolve({ filter: /^snapshot$/ }, () => ({ path: "snapshot", namespace: "snapshot" }))
          b.onLoad({ filter: /.*/, namespace: "snapshot" }, () => ({ contents: JSON.stringify(data), loader: "json" }))
        },
      },
    ],
  })
  const code = result.outputFiles[0]!.contents
  return {
    code: result.outputFiles[0]!.text,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    inputs: inputsOf(result.metafile),
  }
}

// The metafile also lists files that were read and then shaken out entirely: those have no bytes in the output.
const inputsOf = (metafile: Metafile): Size["inputs"] =>
  Object.values(metafile.outputs)
    .flatMap((o) => Object.entries(o.inputs))
    .filter(([, i]) => i.bytesInOutput > 0)
    .map(([path, i]) => ({ path, bytes: i.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
