// resolve_schema: the logical tables (getAuthTables) to physical tables, following
// better-auth/src/db/get-schema.ts and core/src/db/database-index.ts of Better Auth 1.7.x.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include <authmigrate/schema/index_name.hpp>
#include <authmigrate/schema/schema.hpp>
#include <authmigrate/base/text.hpp>

namespace authmigrate::schema {

namespace {

constexpr size_t kMaxIndexFields = 16;

Error index_error(std::string message) { return Error(ErrorKind::config, std::move(message)); }

const Table* find_table_by_key_or_name(const AuthTables& tables, std::string_view model) {
  if (const Table* t = tables.find(model)) return t;
  for (const auto& t : tables.tables) {
    if (t.model_name == model) return &t;
  }
  return nullptr;
}

ResolvedReference resolve_reference(const AuthTables& tables, const Reference& ref) {
  ResolvedReference out;
  const Table* target = find_table_by_key_or_name(tables, ref.model);
  out.table = target ? target->model_name : ref.model;
  const Field* target_field = target ? target->find_field(ref.field) : nullptr;
  out.column = target_field ? target_field->column() : ref.field;
  out.targets_id = ref.field == "id";
  if (ref.on_delete && !ref.on_delete->empty()) out.on_delete = *ref.on_delete;
  return out;
}

void spread_columns(std::vector<Column>& into, std::vector<Column> extra) {
  for (auto& column : extra) {
    auto it = std::find_if(into.begin(), into.end(), [&](const Column& c) { return c.name == column.name; });
    if (it == into.end()) {
      into.push_back(std::move(column));
    } else {
      *it = std::move(column);
    }
  }
}

// One physical table's input to index resolution: every logical table that maps to it.
struct IndexSource {
  std::string table_name;
  std::vector<Field> fields;  // merged by field key, as Object.assign does
  std::vector<IndexSpec> indexes;
};

Result<std::vector<TableIndex>> resolve_table_indexes(const IndexSource& source) {
  const std::string& t = source.table_name;
  std::vector<TableIndex> resolved;
  for (const auto& spec : source.indexes) {
    if (spec.fields.empty())
      return fail(index_error(fmt::format("Index on table \"{}\" must include at least one field.", t)));
    if (spec.fields.size() > kMaxIndexFields)
      return fail(index_error(
          fmt::format("Index on table \"{}\" can include at most {} fields so it works across supported databases.", t,
                      kMaxIndexFields)));
    if (std::set<std::string>(spec.fields.begin(), spec.fields.end()).size() != spec.fields.size())
      return fail(index_error(fmt::format("Index on table \"{}\" contains the same field more than once.", t)));
    TableIndex index;
    index.unique = spec.unique;
    std::set<std::string> seen_columns;
    for (const auto& key : spec.fields) {
      auto it = std::find_if(source.fields.begin(), source.fields.end(), [&](const Field& f) { return f.key == key; });
      if (it == source.fields.end())
        return fail(index_error(fmt::format("Index on table \"{}\" references unknown field \"{}\".", t, key)));
      if (spec.unique && !it->is_required())
        return fail(
            index_error(fmt::format("Unique index on table \"{}\" can only include required fields so its behavior is "
                                    "consistent across databases.",
                                    t)));
      if (it->type == FieldType::json || it->type == FieldType::string_array || it->type == FieldType::number_array)
        return fail(index_error(fmt::format(
            "Index on table \"{}\" references field \"{}\", whose type is not portably indexable.", t, key)));
      index.columns.push_back(it->column());
      seen_columns.insert(lower(it->column()));
    }
    if (seen_columns.size() != index.columns.size())
      return fail(index_error(
          fmt::format("Index on table \"{}\" resolves more than one field to the same database column.", t)));
    if (spec.name) {
      if (spec.name->empty() ||
          !std::all_of(spec.name->begin(), spec.name->end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '_'; }) ||
          std::isdigit(static_cast<unsigned char>((*spec.name)[0])))
        return fail(
            index_error("Database index names must start with a letter or underscore and contain only letters, "
                        "numbers, and underscores."));
      if (spec.name->size() > kMaxIndexNameBytes)
        return fail(
            index_error(fmt::format("Database index names must be at most {} UTF-8 bytes.", kMaxIndexNameBytes)));
      index.name = *spec.name;
    } else {
      index.name = generated_index_name(t, index.columns, spec.unique);
    }
    // Two declarations of one name are fine when they define the same index.
    auto same_name = std::find_if(resolved.begin(), resolved.end(),
                                  [&](const TableIndex& r) { return lower(r.name) == lower(index.name); });
    if (same_name != resolved.end()) {
      if (same_name->columns != index.columns || same_name->unique != index.unique)
        return fail(index_error(
            fmt::format("Database index name \"{}\" identifies more than one index on table \"{}\".", index.name, t)));
      continue;
    }
    resolved.push_back(std::move(index));
  }
  return resolved;
}

Result<std::vector<IndexSource>> merge_index_sources(const AuthTables& tables) {
  std::vector<IndexSource> sources;
  for (const auto& table : tables.tables) {
    if (table.disable_migrations) continue;
    auto it = std::find_if(sources.begin(), sources.end(),
                           [&](const IndexSource& s) { return s.table_name == table.model_name; });
    if (it == sources.end()) {
      sources.push_back({table.model_name, table.fields, table.indexes});
      continue;
    }
    if (!it->indexes.empty() || !table.indexes.empty())
      return fail(index_error(fmt::format(
          "Database schema resolves more than one indexed logical table to \"{}\". Define table-level indexes through "
          "one logical schema key instead of aliasing multiple keys to the same database table.",
          table.model_name)));
    spread_fields(it->fields, table.fields);
  }
  return sources;
}

// Index names share one namespace with tables on SQLite and PostgreSQL, so Better Auth checks
// them schema-wide; so do we, with its messages.
Result<std::map<std::string, std::vector<TableIndex>>> resolve_indexes(const AuthTables& tables) {
  auto sources = merge_index_sources(tables);
  if (!sources) return fail(sources.error());
  std::set<std::string> table_names;
  for (const auto& s : *sources) table_names.insert(lower(s.table_name));
  std::map<std::string, std::string> field_index_owner;
  for (const auto& s : *sources) {
    for (const auto& field : s.fields) {
      if (!field.index && !field.unique) continue;
      std::string name = field_index_name(s.table_name, field.column(), field.unique);
      if (table_names.count(lower(name)))
        return fail(
            index_error(fmt::format("Database index name \"{}\" conflicts with a table name. Index and table names "
                                    "must be unique across the schema.",
                                    name)));
      auto [it, inserted] = field_index_owner.emplace(lower(name), s.table_name);
      if (!inserted)
        return fail(index_error(
            fmt::format("Database field-level index name \"{}\" is used by both table \"{}\" and table \"{}\".", name,
                        it->second, s.table_name)));
    }
  }
  std::map<std::string, std::vector<TableIndex>> by_table;
  std::map<std::string, std::string> index_owner;
  for (const auto& s : *sources) {
    auto resolved = resolve_table_indexes(s);
    if (!resolved) return fail(resolved.error());
    for (const auto& index : *resolved) {
      std::string key = lower(index.name);
      if (table_names.count(key))
        return fail(
            index_error(fmt::format("Database index name \"{}\" conflicts with a table name. Index and table names "
                                    "must be unique across the schema.",
                                    index.name)));
      if (auto f = field_index_owner.find(key); f != field_index_owner.end())
        return fail(
            index_error(fmt::format("Database index name \"{}\" is already reserved by field-level index metadata on "
                                    "table \"{}\". Remove the duplicate table-level index or give it a distinct name.",
                                    index.name, f->second)));
      auto [it, inserted] = index_owner.emplace(key, s.table_name);
      if (!inserted && it->second != s.table_name)
        return fail(
            index_error(fmt::format("Database index name \"{}\" is used by both table \"{}\" and table \"{}\". Index "
                                    "names must be unique across the schema.",
                                    index.name, it->second, s.table_name)));
    }
    by_table[s.table_name] = std::move(*resolved);
  }
  return by_table;
}

}  // namespace

