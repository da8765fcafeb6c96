// The entities of a folder whose records could not be read: no file, a file
// that could not be read as a whole (empty, a header that rejects every row),
// or a file whose every record was rejected. An indicator that counts them
// cannot be computed; the report publishes it as missing with this reason.
// A file that reads as no records (a header and nothing else, `[]`) says
// there were none: its zeros are figures.
import { Dataset } from "@aktivitetsmodell/core"
import type { MissingInput } from "../internal/indicatorInputs.js"
import type { Section } from "../outputs/Rejected.js"

export const missingInputs = (section: Section): Array<MissingInput> =>
  Dataset.entityNames.flatMap((entity): Array<MissingInput> => {
    if (section.fromCatalogue?.includes(entity) === true) return []
    const file = section.files.find((f) => f.entity === entity)
    if (file === undefined)
      return [
        { entity, reason: { nb: `mappen har ingen fil for ${entity}`, en: `the folder has no file for ${entity}` } },
      ]
    if (file.records > 0 && file.valid === 0)
      return [
        {
          entity,
          reason: {
            nb: `alle ${file.records} poster i ${file.file} ble avvist`,
            en: `all ${file.records} records of ${file.file} were rejected`,
          },
        },
      ]
    const problem = section.entries.find((e) => e.kind === "file" && e.file === file.file)
    if (file.records === 0 && problem !== undefined)
      return [
        {
          entity,
          reason: { nb: `${file.file}: ${problem.message.nb}`, en: `${file.file}: ${problem.message.en}` },
        },
      ]
    return []
  })
