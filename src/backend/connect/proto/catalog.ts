/** spark/connect/catalog.proto (Spark 3.5): Catalog and its requests. */
import { EMPTY, MAP, OPT } from './schema.js';
import type { MessageSpec, MessageTable } from './schema.js';

const P = 'spark.connect';
const DT = `${P}.DataType`;

const TABLE_IN_DB: MessageSpec = { table_name: [1, 'string'], db_name: [2, 'string', OPT] };
const FUNCTION_IN_DB: MessageSpec = { function_name: [1, 'string'], db_name: [2, 'string', OPT] };
const DB_AND_PATTERN: MessageSpec = { db_name: [1, 'string', OPT], pattern: [2, 'string', OPT] };
const PATTERN: MessageSpec = { pattern: [1, 'string', OPT] };
const DB_NAME: MessageSpec = { db_name: [1, 'string'] };
const TABLE_NAME: MessageSpec = { table_name: [1, 'string'] };
const VIEW_NAME: MessageSpec = { view_name: [1, 'string'] };

export const CATALOG_MESSAGES: MessageTable = {
  [`${P}.Catalog`]: {
    current_database: [1, `${P}.CurrentDatabase`],
    set_current_database: [2, `${P}.SetCurrentDatabase`],
    list_databases: [3, `${P}.ListDatabases`],
    list_tables: [4, `${P}.ListTables`],
    list_functions: [5, `${P}.ListFunctions`],
    list_columns: [6, `${P}.ListColumns`],
    get_database: [7, `${P}.GetDatabase`],
    get_table: [8, `${P}.GetTable`],
    get_function: [9, `${P}.GetFunction`],
    database_exists: [10, `${P}.DatabaseExists`],
    table_exists: [11, `${P}.TableExists`],
    function_exists: [12, `${P}.FunctionExists`],
    create_external_table: [13, `${P}.CreateExternalTable`],
    create_table: [14, `${P}.CreateTable`],
    drop_temp_view: [15, `${P}.DropTempView`],
    drop_global_temp_view: [16, `${P}.DropGlobalTempView`],
    recover_partitions: [17, `${P}.RecoverPartitions`],
    is_cached: [18, `${P}.IsCached`],
    cache_table: [19, `${P}.CacheTable`],
    uncache_table: [20, `${P}.UncacheTable`],
    clear_cache: [21, `${P}.ClearCache`],
    refresh_table: [22, `${P}.RefreshTable`],
    refresh_by_path: [23, `${P}.RefreshByPath`],
    current_catalog: [24, `${P}.CurrentCatalog`],
    set_current_catalog: [25, `${P}.SetCurrentCatalog`],
    list_catalogs: [26, `${P}.ListCatalogs`],
  },
  [`${P}.CurrentDatabase`]: EMPTY,
  [`${P}.SetCurrentDatabase`]: DB_NAME,
  [`${P}.ListDatabases`]: PATTERN,
  [`${P}.ListTables`]: DB_AND_PATTERN,
  [`${P}.ListFunctions`]: DB_AND_PATTERN,
  [`${P}.ListColumns`]: TABLE_IN_DB,
  [`${P}.GetDatabase`]: DB_NAME,
  [`${P}.GetTable`]: TABLE_IN_DB,
  [`${P}.GetFunction`]: FUNCTION_IN_DB,
  [`${P}.DatabaseExists`]: DB_NAME,
  [`${P}.TableExists`]: TABLE_IN_DB,
  [`${P}.FunctionExists`]: FUNCTION_IN_DB,
  [`${P}.CreateExternalTable`]: {
    table_name: [1, 'string'],
    path: [2, 'string', OPT],
    source: [3, 'string', OPT],
    schema: [4, DT],
    options: [5, 'string', MAP],
  },
  [`${P}.CreateTable`]: {
    table_name: [1, 'string'],
    path: [2, 'string', OPT],
    source: [3, 'string', OPT],
    description: [4, 'string', OPT],
    schema: [5, DT],
    options: [6, 'string', MAP],
  },
  [`${P}.DropTempView`]: VIEW_NAME,
  [`${P}.DropGlobalTempView`]: VIEW_NAME,
  [`${P}.RecoverPartitions`]: TABLE_NAME,
  [`${P}.IsCached`]: TABLE_NAME,
  [`${P}.CacheTable`]: { table_name: [1, 'string'], storage_level: [2, `${P}.StorageLevel`] },
  [`${P}.UncacheTable`]: TABLE_NAME,
  [`${P}.ClearCache`]: EMPTY,
  [`${P}.RefreshTable`]: TABLE_NAME,
  [`${P}.RefreshByPath`]: { path: [1, 'string'] },
  [`${P}.CurrentCatalog`]: EMPTY,
  [`${P}.SetCurrentCatalog`]: { catalog_name: [1, 'string'] },
  [`${P}.ListCatalogs`]: PATTERN,
};
