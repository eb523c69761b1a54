/**
 * ts-jest AST transformer: Jest runs the TypeScript sources as CommonJS, where
 * `import.meta` does not exist. Rewrites `import.meta.url` (the only use in
 * src/) to the CommonJS equivalent, `require('node:url').pathToFileURL(__filename).href`.
 */
'use strict';

module.exports = {
  name: 'sparkless-import-meta-to-commonjs',
  version: '1',
  factory(tsCompiler) {
    const ts = tsCompiler.configSet.compilerModule;
    const f = ts.factory;
    const fileUrl = () =>
      f.createPropertyAccessExpression(
        f.createCallExpression(
          f.createPropertyAccessExpression(
            f.createCallExpression(f.createIdentifier('require'), undefined, [f.createStringLiteral('node:url')]),
            'pathToFileURL',
          ),
          undefined,
          [f.createIdentifier('__filename')],
        ),
        'href',
      );
    const isImportMeta = (node) =>
      ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword && node.name.text === 'meta';
    return (ctx) => {
      const visit = (node) => {
        if (ts.isPropertyAccessExpression(node) && isImportMeta(node.expression) && node.name.text === 'url') return fileUrl();
        if (isImportMeta(node)) return f.createObjectLiteralExpression([f.createPropertyAssignment('url', fileUrl())]);
        return ts.visitEachChild(node, visit, ctx);
      };
      return (sourceFile) => ts.visitNode(sourceFile, visit);
    };
  },
};