const Column* SchemaTable::find(std::string_view column) const {
  auto it = std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return c.name == column; });
  return it == columns.end() ? nullptr : &*it;
}

const SchemaTable* Schema::find(std::string_view table) const {
  auto it = std::find_if(tables.begin(), tables.end(), [&](const SchemaTable& t) { return t.name == table; });
  return it == tables.end() ? nullptr : &*it;
}

Result<Schema> resolve_schema(const AuthTables& tables) {
  Schema schema;
  schema.id_generation = tables.id_generation;
  schema.better_auth_version = tables.better_auth_version;
  schema.schema_name = tables.schema_name;
  for (const auto& table : tables.tables) {
    std::vector<Column> columns;
    for (const auto& field : table.fields) {
      Column column{field.column(), field, std::nullopt};
      if (field.references) column.reference = resolve_reference(tables, *field.references);
      spread_columns(columns, {std::move(column)});
    }
    auto existing = std::find_if(schema.tables.begin(), schema.tables.end(),
                                 [&](const SchemaTable& t) { return t.name == table.model_name; });
    if (existing != schema.tables.end()) {
      spread_columns(existing->columns, std::move(columns));
      existing->disable_migrations = existing->disable_migrations || table.disable_migrations;
      continue;
    }
    SchemaTable out;
    out.name = table.model_name;
    out.order = table.order;
    out.disable_migrations = table.disable_migrations;
    out.columns = std::move(columns);
    schema.tables.push_back(std::move(out));
  }
  auto indexes = resolve_indexes(tables);
  if (!indexes) return fail(indexes.error());
  for (auto& table : schema.tables) {
    if (auto it = indexes->find(table.name); it != indexes->end()) table.indexes = it->second;
  }
  return schema;
}

}  // namespace authmigrate::schema
