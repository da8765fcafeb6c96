// The encoding of a policy file's text, judged once for every way a tree is
// read (a folder, a git revision, texts given in code). Editors on Windows
// may start a UTF-8 file with a byte order mark, which says nothing and is
// skipped, as the YAML parser already did. Notepad's "Unicode" is UTF-16:
// read as UTF-8 its byte order mark becomes two replacement characters and
// every ASCII letter gains a NUL beside it, which no parser message explains.
import type { Bilingual } from "@aktivitetsmodell/core"

const bom = "\uFEFF"

/** `text` without a leading byte order mark. */
export const withoutBom = (text: string): string => (text.startsWith(bom) ? text.slice(bom.length) : text)

/** UTF-8 `bytes` without a leading byte order mark (EF BB BF). */
export const bytesWithoutBom = (b: Uint8Array): Uint8Array =>
  b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b

// The characters looked at: enough to tell, and a bound on the work for a large file.
const sample = 4096

/** Whether `bytes` are a file saved as UTF-16: its byte order mark, or a NUL beside every ASCII letter. */
export const bytesSavedAsUtf16 = (b: Uint8Array): boolean => {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return true
  const n = Math.min(b.length, sample)
  let nuls = 0
  for (let i = 0; i < n; i++) if (b[i] === 0) nuls++
  return nuls > 0 && nuls * 4 >= n
}

/** Whether `text` is a UTF-16 file's bytes read as UTF-8. */
export const savedAsUtf16 = (text: string): boolean => {
  // FF FE or FE FF: UTF-16's byte order mark, each byte invalid in UTF-8.
  if (text.startsWith("\uFFFD\uFFFD")) return true
  const head = text.slice(0, sample)
  let nuls = 0
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0) nuls++
  // ASCII in UTF-16 has a NUL in every other byte; JSON and YAML allow none at all.
  return nuls > 0 && nuls * 4 >= head.length
}

/** What to do about a file saved as UTF-16. */
export const utf16Message: Bilingual = {
  nb: "Filen er lagret som UTF-16 (i Notisblokk kalt «Unicode»); lagre den som UTF-8 (i Notisblokk: Lagre som, Koding: UTF-8)",
  en: 'The file is saved as UTF-16 (which Notepad calls "Unicode"); save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)',
}
