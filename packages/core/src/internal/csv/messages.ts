// The CSV reader's messages. They name columns by number and lines, never
// cell values or header text: a cell may hold a national identity number, and
// a heading may be free text about a person, and these messages are published
// with a report's input section.
import type { Bilingual } from "../text.js"
import type { SyntaxCode } from "./tokenize.js"

// A messy export rejects many rows for the same reason: one message object each.
const memo = new Map<string, Bilingual>()
const once = (key: string, make: () => Bilingual): Bilingual => {
  let m = memo.get(key)
  if (m === undefined) {
    m = make()
    if (memo.size < 10_000) memo.set(key, m)
  }
  return m
}

export const syntax = (code: SyntaxCode, column: number): Bilingual =>
  once(`${code}:${column}`, () => syntaxText(code, column))

const syntaxText = (code: SyntaxCode, column: number): Bilingual => {
  switch (code) {
    case "stray-quote":
      return {
        en: `Column ${column} has a quote (") inside a cell that does not start with one; put the whole cell in quotes and double the inner quote ("")`,
        nb: `Kolonne ${column} har et anførselstegn (") inne i en celle som ikke starter med ett; sett hele cellen i anførselstegn og doble det indre ("")`,
      }
    case "closing-quote":
      return {
        en: `Column ${column}: after the closing quote comes something other than a delimiter or a line end`,
        nb: `Kolonne ${column}: etter det avsluttende anførselstegnet kommer noe annet enn skilletegn eller linjeslutt`,
      }
    case "unclosed-quote":
      return {
        en: `Column ${column} opens a quote (") that is never closed; the line is rejected, and reading goes on with the next line`,
        nb: `Kolonne ${column} åpner et anførselstegn (") som aldri lukkes; linjen avvises, og lesingen fortsetter på neste linje`,
      }
    case "nul":
      return {
        en: `Column ${column} holds a NUL byte: the file may be binary or in another encoding (UTF-16?)`,
        nb: `Kolonne ${column} inneholder en NUL-byte: filen kan være binær eller i en annen tegnkoding (UTF-16?)`,
      }
    case "cell-too-long":
      return {
        en: `Column ${column} is longer than 100,000 characters`,
        nb: `Kolonne ${column} er lengre enn 100 000 tegn`,
      }
  }
}

export const missingCells = (has: number, want: number): Bilingual =>
  once(`missing:${has}:${want}`, () => ({
    en: `The row has ${has} cells where the header has ${want}`,
    nb: `Raden har ${has} celler, men overskriftsraden har ${want}`,
  }))

export const extraCell = (column: number): Bilingual =>
  once(`extra:${column}`, () => ({
    en: `Column ${column} has a value but no header`,
    nb: `Kolonne ${column} har en verdi, men ingen overskrift`,
  }))

export const replacementCharacter = (column: number): Bilingual => ({
  en: `Column ${column} holds the replacement character �: the file was read with the wrong encoding (read the bytes with readCsvBytes or loadCsvFile, which detect Windows-1252)`,
  nb: `Kolonne ${column} inneholder erstatningstegnet �: filen ble lest med feil tegnkoding (les bytene med readCsvBytes eller loadCsvFile, som kjenner igjen Windows-1252)`,
})

export const badHeader = (reason: Bilingual): Bilingual => ({
  en: `The header row is wrong, so no row can be read: ${reason.en}`,
  nb: `Overskriftsraden er feil, så ingen rad kan leses: ${reason.nb}`,
})

export const headerUnreadable = (reason: Bilingual): Bilingual => ({
  en: `The header row could not be read: ${reason.en}`,
  nb: `Overskriftsraden kunne ikke leses: ${reason.nb}`,
})

export const forbiddenSegment = (column: number): Bilingual => ({
  en: `column ${column} uses a reserved name (__proto__, constructor or prototype)`,
  nb: `kolonne ${column} bruker et reservert navn (__proto__, constructor eller prototype)`,
})

export const emptySegment = (column: number): Bilingual => ({
  en: `column ${column} has an empty part between dots`,
  nb: `kolonne ${column} har en tom del mellom punktum`,
})

export const duplicateHeader = (column: number, first: number): Bilingual => ({
  en: `column ${column} repeats the name of column ${first}`,
  nb: `kolonne ${column} gjentar navnet i kolonne ${first}`,
})

export const conflictingHeader = (column: number, other: number): Bilingual => ({
  en: `column ${column} and column ${other} cannot both be set: one names a part of the other (such as goal.text beside goal)`,
  nb: `kolonne ${column} og kolonne ${other} kan ikke begge settes: den ene navngir en del av den andre (som goal.text ved siden av goal)`,
})

export const headerTooLong = (column: number): Bilingual => ({
  en: `column ${column} has a name longer than 200 characters or an index above 999`,
  nb: `kolonne ${column} har et navn lengre enn 200 tegn eller en indeks over 999`,
})

export const emptyFile: Bilingual = {
  en: "The file is empty: expected a header row and one row per record",
  nb: "Filen er tom: forventet en overskriftsrad og én rad per post",
}

export const tooManyColumns = (count: number): Bilingual => ({
  en: `it has ${count} columns; at most 1,000 are read`,
  nb: `den har ${count} kolonner; høyst 1 000 leses`,
})

export const decimalComma = (column: number): Bilingual =>
  once(`decimal-comma:${column}`, () => ({
    en: `column ${column} holds a number with a decimal comma, read as one only in a file separated by ";" (as Norwegian Excel saves it): write the number with a point (4.5), or save the file with ";" between the fields`,
    nb: `kolonne ${column} har et tall med desimalkomma, som leses som tall bare i en fil med «;» mellom feltene (slik norsk Excel lagrer den): skriv tallet med punktum (4.5), eller lagre fila med «;» mellom feltene`,
  }))
