// The policy for analytics' tests: the rules package's fixture tree, a copy
// of the shipped policy that policy edits do not touch.

import { fileURLToPath } from "node:url"
import type { Policy } from "@aktivitetsmodell/core"
import { shippedPolicy } from "@aktivitetsmodell/rules/node"

export const policy: Policy.Policy = shippedPolicy(
  fileURLToPath(new URL("../../rules/test/fixtures/trees/sandnes", import.meta.url)),
)
