// What a browser downloads for decisions with explanations: a page that
// checks a subject, decides and words the outcome, the reasons and the
// sources, bundled and minified by esbuild with the policy it reads, gzipped
// at level 9. One JSON line per measurement. The decide entry reads a
// snapshot (Snapshot.of); the baseline is the same page on the package's
// main entry, which reads the policy files themselves, as the web example
// did before. The target (#11, item 5): at most 40 KiB for
// eligibility decisions with explanations.
//
// Measured twice: from the TypeScript sources (no build needed), and from
// the built dist/ an app installs from npm (built first when stale, outside
// any figure).

import { line } from "../../../scripts/bench-timing.mjs"
import { buildIfStale } from "../../../scripts/build-if-stale.mjs"
import { Snapshot } from "../src/index.js"
import { loadTreeOrThrow, readTreeFiles, shippedPolicyDir } from "../src/node/index.js"
import { fullPage, leanPage, measure, targetBytes } from "./decideSize.js"

const built = buildIfStale()
if (built > 0) console.error(`(the build took ${(built / 1000).toFixed(1)} s and is not part of any figure below)`)

const tree = loadTreeOrThrow(shippedPolicyDir())
const policyFiles = readTreeFiles(shippedPolicyDir()).filter((f) => !/\.cases\.ya?ml$/u.test(f.path))
const eligibility = Snapshot.of(tree, { kinds: ["eligibility"] })
const whole = Snapshot.of(tree)
const KiB = 1024

for (const sources of [true, false]) {
  const from = sources ? "sources" : "built dist"
  const baseline = await measure(fullPage, policyFiles, { sources })
  const cases = [
    {
      name: `decide entry, eligibility decisions with explanations, shipped eligibility rules (${from})`,
      snapshot: eligibility,
      target: true,
    },
    {
      name: `decide entry, all decisions with explanations, whole shipped policy (${from})`,
      snapshot: whole,
      target: false,
    },
  ]
  for (const c of cases) {
    const size = await measure(leanPage, c.snapshot, { sources })
    // A bundle that still held a schema library would not be the lean path, whatever its size.
    const lean = !size.inputs.some((i) => /node_modules\/(effect|yaml|json-rules-engine)\//u.test(i.path))
    line({
      name: `${c.name}: minified, gzip -9; baseline the main entry reading the policy files`,
      unit: "KiB",
      value: size.gzipBytes / KiB,
      baseline: baseline.gzipBytes / KiB,
      ratio: size.gzipBytes / baseline.gzipBytes,
      target: c.target ? `≤ ${targetBytes / KiB} KiB, no effect, yaml or json-rules-engine` : null,
      ok: c.target ? lean && size.gzipBytes <= targetBytes : null,
    })
  }
}
