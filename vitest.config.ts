import { defineConfig } from "vitest/config"

// Tests run against each package's TypeScript sources through the
// "@aktivitetsmodell/source" export condition, so no build is needed first.
const conditions = ["@aktivitetsmodell/source", "module", "node", "import", "default"]

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    // After every test file: no prototype was changed (see the file).
    setupFiles: ["scripts/test-setup/prototypes.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
