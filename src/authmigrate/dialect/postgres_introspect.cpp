// PostgreSQL: the pg_catalog queries of better-auth 1.7.25 (introspectPostgresTables and the
// index query of getDatabaseIndexMap), in database.schemaName or the connection's current schema.
#include <authmigrate/dialect/introspect.hpp>

#include "postgres_rows.hpp"

namespace authmigrate::dialect {

// Rows of (table, column, type, nullable, has default, auto-increment).
void add_postgres_columns(LiveSchema& schema, const db::QueryResult& rows) {
  for (const auto& row : rows.rows) {
    LiveColumn column{row[1].value_or(""), row[2].value_or(""), catalog_true(row[3]),
                      catalog_true(row[4]) || catalog_true(row[5]), std::nullopt};
    add_column(schema, row[0].value_or(""), std::move(column));
  }
}

namespace {

// Rows of (table, column, type, nullable, has default, auto-increment) of schema $1's relations of the
// given kinds, as introspectPostgresTables reads them.
std::string columns_in_schema(std::string_view relkinds) {
  return "select c.relname, a.attname, typ.typname, not a.attnotnull, a.atthasdef, "
         "pg_catalog.pg_get_serial_sequence(pg_catalog.quote_ident(ns.nspname) || '.' || "
         "pg_catalog.quote_ident(c.relname), a.attname) is not null or a.attidentity <> '' "
         "from pg_catalog.pg_attribute as a "
         "inner join pg_catalog.pg_class as c on c.oid = a.attrelid "
         "inner join pg_catalog.pg_namespace as ns on ns.oid = c.relnamespace "
         "inner join pg_catalog.pg_type as typ on typ.oid = a.atttypid "
         "where ns.nspname = $1 and c.relkind in (" +
         std::string(relkinds) +
         ") and a.attnum >= 0 "
         "and not a.attisdropped order by c.relname, a.attnum";
}

// database.schemaName when set, else current_schema() (Better Auth's getPostgresSchema), else public.
Result<db::Value> target_schema(db::Connection& connection, std::string_view schema_name) {
  if (!schema_name.empty()) return db::Value{std::string(schema_name)};
  auto current = connection.session_schema();
  if (!current) return fail(std::move(current.error()).within("reading the current schema"));
  return db::Value{current->empty() ? std::string("public") : *current};
}

// Better Auth's runtime check with database.schemaName: the tables it qualifies live in that schema.
Result<LiveSchema> tables_of_schema(db::Connection& connection, std::string_view schema_name) {
  auto columns = connection.query(columns_in_schema("'r', 'v', 'p', 'f'"), {db::Value{std::string(schema_name)}});
  if (!columns)
    return fail(std::move(columns.error()).within("reading the tables of schema " + std::string(schema_name)));
  LiveSchema schema;
  add_postgres_columns(schema, *columns);
  return schema;
}

}  // namespace

Result<LiveSchema> introspect_postgres(db::Connection& connection, std::string_view schema_name) {
  auto found = target_schema(connection, schema_name);
  if (!found) return fail(std::move(found.error()));
  db::Value target = *found;
  auto columns = connection.query(columns_in_schema("'r', 'p'"), {target});
  if (!columns) return fail(std::move(columns.error()).within("reading PostgreSQL columns"));
  LiveSchema schema;
  add_postgres_columns(schema, *columns);
  auto indexes = connection.query(
      "select t.relname, i.relname, a.attname, x.indisunique, x.indisvalid and x.indpred is null "
      "from pg_catalog.pg_class as t "
      "inner join pg_catalog.pg_namespace as ns on ns.oid = t.relnamespace "
      "inner join pg_catalog.pg_index as x on x.indrelid = t.oid "
      "inner join pg_catalog.pg_class as i on i.oid = x.indexrelid "
      "inner join lateral unnest(x.indkey) with ordinality as k(attribute_number, ordinality) on true "
      "left join pg_catalog.pg_attribute as a on a.attrelid = t.oid and a.attnum = k.attribute_number "
      "where ns.nspname = $1 and t.relkind = 'r' and k.ordinality <= x.indnkeyatts "
      "order by t.relname, i.relname, k.ordinality",
      {target});
  if (!indexes) return fail(std::move(indexes.error()).within("reading PostgreSQL indexes"));
  for (const auto& row : indexes->rows)
    add_index_column(schema, row[0].value_or(""), row[1].value_or(""), row[2], catalog_true(row[3]),
                     catalog_true(row[4]));
  return schema;
}

Result<LiveSchema> introspect_visible_tables(db::Connection& connection, std::string_view schema_name) {
  if (connection.dialect() != config::Dialect::postgres) return introspect(connection);
  if (!schema_name.empty()) return tables_of_schema(connection, schema_name);
  auto columns = connection.query(
      "with path as (select p.name, p.position from unnest(pg_catalog.current_schemas(true)) "
      "with ordinality as p(name, position)), "
      "visible as (select distinct on (c.relname) c.oid, c.relname, ns.nspname from pg_catalog.pg_class as c "
      "inner join pg_catalog.pg_namespace as ns on ns.oid = c.relnamespace "
      "inner join path on path.name = ns.nspname "
      "where ns.nspname !~ '^pg_' and pg_catalog.has_schema_privilege(ns.oid, 'USAGE') "
      "and c.relkind in ('r', 'v', 'p', 'f') order by c.relname, path.position) "
      "select v.relname, a.attname, typ.typname, not a.attnotnull, a.atthasdef, "
      "pg_catalog.pg_get_serial_sequence(pg_catalog.quote_ident(v.nspname) || '.' || "
      "pg_catalog.quote_ident(v.relname), a.attname) is not null or a.attidentity <> '' "
      "from visible as v inner join pg_catalog.pg_attribute as a on a.attrelid = v.oid "
      "inner join pg_catalog.pg_type as typ on typ.oid = a.atttypid "
      "where a.attnum >= 0 and not a.attisdropped order by v.relname, a.attnum");
  if (!columns) return fail(std::move(columns.error()).within("reading the tables on the search path"));
  LiveSchema schema;
  add_postgres_columns(schema, *columns);
  return schema;
}

}  // namespace authmigrate::dialect
