// The functions each source file exports, read with the TypeScript parser.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import ts from "typescript"
import { root } from "./imports.js"

// A function, or a function wrapped at the public boundary: `guard(name, expects, (…) => …)`.
const isFunction = (e: ts.Expression | undefined): boolean => {
  if (e === undefined) return false
  if (ts.isAsExpression(e) || ts.isParenthesizedExpression(e)) return isFunction(e.expression)
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return true
  return ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "guard"
}

const exported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)

/** The names of the functions a file defines and exports (`export const f = () =>` or `export function f`). */
export const exportedFunctions = (file: string): Array<string> => {
  const sf = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest, true)
  const names: Array<string> = []
  for (const st of sf.statements) {
    if (!exported(st)) continue
    if (ts.isFunctionDeclaration(st) && st.name) names.push(st.name.text)
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && isFunction(d.initializer)) names.push(d.name.text)
  }
  return [...new Set(names)]
}

// A parameter that holds one language of a text: `nb`, `en`, `descNb`, `labelEn`.
const language = (name: string): "nb" | "en" | undefined =>
  /^(?:nb|[a-z]\w*Nb)$/u.test(name) ? "nb" : /^(?:en|[a-z]\w*En)$/u.test(name) ? "en" : undefined

const nameOf = (node: ts.Node): string => {
  const named = node as { name?: ts.Node }
  if (named.name !== undefined && (ts.isIdentifier(named.name) || ts.isPrivateIdentifier(named.name)))
    return named.name.text
  if (ts.isConstructorDeclaration(node)) return `${nameOf(node.parent)}.constructor`
  if (ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) return node.parent.name.text
  return "(anonymous)"
}

/**
 * Functions, constructors and function types that take bilingual text as
 * positional strings: a string parameter per language (`(nb, en)`,
 * `(en, nb)`, `(…, descEn, descNb)`), or two string parameters returning
 * `Bilingual`. Their arguments can be swapped without an error; bilingual
 * text is `{ nb, en }` with named fields.
 */
export const positionalBilingual = (file: string, text: string): Array<string> => {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: Array<string> = []
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) {
      const params = node.parameters
      const languages = new Set(params.map((p) => (ts.isIdentifier(p.name) ? language(p.name.text) : undefined)))
      const twoStrings =
        params.length === 2 &&
        params.every((p) => p.type?.kind === ts.SyntaxKind.StringKeyword) &&
        node.type !== undefined &&
        node.type.getText(sf) === "Bilingual"
      if ((languages.has("nb") && languages.has("en")) || twoStrings) found.push(`${file}: ${nameOf(node)}`)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}
