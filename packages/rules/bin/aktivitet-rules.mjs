#!/usr/bin/env node
// The `aktivitet-rules` command. It lives outside dist/ so that `npm ci` can
// link it before the package is built (npm skips a bin whose file is missing);
// it runs the built command line in dist/.
import { existsSync } from "node:fs"

const cli = new URL("../dist/cli.js", import.meta.url)
if (!existsSync(cli)) {
  console.error(
    "aktivitet-rules is not built yet; run: npm run build -w @aktivitetsmodell/core -w @aktivitetsmodell/rules\n" +
      "aktivitet-rules er ikke bygd ennå; kjør: npm run build -w @aktivitetsmodell/core -w @aktivitetsmodell/rules",
  )
  process.exit(2)
}
await import(cli.href)
