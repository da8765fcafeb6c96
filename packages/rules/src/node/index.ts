/**
 * Node-only helpers: read a policy tree from a folder, and find the policy
 * this package ships.
 *
 * @example
 * import { loadTreeOrThrow, shippedPolicyDir } from "@aktivitetsmodell/rules/node"
 * const tree = loadTreeOrThrow(shippedPolicyDir())
 *
 * @module
 */
export { loadTree, loadTreeOrThrow, readTreeFiles, shippedPolicyDir } from "./loadTree.js"
