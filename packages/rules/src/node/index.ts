/**
 * Node-only helpers: read a policy tree from a folder, and find the policy
 * this package ships. A folder is read without trusting it: symbolic links
 * out of the tree, link loops, FIFOs, sockets and devices are reported as
 * problems and never opened, and files over `maxFileBytes` are refused.
 *
 * @example
 * import { loadTreeOrThrow, shippedPolicyDir } from "@aktivitetsmodell/rules/node"
 * const tree = loadTreeOrThrow(shippedPolicyDir())
 *
 * @module
 */

export { PolicyError } from "../Problem.js"
export { ArgumentError, RulesError } from "../RulesError.js"
export type { LoadOptions } from "./loadTree.js"
export {
  loadTree,
  loadTreeOrThrow,
  maxDepth,
  maxEntries,
  maxFileBytes,
  readTreeFiles,
  shippedPolicyDir,
} from "./loadTree.js"
export { shippedPolicy } from "./shippedPolicy.js"
