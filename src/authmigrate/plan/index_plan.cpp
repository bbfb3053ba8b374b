#include <authmigrate/plan/index_plan.hpp>

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include <authmigrate/dialect/ddl.hpp>
#include <authmigrate/base/text.hpp>

namespace authmigrate::plan {

namespace {

Error refusal(std::string message) { return Error(ErrorKind::unsafe_change, std::move(message)); }

bool same_definition(const dialect::LiveIndex& existing, const schema::TableIndex& wanted) {
  return existing.unique == wanted.unique && existing.valid_full_columns && existing.columns == wanted.columns;
}

// assertExistingTableIndexFits: on an existing MySQL table the index's key must stay within the
// byte budget, counting existing string columns at their declared size.
Result<void> check_key_size(const schema::SchemaTable& table, const schema::TableIndex& index,
                            const dialect::LiveTable& live, const dialect::SqlDialect& d) {
  auto budget = d.index_key_budget();
  if (!budget) return {};
  long long required = 0;
  for (const auto& name : index.columns) {
    const schema::Column* column = table.find(name);
    if (!column) continue;
    if (column->field.type != schema::FieldType::string && column->field.type != schema::FieldType::enumeration) {
      required += 16;
      continue;
    }
    const dialect::LiveColumn* existing = live.find(name);
    if (!existing) {
      required +=
          static_cast<long long>(dialect::index_string_length(d, table, name).value_or(0)) * budget->bytes_per_char;
      continue;
    }
    if (!existing->max_index_bytes || *existing->max_index_bytes == 0)
      return fail(refusal(fmt::format(
          "Cannot create database index \"{}\" on existing table \"{}\" because column \"{}\" is not bounded for "
          "MySQL. Change it to a bounded string column, resolve oversized values, then run the migration again.",
          index.name, table.name, name)));
    required += *existing->max_index_bytes;
  }
  if (required > budget->bytes)
    return fail(
        refusal(fmt::format("Cannot create database index \"{}\" on existing table \"{}\" because its columns can "
                            "exceed MySQL's {}-byte index-key limit. Bound the indexed string columns to the generated "
                            "schema lengths, resolve oversized values, then run the migration again.",
                            index.name, table.name, budget->bytes)));
  return {};
}

}  // namespace

Result<void> plan_table_indexes(const schema::SchemaTable& table, const dialect::LiveSchema& live,
                                const dialect::SqlDialect& d, dialect::ChangeSet& changes) {
  const dialect::LiveTable* live_table = live.find(table.name);
  const bool global_names = d.kind() != config::Dialect::mysql;  // index names are schema-wide there
  for (const auto& index : table.indexes) {
    auto existing = std::find_if(live.indexes.begin(), live.indexes.end(), [&](const dialect::LiveIndex& i) {
      return lower(i.table) == lower(table.name) && lower(i.name) == lower(index.name);
    });
    if (existing != live.indexes.end()) {
      if (!same_definition(*existing, index))
        return fail(
            refusal(fmt::format("Database index \"{}\" on table \"{}\" does not match the configured fields and "
                                "uniqueness. Rename or replace the existing index, then run the migration again.",
                                index.name, table.name)));
      continue;
    }
    if (global_names) {
      auto elsewhere = std::find_if(live.indexes.begin(), live.indexes.end(), [&](const dialect::LiveIndex& i) {
        return lower(i.name) == lower(index.name) && lower(i.table) != lower(table.name);
      });
      if (elsewhere != live.indexes.end())
        return fail(refusal(fmt::format(
            "Database index name \"{}\" is already used by table \"{}\". Index names must be unique across the schema.",
            index.name, elsewhere->table)));
    }
    auto planned =
        std::find_if(changes.indexes_to_add.begin(), changes.indexes_to_add.end(), [&](const dialect::IndexToAdd& a) {
          return lower(a.table) == lower(table.name) && lower(a.index.name) == lower(index.name);
        });
    if (planned != changes.indexes_to_add.end()) {
      if (planned->index.columns != index.columns || planned->index.unique != index.unique)
        return fail(refusal(fmt::format("Database index name \"{}\" identifies more than one index on table \"{}\".",
                                        index.name, table.name)));
      continue;
    }
    if (live_table) AM_TRY(check_key_size(table, index, *live_table, d));
    changes.indexes_to_add.push_back({table.name, index});
  }
  return {};
}

}  // namespace authmigrate::plan
