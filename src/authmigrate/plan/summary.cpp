#include <authmigrate/plan/summary.hpp>

#include <fmt/format.h>

namespace authmigrate::plan {

std::vector<std::string> summary_lines(const schema::Schema& wanted, const Plan& plan) {
  std::vector<std::string> lines;
  for (const auto& name : plan.changes.tables_to_create) {
    const schema::SchemaTable* table = wanted.find(name);
    if (!table) continue;
    std::vector<std::string> columns;
    for (const auto& column : table->columns) columns.push_back(column.name);
    lines.push_back(fmt::format("-> {} fields on {} table.", fmt::join(columns, ", "), name));
  }
  for (const auto& add : plan.changes.columns_to_add)
    lines.push_back(fmt::format("-> {} fields on {} table.", fmt::join(add.columns, ", "), add.table));
  for (const auto& add : plan.changes.indexes_to_add)
    lines.push_back(fmt::format("-> {} fields {} {} table.", fmt::join(add.index.columns, ", "),
                                add.index.unique ? "in a unique index on" : "indexed on", add.table));
  return lines;
}

}  // namespace authmigrate::plan
