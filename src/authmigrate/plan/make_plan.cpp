// make_plan follows getMigrations of better-auth 1.7.25 (src/db/get-migration.ts): the same
// iteration order, the same decisions, the same messages.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include <authmigrate/dialect/ddl.hpp>
#include <authmigrate/schema/index_name.hpp>
#include <authmigrate/plan/index_plan.hpp>
#include <authmigrate/plan/plan.hpp>
#include <authmigrate/verify/drift.hpp>
#include <authmigrate/verify/schema_check.hpp>

namespace authmigrate::plan {

namespace {

constexpr int kLastOrder = 1 << 30;  // Better Auth's Infinity for tables without an order

int order_of(const schema::SchemaTable& table) { return table.order && *table.order != 0 ? *table.order : kLastOrder; }

// toBeCreated keeps tables sorted by order, inserting before the first table of a higher order.
void insert_by_order(std::vector<std::string>& created, std::vector<int>& orders, const schema::SchemaTable& table) {
  int order = order_of(table);
  auto later = std::find_if(orders.begin(), orders.end(), [&](int o) { return o > order; });
  auto position = created.begin() + (later - orders.begin());
  created.insert(position, table.name);
  orders.insert(later, order);
}

// Columns Better Auth never writes must accept an insert that omits them (diffSchema).
void find_schema_problems(const schema::SchemaTable& table, const dialect::LiveTable& live, Plan& plan) {
  for (auto& finding : verify::unexpected_required_columns(table, live))
    plan.schema_problems.push_back(std::move(finding.message));
}

void compare_existing_column(const schema::SchemaTable& table, const schema::Column& column,
                             const dialect::LiveColumn& live, const dialect::SqlDialect& d, Plan& plan) {
  for (auto& finding : verify::column_drift(table, column, live, d))
    plan.warnings.push_back(std::move(finding.message));
}

std::string unsafe_reason(const schema::SchemaTable& table, const schema::Column& column) {
  std::string text_detail = column.field.type == schema::FieldType::string
                                ? " For a text column, every existing row ends up with the same empty string."
                                : "";
  return fmt::format(
      "Cannot add required column \"{}\" to populated table \"{}\": the schema declares no default value, so existing "
      "rows have no value to backfill. MySQL accepts this statement instead of rejecting it and fills every existing "
      "row with an implicit default for the column type, reporting a successful migration over corrupted data.{} Add "
      "the column as nullable, backfill a correct value for every row, then make it NOT NULL.",
      column.name, table.name, text_detail);
}

// The refusal rule of Better Auth 1.7.1+: a required column with neither a timestamp nor a static
// default cannot be added to a table that has rows.
Result<void> check_added_columns(const schema::Schema& wanted, const dialect::SqlDialect& d, const RowProbe& has_rows,
                                 Plan& plan) {
  std::map<std::string, bool> populated;
  for (const auto& add : plan.changes.columns_to_add) {
    const schema::SchemaTable* table = wanted.find(add.table);
    for (const auto& name : add.columns) {
      const schema::Column* column = table->find(name);
      const schema::Field& field = column->field;
      if (field.unique && field.is_required() && schema::has_default(field.default_value) &&
          !schema::is_function_default(field.default_value))
        plan.warnings.push_back(fmt::format(
            "Adding unique column \"{}\" to existing table \"{}\" backfills every existing row with its default value. "
            "If the table has more than one row, creating the unique index \"{}\" will fail; backfill distinct values "
            "manually, then re-run the migration or create the index yourself.",
            name, table->name, schema::field_index_name(table->name, name, true)));
      const dialect::DdlRules rules = dialect::ddl_rules(wanted.better_auth_version);
      if (!field.is_required() || dialect::has_timestamp_default(d, field, rules) ||
          (rules.add_column_defaults && dialect::has_static_default(field)))
        continue;
      auto known = populated.find(table->name);
      if (known == populated.end()) {
        auto rows = has_rows(table->name);
        if (!rows) return fail(rows.error());
        known = populated.emplace(table->name, *rows).first;
      }
      if (known->second) plan.unsafe_changes.push_back({table->name, name, unsafe_reason(*table, *column)});
    }
  }
  return {};
}

}  // namespace

Result<Plan> make_plan(const schema::Schema& wanted, const dialect::LiveSchema& live, const dialect::SqlDialect& d,
                       const RowProbe& has_rows) {
  AM_TRY(dialect::check_schema_name(wanted, d.kind()));
  Plan plan;
  std::vector<int> created_orders;
  for (const auto& table : wanted.tables) {
    if (table.disable_migrations) continue;
    const dialect::LiveTable* existing = live.find(table.name);
    if (existing) find_schema_problems(table, *existing, plan);
    AM_TRY(plan_table_indexes(table, live, d, plan.changes));
    if (!existing) {
      // CREATE TABLE would fail half-way: named before anything runs, with the way out
      if (auto* clash = dialect::sqlite_case_clash(live, table.name, d.kind()))
        return fail(dialect::case_clash_error(table.name, clash->name));
      insert_by_order(plan.changes.tables_to_create, created_orders, table);
      continue;
    }
    dialect::ColumnsToAdd add{table.name, {}};
    for (const auto& column : table.columns) {
      if (const dialect::LiveColumn* live_column = existing->find(column.name)) {
        compare_existing_column(table, column, *live_column, d, plan);
      } else {
        add.columns.push_back(column.name);
      }
    }
    if (!add.columns.empty()) plan.changes.columns_to_add.push_back(std::move(add));
  }
  AM_TRY(check_added_columns(wanted, d, has_rows, plan));
  plan.statements = dialect::render_statements(d, wanted, plan.changes);
  return plan;
}

Result<void> refuse_unsafe_changes(const Plan& plan) {
  if (plan.unsafe_changes.empty()) return {};
  std::string message;
  for (const auto& change : plan.unsafe_changes) {
    if (!message.empty()) message += "\n";
    message += change.reason;
  }
  Error error(ErrorKind::unsafe_change, std::move(message));
  error.hint = "run `authmigrate generate` to read the statements without executing them";
  return fail(std::move(error));
}

}  // namespace authmigrate::plan
