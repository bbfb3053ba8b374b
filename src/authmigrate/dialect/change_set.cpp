#include <authmigrate/dialect/change_set.hpp>

#include <authmigrate/dialect/ddl.hpp>
#include <authmigrate/schema/index_name.hpp>

namespace authmigrate::dialect {

std::vector<std::string> render_statements(const SqlDialect& dialect, const schema::Schema& schema,
                                           const ChangeSet& changes) {
  std::vector<std::string> statements;
  std::vector<std::string> deferred_indexes;  // created after every table and column exists
  const DdlRules rules = ddl_rules(schema.better_auth_version);
  const bool unique_as_index = unique_added_as_index(dialect, rules);
  // database.schemaName: the schema is made first, and only when a table is to be created in it.
  if (!schema.schema_name.empty() && !changes.tables_to_create.empty())
    statements.push_back("create schema if not exists " + dialect.quote_identifier(schema.schema_name));
  for (const auto& add : changes.columns_to_add) {
    const schema::SchemaTable* table = schema.find(add.table);
    if (!table) continue;
    for (const auto& name : add.columns) {
      const schema::Column* column = table->find(name);
      if (!column) continue;
      const schema::Field& field = column->field;
      // Unique becomes its own index here (1.7.0; before, inline, except where SQLite cannot ADD a
      // UNIQUE column); plain indexes from 1.4.0.
      if ((field.unique && unique_as_index) || (field.index && !field.unique && rules.field_indexes)) {
        deferred_indexes.push_back(
            render_create_index(dialect, schema::field_index_name(table->name, column->name, field.unique),
                                schema.schema_name, table->name, {column->name}, field.unique));
      }
      statements.push_back(render_add_column(dialect, schema, *table, *column));
    }
  }
  for (const auto& name : changes.tables_to_create) {
    const schema::SchemaTable* table = schema.find(name);
    if (!table) continue;
    statements.push_back(render_create_table(dialect, schema, *table));
    for (const auto& column : table->columns) {
      // A unique field is already unique inline; only indexes need a statement (1.4.0), and in 1.4.0 to
      // 1.6.23 a unique + index field its own unique index too.
      if (!column.field.index || !rules.field_indexes) continue;
      if (column.field.unique && !rules.unique_index_twin) continue;
      deferred_indexes.push_back(
          render_create_index(dialect, schema::field_index_name(table->name, column.name, column.field.unique),
                              schema.schema_name, table->name, {column.name}, column.field.unique));
    }
  }
  for (const auto& add : changes.indexes_to_add) {
    deferred_indexes.push_back(render_create_index(dialect, add.index.name, schema.schema_name, add.table,
                                                   add.index.columns, add.index.unique));
  }
  statements.insert(statements.end(), deferred_indexes.begin(), deferred_indexes.end());
  return statements;
}

std::string join_statements(const std::vector<std::string>& statements) {
  std::string out;
  for (const auto& statement : statements) {
    if (!out.empty()) out += ";\n\n";
    out += statement;
  }
  if (!out.empty()) out += ";";
  return out;
}

}  // namespace authmigrate::dialect
