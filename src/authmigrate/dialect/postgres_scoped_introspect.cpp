// PostgreSQL, scoped: only the tables and index names a plan looks at (introspect.hpp's LiveScope).
// Each name is found by to_regclass, not by joining pg_namespace and scanning a schema: on a new backend
// every catalog a query touches is read in cold, and that, not the rows, is what these queries cost
// (bench/README.md, "The no-op, statement by statement").
#include <algorithm>
#include <map>
#include <utility>

#include <authmigrate/base/text.hpp>
#include <authmigrate/dialect/introspect.hpp>

#include "postgres_rows.hpp"

namespace authmigrate::dialect {
namespace {

// A text[] literal of `names`, each element double-quoted.
std::string text_array(const std::vector<std::string>& names) {
  std::string out = "{";
  for (const auto& name : names) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char ch : name) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
  return out + "}";
}

// How a scoped query finds each name w.name of its list: in schema $1 (else the current schema, else
// public), or through the search path as an unqualified name in a statement would be.
enum class Resolve { in_schema, search_path };

std::string resolved_oid(Resolve resolve) {
  return resolve == Resolve::search_path ? "pg_catalog.to_regclass(pg_catalog.quote_ident(w.name))"
                                         : "pg_catalog.to_regclass(pg_catalog.format('%I.%I', coalesce($1::text, "
                                           "pg_catalog.current_schema()::text, 'public'), w.name))";
}

// The parameters of a scoped query: the schema ($1, NULL for the current one) unless it resolves
// through the search path, then the names.
std::vector<db::Value> scoped_params(Resolve resolve, std::string_view schema_name,
                                     const std::vector<std::string>& names) {
  std::vector<db::Value> params;
  if (resolve == Resolve::in_schema)
    params.push_back(schema_name.empty() ? db::Value{} : db::Value{std::string(schema_name)});
  params.push_back(text_array(names));
  return params;
}

// Columns of the named relations of the given kinds, as columns_in_schema reads them, plus attnum. A
// serial column is an integer (int8, int2, int4: OIDs 20, 21, 23) with a default: pg_get_serial_sequence,
// which costs a lookup a column, is asked of those alone, not of every timestamp with a default.
std::string scoped_columns(Resolve resolve, std::string_view relkinds) {
  std::string names = resolve == Resolve::in_schema ? "$2" : "$1";
  return "select c.relname, a.attname, typ.typname, not a.attnotnull, a.atthasdef, a.attidentity <> '' or "
         "(a.atthasdef and a.atttypid in (20, 21, 23) and "
         "pg_catalog.pg_get_serial_sequence(c.oid::pg_catalog.regclass::text, a.attname) is not "
         "null), a.attnum from pg_catalog.unnest(" +
         names + "::text[]) as w(name) inner join pg_catalog.pg_class as c on c.oid = " + resolved_oid(resolve) +
         " inner join pg_catalog.pg_attribute as a on a.attrelid = c.oid "
         "inner join pg_catalog.pg_type as typ on typ.oid = a.atttypid "
         "where c.relkind in (" +
         std::string(relkinds) + ") and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum";
}

// The attribute numbers of each table's columns, from scoped_columns' rows.
using ColumnNumbers = std::map<std::pair<std::string, std::string>, std::string>;  // (table, attnum) -> name

// The last identifier of a regclass's text (an index name, schema-qualified when its schema is not on
// the search path, double-quoted when it has to be), unquoted.
std::string last_identifier(std::string_view text) {
  std::string part;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (quoted && ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
      part += '"';
      ++i;
    } else if (ch == '"') {
      quoted = !quoted;
    } else if (ch == '.' && !quoted) {
      part.clear();
    } else {
      part += ch;
    }
  }
  return part;
}

