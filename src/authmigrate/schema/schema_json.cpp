// The reader keeps JSON object order (nlohmann::ordered_json): table and field order are the
// column and table order of the generated DDL.
#include <authmigrate/schema/schema_json.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <authmigrate/schema/did_you_mean.hpp>

namespace authmigrate::schema {

namespace {

using Json = nlohmann::ordered_json;

class Reader {
 public:
  // `catalogue`: plugin tables as a plugin declares them, where modelName is optional (the key).
  explicit Reader(std::string_view source, bool catalogue = false) : source_(source), catalogue_(catalogue) {}

  Result<std::vector<Table>> read_tables(const Json& tables) {
    if (!tables.is_object()) return error("tables", "must be an object");
    std::vector<Table> out;
    for (const auto& [key, value] : tables.items()) {
      auto table = read_table(key, value);
      if (!table) return fail(table.error());
      out.push_back(std::move(*table));
    }
    return out;
  }

  Result<AuthTables> read(const Json& root) {
    if (!root.is_object()) return error("", "the schema file must hold a JSON object");
    AuthTables out;
    auto format = root.find("format");
    if (format == root.end() || !format->is_string())
      return error("format", fmt::format("missing \"format\"; expected \"{}\"", kSchemaJsonFormat));
    if (format->get<std::string>() != kSchemaJsonFormat)
      return error("format",
                   fmt::format("unsupported schema format \"{}\"; this authmigrate reads \"{}\"",
                               format->get<std::string>(), kSchemaJsonFormat),
                   "export the schema again with the authmigrate that will read it");
    if (auto v = root.find("betterAuthVersion"); v != root.end() && v->is_string()) {
      out.better_auth_version = v->get<std::string>();
    } else {
      return error("betterAuthVersion", "missing \"betterAuthVersion\" (a string)");
    }
    if (auto g = root.find("generateId"); g != root.end()) {
      auto id = g->is_string() ? parse_id_generation(g->get<std::string>()) : std::nullopt;
      if (!id) return error("generateId", "\"generateId\" must be \"default\", \"uuid\" or \"serial\"");
      out.id_generation = *id;
    }
    if (auto s = root.find("schemaName"); s != root.end() && !s->is_null()) {
      if (!s->is_string() || s->get<std::string>().empty())
        return error("schemaName", "\"schemaName\" must be a non-empty schema name");
      out.schema_name = s->get<std::string>();
    }
    auto tables = root.find("tables");
    if (tables == root.end() || !tables->is_object()) return error("tables", "missing \"tables\" (an object)");
    auto read = read_tables(*tables);
    if (!read) return fail(read.error());
    out.tables = std::move(*read);
    return out;
  }

 private:
  tl::unexpected<Error> error(const std::string& path, std::string message, std::string hint = {}) {
    Error e(ErrorKind::config, path.empty() ? message : fmt::format("{}: {}", path, message));
    e.within(std::string(source_));
    e.hint = std::move(hint);
    return tl::unexpected<Error>(std::move(e));
  }

  Result<bool> boolean(const Json& object, const char* name, const std::string& path) {
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) return false;
    if (!it->is_boolean()) return error(path + "." + name, "must be true or false");
    return it->get<bool>();
  }

  Result<Table> read_table(const std::string& key, const Json& value) {
    std::string path = "tables." + key;
    if (!value.is_object()) return error(path, "must be an object");
    Table table;
    table.key = key;
    auto model = value.find("modelName");
    if (catalogue_ && model == value.end()) {
      table.model_name = key;
    } else if (model == value.end() || !model->is_string()) {
      return error(path + ".modelName", "missing (a string)");
    } else {
      table.model_name = model->get<std::string>();
    }
    if (auto order = value.find("order"); order != value.end() && !order->is_null()) {
      if (!order->is_number_integer()) return error(path + ".order", "must be an integer");
      table.order = order->get<int>();
    }
    auto disabled = boolean(value, "disableMigrations", path);
    if (!disabled) return fail(disabled.error());
    table.disable_migrations = *disabled;
    auto fields = value.find("fields");
    if (fields == value.end() || !fields->is_object()) return error(path + ".fields", "missing (an object)");
    for (const auto& [field_key, field_value] : fields->items()) {
      auto field = read_field(path + ".fields." + field_key, field_key, field_value);
      if (!field) return fail(field.error());
      table.fields.push_back(std::move(*field));
    }
    if (auto indexes = value.find("indexes"); indexes != value.end() && !indexes->is_null()) {
      if (!indexes->is_array()) return error(path + ".indexes", "must be an array");
      for (size_t i = 0; i < indexes->size(); ++i) {
        auto index = read_index(fmt::format("{}.indexes[{}]", path, i), (*indexes)[i]);
        if (!index) return fail(index.error());
        table.indexes.push_back(std::move(*index));
      }
    }
    return table;
  }

