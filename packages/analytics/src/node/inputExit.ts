// A report (or export) made without some records of its input ends with exit
// code 1, as docs/cli.md promises: a script that runs `aktivitet-report … &&
// publish` must not publish figures from half a file without noticing. The
// records are named in rejected.csv and the report's input section; this says
// so once more on stderr. A broken rule of the model loses no record (the
// record is counted) and does not change the code.
import type { Lang } from "../internal/text.js"
import type { Section } from "../outputs/Rejected.js"
import type { Io } from "./io.js"

/** What of the input the figures were made without: rejected records, and files that could not be read. */
export const lostInput = (section: Section | undefined): { readonly records: number; readonly files: number } => ({
  records: section?.files.reduce((n, f) => n + f.rejected, 0) ?? 0,
  files: new Set(section?.entries.filter((e) => e.kind === "file").map((e) => e.file) ?? []).size,
})

/** 1 after saying what was left out, when anything was; 0 otherwise. */
export const inputExit = (section: Section | undefined, lang: Lang, io: Io): 0 | 1 => {
  const { records, files } = lostInput(section)
  if (records === 0 && files === 0) return 0
  io.stderr(
    lang === "nb"
      ? `Laget uten ${records} avvist(e) post(er) og ${files} fil(er) som ikke kunne leses, nevnt i rejected.csv og avsnittet «Innlesing»`
      : `Made without ${records} rejected record(s) and ${files} file(s) that could not be read, named in rejected.csv and the input section`,
  )
  return 1
}
