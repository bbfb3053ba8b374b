// What differs between databases when Better Auth's schema becomes DDL: quoting, literals, the
// types `getType` picks, the id column, the timestamp default and the type names the migrator
// accepts on existing columns. One implementation per database (postgres.cpp, sqlite.cpp,
// mysql.cpp); the statement text itself is Kysely's and shared (ddl.cpp).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <authmigrate/config/database_url.hpp>
#include <authmigrate/dialect/ddl_rules.hpp>
#include <authmigrate/schema/auth_tables.hpp>
#include <authmigrate/schema/field.hpp>

namespace authmigrate::dialect {

// The primary key column: `"id" <type> [default <d>] not null primary key [auto_increment]`.
struct IdColumn {
  std::string type;
  std::optional<std::string> default_sql;
  bool auto_increment = false;
};

// Byte-limited index keys (MySQL): string columns in table-level indexes get a bounded varchar.
struct IndexKeyBudget {
  int bytes;           // the key limit
  int bytes_per_char;  // utf8mb4 on MySQL
  int default_length;  // the cap
};

class SqlDialect {
 public:
  virtual ~SqlDialect() = default;
  virtual config::Dialect kind() const = 0;

  // Kysely's identifier quoting: "x" with "" doubled, or `x` with `` doubled on MySQL.
  virtual std::string quote_identifier(std::string_view name) const = 0;
  // A string literal as Kysely's appendImmediateValue writes it.
  virtual std::string string_literal(std::string_view text) const = 0;
  // Booleans are 1/0 where the column is an integer (SQLite).
  virtual std::string boolean_literal(bool value) const = 0;

  // Types and defaults as the release's CLI writes them (`rules`; DdlRules{} is the newest).
  virtual IdColumn id_column(schema::IdGeneration id, const DdlRules& rules) const = 0;
  // The type of a column that references another table's "id".
  virtual std::string foreign_key_type(schema::IdGeneration id, const DdlRules& rules) const = 0;
  // The type of an ordinary field; `index_string_length` is set for string columns inside
  // table-level indexes on byte-limited dialects.
  virtual std::string field_type(const schema::Field& field, std::optional<int> index_string_length,
                                 const DdlRules& rules) const = 0;
  // `default CURRENT_TIMESTAMP` and kin for date fields with a function default; none on SQLite.
  virtual std::optional<std::string> timestamp_default(const DdlRules& rules) const = 0;
  virtual std::optional<IndexKeyBudget> index_key_budget() const { return std::nullopt; }
  // Does a column the database reports as `live` hold the type the generator writes as `rendered`?
  // (MariaDB reports its json alias as longtext.)
  virtual bool reports_rendered_type(std::string_view live, std::string_view rendered) const;

  // Better Auth's matchType: does an existing column's reported type fit the field? (Only a
  // warning when not.)
  virtual bool accepts_column_type(std::string_view data_type, const schema::Field& field) const = 0;
};

std::unique_ptr<SqlDialect> make_postgres_dialect();
std::unique_ptr<SqlDialect> make_sqlite_dialect();
std::unique_ptr<SqlDialect> make_mysql_dialect();
std::unique_ptr<SqlDialect> make_dialect(config::Dialect kind);

// A JavaScript number as Number.prototype.toString writes it (integers without ".0").
std::string js_number(double value);
// Quotes with `quote` and doubles it inside (the identifier rule of every Kysely compiler).
std::string wrap_doubling(std::string_view text, char quote);

}  // namespace authmigrate::dialect
