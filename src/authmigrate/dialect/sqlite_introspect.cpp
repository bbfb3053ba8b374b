// SQLite: sqlite_master with pragma_table_info / pragma_index_list / pragma_index_info, as
// Kysely's SqliteIntrospector and Better Auth's index query read them.
#include <authmigrate/dialect/introspect.hpp>

namespace authmigrate::dialect {

Result<LiveSchema> introspect_sqlite(db::Connection& connection) {
  auto columns = connection.query(
      "select m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk from sqlite_master as m "
      "inner join pragma_table_info(m.name) as p where m.type = 'table' and m.name not like 'sqlite_%' "
      "order by m.name, p.cid");
  if (!columns) return fail(std::move(columns.error()).within("reading SQLite columns"));
  LiveSchema schema;
  for (const auto& row : columns->rows) {
    LiveColumn column;
    column.name = row[1].value_or("");
    column.data_type = row[2].value_or("");
    column.nullable = !catalog_true(row[3]);
    // An INTEGER PRIMARY KEY is the rowid: it fills itself.
    bool rowid = catalog_true(row[5]) && (column.data_type == "integer" || column.data_type == "INTEGER");
    column.has_default = row[4].has_value() || rowid;
    add_column(schema, row[0].value_or(""), std::move(column));
  }
  auto indexes = connection.query(
      "select t.name, l.name, i.name, l.\"unique\", l.partial from sqlite_master as t "
      "inner join pragma_index_list(t.name) as l inner join pragma_index_info(l.name) as i "
      "where t.type = 'table' order by t.name, l.name, i.seqno");
  if (!indexes) return fail(std::move(indexes.error()).within("reading SQLite indexes"));
  for (const auto& row : indexes->rows)
    add_index_column(schema, row[0].value_or(""), row[1].value_or(""), row[2], catalog_true(row[3]),
                     !catalog_true(row[4]));
  return schema;
}

}  // namespace authmigrate::dialect