// The indexes of the named tables (schema $1), their key columns named from `numbers`: pg_index alone,
// for the reason scoped_columns gives.
Result<void> add_scoped_indexes(db::Connection& connection, std::string_view schema_name,
                                const std::vector<std::string>& tables, const ColumnNumbers& numbers,
                                LiveSchema& schema) {
  auto rows = connection.query(
      "select w.name, x.indexrelid::pg_catalog.regclass::text, x.indkey::text, x.indisunique, "
      "x.indisvalid and x.indpred is null, x.indnkeyatts from pg_catalog.unnest($2::text[]) as w(name) "
      "inner join pg_catalog.pg_index as x on x.indrelid = " +
          resolved_oid(Resolve::in_schema),
      scoped_params(Resolve::in_schema, schema_name, tables));
  if (!rows) return fail(std::move(rows.error()).within("reading PostgreSQL indexes"));
  std::vector<const db::Row*> sorted;
  for (const auto& row : rows->rows) sorted.push_back(&row);
  auto key = [](const db::Row* r) {
    return std::make_pair((*r)[0].value_or(""), last_identifier((*r)[1].value_or("")));
  };
  std::sort(sorted.begin(), sorted.end(), [&](const db::Row* a, const db::Row* b) { return key(a) < key(b); });
  for (const db::Row* row : sorted) {
    auto [table, index] = key(row);
    if (!schema.find(table)) continue;  // a view or foreign table of that name: no table to index
    long long key_columns = std::stoll((*row)[5].value_or("0"));
    const std::string key_text = (*row)[2].value_or("");
    std::string_view attnums = key_text;
    for (long long n = 0; n < key_columns && !attnums.empty(); ++n) {
      size_t space = attnums.find(' ');
      auto found = numbers.find({table, std::string(attnums.substr(0, space))});
      db::Value column = found == numbers.end() ? db::Value{} : db::Value{found->second};
      add_index_column(schema, table, index, column, catalog_true((*row)[3]), catalog_true((*row)[4]));
      attnums = space == std::string_view::npos ? std::string_view{} : attnums.substr(space + 1);
    }
  }
  return {};
}

// Index names are schema-wide: for each wanted index its table lacks, the index of that name (any
// case) on another table of the schema, if there is one. Asked only when something is missing.
Result<void> add_indexes_named_elsewhere(db::Connection& connection, std::string_view schema_name,
                                         const LiveScope& scope, LiveSchema& schema) {
  std::vector<std::string> missing;
  for (const auto& name : scope.index_names) {
    bool present = std::any_of(schema.indexes.begin(), schema.indexes.end(),
                               [&](const LiveIndex& index) { return lower(index.name) == lower(name); });
    if (!present) missing.push_back(lower(name));
  }
  if (missing.empty()) return {};
  auto rows = connection.query(
      "select t.relname, i.relname from pg_catalog.pg_class as i "
      "inner join pg_catalog.pg_index as x on x.indexrelid = i.oid "
      "inner join pg_catalog.pg_class as t on t.oid = x.indrelid "
      "where i.relnamespace = pg_catalog.to_regnamespace(pg_catalog.quote_ident(coalesce($1::text, "
      "pg_catalog.current_schema()::text, 'public'))) and pg_catalog.lower(i.relname) = any($2::text[])",
      scoped_params(Resolve::in_schema, schema_name, missing));
  if (!rows) return fail(std::move(rows.error()).within("looking for indexes of the same names"));
  for (const auto& row : rows->rows) {
    std::string table = row[0].value_or("");
    if (std::find(scope.tables.begin(), scope.tables.end(), table) != scope.tables.end()) continue;
    schema.indexes.push_back(LiveIndex{table, row[1].value_or(""), {}, false, false});
  }
  return {};
}

// Scoped columns as a LiveSchema, with each column's number kept in `numbers`.
Result<LiveSchema> scoped_tables(db::Connection& connection, Resolve resolve, std::string_view schema_name,
                                 const std::vector<std::string>& tables, std::string_view relkinds,
                                 ColumnNumbers* numbers) {
  auto columns = connection.query(scoped_columns(resolve, relkinds), scoped_params(resolve, schema_name, tables));
  if (!columns) return fail(std::move(columns.error()).within("reading PostgreSQL columns"));
  LiveSchema schema;
  add_postgres_columns(schema, *columns);
  if (numbers) {
    for (const auto& row : columns->rows) (*numbers)[{row[0].value_or(""), row[6].value_or("")}] = row[1].value_or("");
  }
  return schema;
}

}  // namespace

Result<LiveSchema> introspect_postgres(db::Connection& connection, std::string_view schema_name,
                                       const LiveScope& scope) {
  ColumnNumbers numbers;
  auto schema = scoped_tables(connection, Resolve::in_schema, schema_name, scope.tables, "'r', 'p'", &numbers);
  if (!schema) return fail(std::move(schema.error()));
  if (!schema->tables.empty()) AM_TRY(add_scoped_indexes(connection, schema_name, scope.tables, numbers, *schema));
  AM_TRY(add_indexes_named_elsewhere(connection, schema_name, scope, *schema));
  return schema;
}

Result<LiveSchema> introspect_visible_tables(db::Connection& connection, std::string_view schema_name,
                                             const LiveScope& scope) {
  if (connection.dialect() != config::Dialect::postgres) return introspect(connection, schema_name, scope);
  auto resolve = schema_name.empty() ? Resolve::search_path : Resolve::in_schema;
  return scoped_tables(connection, resolve, schema_name, scope.tables, "'r', 'v', 'p', 'f'", nullptr);
}

}  // namespace authmigrate::dialect
