// The formats a report is written in, apart from the writers so that the
// command line's argument parser can name them without loading any of them.

/**
 * The formats a report can be written in: the HTML document, the Markdown
 * summary, every published table in one long CSV, or JSON.
 * @category models
 */
export type Format = "html" | "md" | "csv" | "json"

/** Every format, in the order messages list them. */
export const formats: ReadonlyArray<Format> = ["html", "md", "csv", "json"]

/** The format a file's extension names (`.md`, `.csv`, `.json`), else HTML. */
export const formatOf = (file: string): Format => {
  const ext = file.slice(file.lastIndexOf(".") + 1).toLowerCase()
  return ext === "md" || ext === "csv" || ext === "json" ? ext : "html"
}
