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

/**
 * Functions of two string parameters that return `Bilingual`: a builder whose
 * arguments can be swapped without an error. Bilingual text is `{ nb, en }`.
 */
export const positionalBilingual = (file: string, text: string): Array<string> => {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: Array<string> = []
  const visit = (node: ts.Node): void => {
    if (
      (ts.isArrowFunction(node) || ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) &&
      node.parameters.length === 2 &&
      node.parameters.every((p) => p.type?.kind === ts.SyntaxKind.StringKeyword) &&
      node.type !== undefined &&
      node.type.getText(sf) === "Bilingual"
    ) {
      const name =
        ts.isFunctionDeclaration(node) && node.name
          ? node.name.text
          : ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)
            ? node.parent.name.text
            : "(anonymous)"
      found.push(`${file}: ${name}`)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}
