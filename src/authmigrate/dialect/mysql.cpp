// MySQL/MariaDB: strings that take part in a key become varchar (TEXT cannot be indexed without
// a prefix), dates are timestamp(3), identifiers are backquoted.
#include <authmigrate/base/text.hpp>
#include <authmigrate/dialect/sql_dialect.hpp>
#include <authmigrate/dialect/type_names.hpp>

namespace authmigrate::dialect {

namespace {

using schema::FieldType;
using schema::IdGeneration;

class MysqlDialect final : public SqlDialect {
 public:
  config::Dialect kind() const override { return config::Dialect::mysql; }
  std::string quote_identifier(std::string_view name) const override { return wrap_doubling(name, '`'); }

  // With the default NO_BACKSLASH_ESCAPES=OFF a backslash escapes, so Kysely doubles it too.
  std::string string_literal(std::string_view text) const override {
    std::string out = "'";
    for (char c : text) {
      if (c == '\\')
        out += "\\\\";
      else if (c == '\'')
        out += "''";
      else
        out += c;
    }
    return out + "'";
  }
  std::string boolean_literal(bool value) const override { return value ? "true" : "false"; }

  IdColumn id_column(IdGeneration id, const DdlRules&) const override {
    if (id == IdGeneration::serial) return {"integer", std::nullopt, true};
    return {"varchar(36)", std::nullopt, false};
  }

  std::string foreign_key_type(IdGeneration id, const DdlRules&) const override {
    return id == IdGeneration::serial ? "integer" : "varchar(36)";
  }

  std::string field_type(const schema::Field& field, std::optional<int> index_string_length,
                         const DdlRules& rules) const override {
    switch (field.type) {
      case FieldType::number:
        return field.bigint ? "bigint" : "integer";
      case FieldType::boolean:
        return "boolean";
      case FieldType::date:
        return rules.date_era == 0 ? "datetime" : rules.date_era == 1 ? "timestamp" : "timestamp(3)";
      case FieldType::json:
        return "json";
      case FieldType::string_array:
      case FieldType::number_array:
        return rules.mysql_arrays_json ? "json" : "jsonb";
      case FieldType::enumeration:
        return "text";  // even when indexed, as Better Auth does
      case FieldType::string:
        break;
    }
    // First match wins, in Better Auth's order.
    if (index_string_length) return "varchar(" + std::to_string(*index_string_length) + ")";
    if (field.unique) return "varchar(255)";
    if (field.references) return "varchar(36)";
    if (rules.mysql_keyed_varchar && (field.sortable || field.index)) return "varchar(255)";
    return "text";
  }

  std::optional<std::string> timestamp_default(const DdlRules& rules) const override {
    if (!rules.timestamp_defaults) return std::nullopt;
    return rules.date_era == 2 ? "CURRENT_TIMESTAMP(3)" : "CURRENT_TIMESTAMP";
  }
  std::optional<IndexKeyBudget> index_key_budget() const override { return IndexKeyBudget{3072, 4, 191}; }
  bool reports_rendered_type(std::string_view live, std::string_view rendered) const override {
    // The catalog's data types: int for integer, tinyint for boolean, MariaDB's longtext for json.
    static const std::pair<std::string_view, std::string_view> reported[] = {
        {"int", "integer"}, {"tinyint", "boolean"}, {"longtext", "json"}};
    for (const auto& [name, written] : reported) {
      if (lower(live) == name && lower(rendered) == written) return true;
    }
    return SqlDialect::reports_rendered_type(live, rendered);
  }

  bool accepts_column_type(std::string_view data_type, const schema::Field& field) const override {
    static const AcceptedTypes accepted{{"varchar", "text", "uuid"},
                                        {"integer", "int", "bigint", "smallint", "decimal", "float", "double"},
                                        {"boolean", "tinyint"},
                                        {"timestamp", "datetime", "date"},
                                        {"json"}};
    return matches_type(data_type, field, accepted);
  }
};

}  // namespace

std::unique_ptr<SqlDialect> make_mysql_dialect() { return std::make_unique<MysqlDialect>(); }

}  // namespace authmigrate::dialect
