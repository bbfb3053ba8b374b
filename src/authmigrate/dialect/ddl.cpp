#include <authmigrate/dialect/ddl.hpp>

#include <algorithm>
#include <variant>

#include <fmt/format.h>

namespace authmigrate::dialect {

namespace {

using schema::FieldType;

std::string join_quoted(const SqlDialect& dialect, const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    out += dialect.quote_identifier(name);
  }
  return out;
}

std::string literal(const SqlDialect& dialect, const schema::DefaultValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return dialect.string_literal(*s);
  if (const auto* d = std::get_if<double>(&value)) return js_number(*d);
  if (const auto* b = std::get_if<bool>(&value)) return dialect.boolean_literal(*b);
  return "null";
}

enum class Path { create_table, add_column };

// "name" type [default x] [not null] [unique] [references "t" ("c") on delete a]
std::string render_column(const SqlDialect& dialect, const schema::Schema& schema, const schema::SchemaTable& table,
                          const schema::Column& column, Path path) {
  const schema::Field& field = column.field;
  const DdlRules rules = ddl_rules(schema.better_auth_version);
  std::string out = dialect.quote_identifier(column.name) + " " + column_type(dialect, schema, table, column);
  if (has_timestamp_default(dialect, field, rules)) {
    out += " default " + *dialect.timestamp_default(rules);
  } else if (path == Path::add_column && rules.add_column_defaults && has_static_default(field)) {
    out += " default " + literal(dialect, field.default_value);
  }
  if (field.is_required()) out += " not null";
  if (field.unique && (path == Path::create_table || !unique_added_as_index(dialect, rules))) out += " unique";
  if (column.reference) {
    out += " references " + table_name(dialect, schema.schema_name, column.reference->table) + " (" +
           dialect.quote_identifier(column.reference->column) + ")";
    if (rules.on_delete)
      out += " on delete " + (rules.own_on_delete ? column.reference->on_delete : std::string("cascade"));
  }
  return out;
}

}  // namespace

bool has_static_default(const schema::Field& field) {
  if (field.unique && field.required == false) return false;
  if (field.type != FieldType::string && field.type != FieldType::number && field.type != FieldType::boolean)
    return false;
  return std::holds_alternative<std::string>(field.default_value) ||
         std::holds_alternative<double>(field.default_value) || std::holds_alternative<bool>(field.default_value);
}

bool has_timestamp_default(const SqlDialect& dialect, const schema::Field& field, const DdlRules& rules) {
  return field.type == FieldType::date && schema::is_function_default(field.default_value) &&
         dialect.timestamp_default(rules).has_value();
}

bool unique_added_as_index(const SqlDialect& dialect, const DdlRules& rules) {
  return rules.unique_added_as_index || dialect.kind() == config::Dialect::sqlite;
}

std::optional<int> index_string_length(const SqlDialect& dialect, const schema::SchemaTable& table,
                                       std::string_view column) {
  auto budget = dialect.index_key_budget();
  if (!budget) return std::nullopt;
  std::optional<int> length;
  for (const auto& index : table.indexes) {
    if (std::find(index.columns.begin(), index.columns.end(), column) == index.columns.end()) continue;
    if (!length) length = budget->default_length;
    int strings = 0;
    for (const auto& c : index.columns) {
      const schema::Column* col = table.find(c);
      if (col && (col->field.type == FieldType::string || col->field.type == FieldType::enumeration)) ++strings;
    }
    if (strings == 0) continue;
    int non_string_bytes = (static_cast<int>(index.columns.size()) - strings) * 16;
    int safe = std::max(1, budget->bytes - non_string_bytes) / budget->bytes_per_char / strings;
    length = std::min(*length, safe);
  }
  return length;
}

std::string column_type(const SqlDialect& dialect, const schema::Schema& schema, const schema::SchemaTable& table,
                        const schema::Column& column) {
  const DdlRules rules = ddl_rules(schema.better_auth_version);
  if (column.name == "id") return dialect.id_column(schema.id_generation, rules).type;
  if (column.reference && column.reference->targets_id) return dialect.foreign_key_type(schema.id_generation, rules);
  return dialect.field_type(column.field, index_string_length(dialect, table, column.name), rules);
}

std::string render_create_table(const SqlDialect& dialect, const schema::Schema& schema,
                                const schema::SchemaTable& table) {
  IdColumn id = dialect.id_column(schema.id_generation, ddl_rules(schema.better_auth_version));
  std::string out = "create table " + table_name(dialect, schema.schema_name, table.name) + " (" +
                    dialect.quote_identifier("id") + " " + id.type;
  if (id.default_sql) out += " default " + *id.default_sql;
  out += " not null primary key";
  if (id.auto_increment) out += dialect.kind() == config::Dialect::sqlite ? " autoincrement" : " auto_increment";
  for (const auto& column : table.columns)
    out += ", " + render_column(dialect, schema, table, column, Path::create_table);
  return out + ")";
}

std::string render_add_column(const SqlDialect& dialect, const schema::Schema& schema, const schema::SchemaTable& table,
                              const schema::Column& column) {
  return "alter table " + table_name(dialect, schema.schema_name, table.name) + " add column " +
         render_column(dialect, schema, table, column, Path::add_column);
}

std::string render_create_index(const SqlDialect& dialect, std::string_view name, std::string_view schema_name,
                                std::string_view table, const std::vector<std::string>& columns, bool unique) {
  return std::string("create ") + (unique ? "unique " : "") + "index " + dialect.quote_identifier(name) + " on " +
         table_name(dialect, schema_name, table) + " (" + join_quoted(dialect, columns) + ")";
}

std::string table_name(const SqlDialect& dialect, std::string_view schema_name, std::string_view table) {
  if (schema_name.empty()) return dialect.quote_identifier(table);
  return dialect.quote_identifier(schema_name) + "." + dialect.quote_identifier(table);
}

Result<void> check_schema_name(const schema::Schema& schema, config::Dialect kind) {
  if (schema.schema_name.empty() || kind == config::Dialect::postgres) return {};
  return fail(Error(ErrorKind::config,
                    fmt::format("`database.schemaName` is only supported on PostgreSQL, but the configured database "
                                "type is \"{}\".",
                                config::to_string(kind)))
                  .with_hint("remove schema_name (authmigrate.toml) or schemaName (the exported schema) for this "
                             "database"));
}

}  // namespace authmigrate::dialect
