// SQLite: text, integer for booleans, `date` for dates (NUMERIC affinity), no column defaults
// for timestamps.
#include <authmigrate/dialect/sql_dialect.hpp>
#include <authmigrate/dialect/type_names.hpp>

namespace authmigrate::dialect {

namespace {

using schema::FieldType;
using schema::IdGeneration;

class SqliteDialect final : public SqlDialect {
 public:
  config::Dialect kind() const override { return config::Dialect::sqlite; }
  std::string quote_identifier(std::string_view name) const override { return wrap_doubling(name, '"'); }
  std::string string_literal(std::string_view text) const override { return wrap_doubling(text, '\''); }
  std::string boolean_literal(bool value) const override { return value ? "1" : "0"; }

  IdColumn id_column(IdGeneration id, const DdlRules& rules) const override {
    // Serial ids are a plain INTEGER PRIMARY KEY (a rowid alias); before 1.3.10 with AUTOINCREMENT.
    if (id == IdGeneration::serial && rules.sqlite_autoincrement) return {"integer", std::nullopt, true};
    return {id == IdGeneration::serial ? "integer" : "text", std::nullopt, false};
  }

  std::string foreign_key_type(IdGeneration id, const DdlRules&) const override {
    return id == IdGeneration::serial ? "integer" : "text";
  }

  std::string field_type(const schema::Field& field, std::optional<int>, const DdlRules&) const override {
    switch (field.type) {
      case FieldType::number:
        return field.bigint ? "bigint" : "integer";
      case FieldType::boolean:
        return "integer";
      case FieldType::date:
        return "date";
      default:
        break;
    }
    return "text";
  }

  std::optional<std::string> timestamp_default(const DdlRules&) const override { return std::nullopt; }

  bool accepts_column_type(std::string_view data_type, const schema::Field& field) const override {
    static const AcceptedTypes accepted{
        {"TEXT"}, {"INTEGER", "REAL", "BIGINT"}, {"INTEGER", "BOOLEAN"}, {"DATE", "INTEGER"}, {"TEXT"}};
    return matches_type(data_type, field, accepted);
  }
};

}  // namespace

std::unique_ptr<SqlDialect> make_sqlite_dialect() { return std::make_unique<SqliteDialect>(); }

}  // namespace authmigrate::dialect
