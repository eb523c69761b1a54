/**
 * How Spark 3.5 describes a permanent view: DESCRIBE EXTENDED's and SHOW TABLE EXTENDED's
 * view rows (CatalogTable.toLinkedHashMap for a VIEW) and SHOW CREATE TABLE's CREATE VIEW.
 */
import { SPARK_VERSION } from '../session/spark-version.js';
import type { TableMetadata, ViewDefinition } from '../session/table-metadata.js';
import type { StructType } from '../types/data-types.js';

/** The `# Detailed Table Information` rows of a view, in Spark's order. */
export function viewDetailRows(db: string, view: string, meta: TableMetadata, definition: ViewDefinition, createdTime: string, props: readonly [string, string][]): [string, string][] {
  const out: [string, string][] = [
    ['Catalog', 'spark_catalog'],
    ['Database', db.toLowerCase()],
    ['Table', view.toLowerCase()],
    ['Created Time', createdTime],
    ['Last Access', 'UNKNOWN'],
    ['Created By', `Spark ${SPARK_VERSION}`],
    ['Type', 'VIEW'],
  ];
  if (meta.comment !== undefined) out.push(['Comment', meta.comment]);
  out.push(
    ['View Text', definition.text],
    ['View Original Text', definition.text],
    ['View Catalog and Namespace', `spark_catalog.${definition.namespace}`],
    ['View Query Output Columns', `[${definition.queryColumns.join(', ')}]`],
  );
  if (props.length > 0) out.push(['Table Properties', `[${props.map(([k, v]) => `${k}=${v}`).join(', ')}]`]);
  return out;
}

/** SHOW CREATE TABLE of a view: `CREATE VIEW db.v (cols) [COMMENT ...] [TBLPROPERTIES (...)] AS text`. */
export function createViewText(
  db: string,
  view: string,
  meta: TableMetadata,
  text: string,
  schema: StructType,
  render: { quote: (part: string) => string; sqlString: (s: string) => string; propertyLines: (entries: readonly [string, string][]) => string; props: [string, string][] },
): string {
  const columns = schema.fields.map((f) => {
    const comment = f.metadata['comment'];
    return `  ${render.quote(f.name)}${typeof comment === 'string' ? ` COMMENT ${render.sqlString(comment)}` : ''}`;
  });
  let out = `CREATE VIEW ${render.quote(db.toLowerCase())}.${render.quote(view.toLowerCase())} (\n${columns.join(',\n')})\n`;
  if (meta.comment !== undefined) out += `COMMENT ${render.sqlString(meta.comment)}\n`;
  if (render.props.length > 0) out += `TBLPROPERTIES (\n${render.propertyLines(render.props)})\n`;
  return `${out}AS ${text}\n`;
}
