import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// The app developer's view of the packages: these tests use the BUILT output
// (dist/, the packed tarballs, a registry), never the TypeScript sources, so
// they run with no export condition of ours and after `npm run build`.
// scripts/test.mjs runs them after the unit tests with
// `vitest run --config test-consumer/vitest.config.ts`.
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["test-consumer/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
})