  Result<IndexSpec> read_index(const std::string& path, const Json& value) {
    if (!value.is_object()) return error(path, "must be an object");
    IndexSpec index;
    auto fields = value.find("fields");
    if (fields == value.end() || !fields->is_array())
      return error(path + ".fields", "missing (an array of field keys)");
    for (const auto& f : *fields) {
      if (!f.is_string()) return error(path + ".fields", "must hold strings");
      index.fields.push_back(f.get<std::string>());
    }
    auto unique = boolean(value, "unique", path);
    if (!unique) return fail(unique.error());
    index.unique = *unique;
    if (auto name = value.find("name"); name != value.end() && !name->is_null()) {
      if (!name->is_string()) return error(path + ".name", "must be a string");
      index.name = name->get<std::string>();
    }
    return index;
  }

  Result<Field> read_field(const std::string& path, const std::string& key, const Json& value) {
    if (!value.is_object()) return error(path, "must be an object");
    Field field;
    field.key = key;
    auto type = read_type(path + ".type", value, field);
    if (!type) return fail(type.error());
    if (auto name = value.find("fieldName"); name != value.end() && !name->is_null()) {
      if (!name->is_string()) return error(path + ".fieldName", "must be a string");
      field.field_name = name->get<std::string>();
    }
    if (auto required = value.find("required"); required != value.end() && !required->is_null()) {
      if (!required->is_boolean()) return error(path + ".required", "must be true or false");
      field.required = required->get<bool>();
    }
    for (auto [name, target] : {std::pair{"unique", &field.unique}, std::pair{"index", &field.index},
                                std::pair{"sortable", &field.sortable}, std::pair{"bigint", &field.bigint}}) {
      auto flag = boolean(value, name, path);
      if (!flag) return fail(flag.error());
      *target = *flag;
    }
    if (auto def = value.find("defaultValue"); def != value.end()) field.default_value = read_default(*def);
    if (auto ref = value.find("references"); ref != value.end() && !ref->is_null()) {
      auto reference = read_reference(path + ".references", *ref);
      if (!reference) return fail(reference.error());
      field.references = std::move(*reference);
    }
    return field;
  }

  Result<void> read_type(const std::string& path, const Json& value, Field& field) {
    auto type = value.find("type");
    if (type == value.end()) return error(path, "missing");
    if (type->is_array()) {  // Better Auth's literal-union ("enum") type
      field.type = FieldType::enumeration;
      for (const auto& v : *type) {
        if (!v.is_string()) return error(path, "an enum type must list strings");
        field.enum_values.push_back(v.get<std::string>());
      }
      return {};
    }
    std::string name = type->is_string() ? type->get<std::string>() : type->dump();
    auto parsed = parse_field_type(name);
    if (!parsed)
      return error(path, fmt::format("unsupported field type \"{}\"", name), did_you_mean(name, field_type_names()));
    field.type = *parsed;
    return {};
  }

  static DefaultValue read_default(const Json& value) {
    if (value.is_null()) return std::monostate{};
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>();
    if (value.is_number()) return value.get<double>();
    if (value.is_object() && value.size() == 1 && value.contains("$function")) return DefaultFunction{};
    return DefaultJson{value.dump()};
  }

  Result<Reference> read_reference(const std::string& path, const Json& value) {
    if (!value.is_object()) return error(path, "must be an object");
    Reference ref;
    auto model = value.find("model");
    if (model == value.end() || !model->is_string()) return error(path + ".model", "missing (a string)");
    ref.model = model->get<std::string>();
    auto field = value.find("field");
    if (field == value.end() || !field->is_string()) return error(path + ".field", "missing (a string)");
    ref.field = field->get<std::string>();
    if (auto on_delete = value.find("onDelete"); on_delete != value.end() && !on_delete->is_null()) {
      std::string action = on_delete->is_string() ? on_delete->get<std::string>() : on_delete->dump();
      if (!is_valid_on_delete(action))
        return error(path + ".onDelete", fmt::format("unsupported action \"{}\"", action),
                     did_you_mean(action, on_delete_actions()));
      ref.on_delete = action;
    }
    return ref;
  }

  std::string_view source_;
  bool catalogue_ = false;
};

// Where a parse error sits, as line:column (nlohmann reports a byte offset).
std::string position_of(std::string_view text, size_t byte) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return fmt::format("{}:{}", line, column);
}

}  // namespace

Result<AuthTables> read_schema_json(std::string_view text, std::string_view source) {
  Json root;
  try {
    root = Json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    // Keep only the reason; nlohmann prefixes "[json.exception.parse_error.101] parse error at ...: ".
    if (auto colon = what.rfind(": "); colon != std::string::npos) what = what.substr(colon + 2);
    return fail(ErrorKind::config, fmt::format("{}:{}: not valid JSON: {}", source,
                                               position_of(text, e.byte == 0 ? 0 : e.byte - 1), what));
  } catch (const nlohmann::json::exception& e) {
    // A number beyond a double ("1e999") is out_of_range.406, thrown by the parser with no position.
    std::string what = e.what();
    if (auto bracket = what.find("] "); bracket != std::string::npos) what = what.substr(bracket + 2);
    return fail(ErrorKind::config, fmt::format("{}: not valid JSON: {}", source, what));
  }
  return Reader(source).read(root);
}

Result<std::vector<Table>> read_catalogue_tables(const nlohmann::ordered_json& tables, std::string_view source) {
  return Reader(source, true).read_tables(tables);
}

}  // namespace authmigrate::schema
