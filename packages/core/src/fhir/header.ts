// The dataset header: a Basic resource that says which municipality-year the
// bundle holds and which identifier system its pseudonyms use, so a bundle
// can be read back without knowing how it was written.

import type { ExportContext } from "./context.js"
import * as X from "./extensions.js"
import type { ResourceReader } from "./reader.js"
import { concept } from "./terminology.js"
import type { Basic } from "./types.js"

export const header = (ctx: ExportContext): Basic => ({
  resourceType: "Basic",
  code: concept("record-type", "dataset"),
  ...(ctx.options.municipality === undefined
    ? {}
    : { subject: { reference: ctx.municipalityUrl, type: "Organization" } }),
  extension: [
    ...X.int(X.EXT.datasetYear, ctx.data.year),
    ...X.ext(X.EXT.pseudonymSystem, { valueUri: ctx.options.pseudonymSystem }),
  ],
})

export const readHeader = (r: ResourceReader): { year?: unknown; pseudonymSystem?: string } => {
  const system = r.value(X.EXT.pseudonymSystem, "valueUri")
  return {
    year: r.value(X.EXT.datasetYear, "valueInteger"),
    ...(typeof system === "string" ? { pseudonymSystem: system } : {}),
  }
}
