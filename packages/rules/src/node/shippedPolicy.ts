/**
 * The policy that ships with the package, as core's `Policy`: what a Node
 * app, a notebook or a CLI passes to `generate`, `Invariants.check` and the
 * analytics when it follows the shipped policy tree.
 *
 * @module
 */
import * as InForce from "../InForce.js"
import { guard } from "../internal/boundary.js"

import { loadTreeOrThrow, shippedPolicyDir } from "./loadTree.js"

/**
 * The shipped tree's policy, or that of the tree in `dir`. Case files are
 * not read. Throws a `PolicyError` when the tree has errors.
 * @example
 * import { shippedPolicy } from "@aktivitetsmodell/rules/node"
 * const year = generate({ policy: shippedPolicy(), seed: 1 })
 * @category constructors
 */
export const shippedPolicy = guard(
  "shippedPolicy",
  { nb: "(dir?: string)", en: "(dir?: string)" },
  (dir?: string): InForce.TreePolicy => InForce.policy(loadTreeOrThrow(dir ?? shippedPolicyDir(), { cases: false })),
)
