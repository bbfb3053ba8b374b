#include <authmigrate/verify/drift.hpp>

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <authmigrate/base/text.hpp>
#include <authmigrate/dialect/ddl.hpp>
#include <authmigrate/schema/index_name.hpp>

namespace authmigrate::verify {

namespace {

// An index that serves lookups by `columns`: its key starts with them (exactly them when unique).
bool covered(const dialect::LiveSchema& live, const std::string& table, const std::vector<std::string>& columns,
             bool unique) {
  return std::any_of(live.indexes.begin(), live.indexes.end(), [&](const dialect::LiveIndex& index) {
    if (lower(index.table) != lower(table) || !index.valid_full_columns) return false;
    if (unique) return index.unique && index.columns == columns;
    return index.columns.size() >= columns.size() && std::equal(columns.begin(), columns.end(), index.columns.begin());
  });
}

Finding missing_index(const dialect::SqlDialect& d, const std::string& schema_name, const std::string& table,
                      const std::string& name, const std::vector<std::string>& columns, bool unique) {
  std::string effect = unique ? "so nothing stops two rows from holding the same value"
                              : fmt::format("so every lookup by it reads the whole table");
  return {FindingKind::missing_index, table, columns.front(),
          fmt::format("Table \"{}\" has no {}index on ({}), which the schema declares as \"{}\", {}. Create it: {};",
                      table, unique ? "unique " : "", fmt::join(columns, ", "), name, effect,
                      dialect::render_create_index(d, name, schema_name, table, columns, unique))};
}

void table_index_drift(const std::string& schema_name, const schema::SchemaTable& table,
                       const dialect::LiveTable& existing, const dialect::LiveSchema& live,
                       const dialect::SqlDialect& d, const dialect::DdlRules& rules, std::vector<Finding>& out) {
  for (const auto& column : table.columns) {
    // Before 1.4.0 the CLI made no index for `index: true`: a database it made has none.
    const bool indexed = column.field.unique || (column.field.index && rules.field_indexes);
    if (!existing.find(column.name) || !indexed) continue;
    std::vector<std::string> key{column.name};
    if (covered(live, table.name, key, column.field.unique)) continue;
    out.push_back(missing_index(d, schema_name, table.name,
                                schema::field_index_name(table.name, column.name, column.field.unique), key,
                                column.field.unique));
  }
  for (const auto& index : table.indexes) {
    bool columns_exist = std::all_of(index.columns.begin(), index.columns.end(),
                                     [&](const std::string& c) { return existing.find(c) != nullptr; });
    if (columns_exist && !covered(live, table.name, index.columns, index.unique))
      out.push_back(missing_index(d, schema_name, table.name, index.name, index.columns, index.unique));
  }
}

}  // namespace

std::vector<Finding> column_drift(const schema::SchemaTable& table, const schema::Column& column,
                                  const dialect::LiveColumn& live, const dialect::SqlDialect& d) {
  std::vector<Finding> findings;
  if (column.field.is_required() && live.nullable)
    findings.push_back({FindingKind::nullable_required, table.name, column.name,
                        fmt::format("Column \"{}\" on table \"{}\" stays nullable while the schema declares the field "
                                    "required, so existing rows can still hold null. Backfill every row for this "
                                    "column and enforce NOT NULL to remove the drift.",
                                    column.name, table.name)});
  if (!d.accepts_column_type(live.data_type, column.field))
    findings.push_back(
        {FindingKind::type_mismatch, table.name, column.name,
         fmt::format("Field {} in table {} has a different type in the database. Expected {} but got {}.", column.name,
                     table.name, schema::to_string(column.field.type), live.data_type)});
  return findings;
}

std::vector<Finding> find_drift(const schema::Schema& wanted, const dialect::LiveSchema& live,
                                const dialect::SqlDialect& d) {
  std::vector<Finding> findings;
  for (const auto& table : wanted.tables) {
    if (table.disable_migrations) continue;
    const dialect::LiveTable* existing = live.find(table.name);
    if (!existing) {
      if (auto* clash = dialect::sqlite_case_clash(live, table.name, d.kind())) {
        auto error = dialect::case_clash_error(table.name, clash->name);
        findings.push_back({FindingKind::table_name_clash, table.name, "", error.message + ": " + error.hint});
      }
      continue;
    }
    for (const auto& column : table.columns) {
      if (const dialect::LiveColumn* live_column = existing->find(column.name)) {
        auto drift = column_drift(table, column, *live_column, d);
        // The type the generator itself writes is never drift, even where Better Auth's type check
        // warns about it (string[] as TEXT on SQLite).
        std::erase_if(drift, [&](const Finding& f) {
          return f.kind == FindingKind::type_mismatch &&
                 d.reports_rendered_type(live_column->data_type, dialect::column_type(d, wanted, table, column));
        });
        findings.insert(findings.end(), drift.begin(), drift.end());
      }
    }
    table_index_drift(wanted.schema_name, table, *existing, live, d, dialect::ddl_rules(wanted.better_auth_version),
                      findings);
  }
  return findings;
}

}  // namespace authmigrate::verify
