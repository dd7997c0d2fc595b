// Checks values the package returns against the object types its declarations state
// (cti_outcome.d.ts, generated from the Rust types): every field declared `number`, `bigint`,
// `string` or `boolean` (possibly `| null`, or optional) must have that `typeof` at run time,
// recursing through the declared object types, their arrays and their unions of object types.
// Generated from the declarations: no field is listed by hand.
import ts from 'typescript';

/** @param {string} dts the declarations @param {[string, unknown][]} values (type name, value) */
export function checkDeclared(dts, values) {
  const file = ts.createSourceFile('cti_outcome.d.ts', dts, ts.ScriptTarget.Latest, true);
  /** @type {Map<string, ts.TypeNode>} */
  const types = new Map();
  for (const st of file.statements) {
    if (ts.isTypeAliasDeclaration(st)) types.set(st.name.text, st.type);
  }
  const seen = new Set();
  let fields = 0;
  /** @param {ts.TypeNode} node @param {unknown} value @param {string} path */
  const check = (node, value, path) => {
    if (ts.isParenthesizedTypeNode(node)) return check(node.type, value, path);
    if (ts.isUnionTypeNode(node)) {
      const errors = [];
      for (const member of node.types) {
        try {
          return check(member, value, path);
        } catch (err) {
          errors.push(err.message);
        }
      }
      throw new Error(errors.sort((a, b) => a.length - b.length)[0] ?? `${path}: no member`);
    }
    if (ts.isIntersectionTypeNode(node)) return node.types.forEach((t) => check(t, value, path));
    if (ts.isLiteralTypeNode(node)) {
      if (node.literal.kind === ts.SyntaxKind.NullKeyword) {
        if (value !== null) throw new Error(`${path}: ${typeof value}, declared null`);
        return;
      }
      const want = ts.isStringLiteral(node.literal) ? 'string' : typeof JSON.parse(node.literal.getText());
      if (typeof value !== want) throw new Error(`${path}: ${typeof value}, declared ${node.getText()}`);
      return;
    }
    const primitive = {
      [ts.SyntaxKind.NumberKeyword]: 'number',
      [ts.SyntaxKind.BigIntKeyword]: 'bigint',
      [ts.SyntaxKind.StringKeyword]: 'string',
      [ts.SyntaxKind.BooleanKeyword]: 'boolean',
    }[node.kind];
    if (primitive) {
      fields += 1;
      if (typeof value !== primitive) throw new Error(`${path}: typeof is ${typeof value}, declared ${primitive}`);
      return;
    }
    if (ts.isArrayTypeNode(node)) return arrayOf(node.elementType, value, path);
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText();
      if (name === 'Array') return arrayOf(node.typeArguments[0], value, path);
      const target = types.get(name);
      if (!target) return; // typed arrays, Record<…>: not object types of the declarations
      seen.add(name);
      return check(target, value, path);
    }
    if (ts.isTypeLiteralNode(node)) {
      if (value === null || typeof value !== 'object') throw new Error(`${path}: ${value === null ? 'null' : typeof value}, declared an object`);
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue;
        const key = member.name.getText().replace(/^"|"$/g, '');
        const v = /** @type {Record<string, unknown>} */ (value)[key];
        if (v === undefined && member.questionToken) continue;
        check(member.type, v, `${path}.${key}`);
      }
    }
  };
  /** @param {ts.TypeNode} element @param {unknown} value @param {string} path */
  const arrayOf = (element, value, path) => {
    if (!Array.isArray(value)) throw new Error(`${path}: not an array`);
    value.slice(0, 50).forEach((v, i) => check(element, v, `${path}[${i}]`));
  };
  for (const [name, value] of values) {
    const node = types.get(name);
    if (!node) throw new Error(`no declared type ${name}`);
    seen.add(name);
    check(node, value, name);
  }
  return { fields, types: seen };
}
