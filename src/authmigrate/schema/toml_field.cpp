#include <authmigrate/schema/toml_field.hpp>

#include <fmt/format.h>

#include <authmigrate/schema/did_you_mean.hpp>

namespace authmigrate::schema {

namespace {

const std::vector<std::string>& field_keys() {
  static const std::vector<std::string> keys = {"type",    "required",   "unique",     "index", "sortable", "bigint",
                                                "default", "field_name", "references", "input", "returned"};
  return keys;
}

bool read_type(const toml::node& node, Field& field, TomlIssues& issues) {
  if (const toml::array* values = node.as_array()) {  // a literal union: type = ["free", "pro"]
    field.type = FieldType::enumeration;
    for (const auto& v : *values) {
      if (auto s = v.value<std::string>()) {
        field.enum_values.push_back(*s);
      } else {
        issues.add(v.source(), "an enum type lists strings");
        return false;
      }
    }
    return true;
  }
  auto name = node.value<std::string>();
  auto type = name ? parse_field_type(*name) : std::nullopt;
  if (!type) {
    issues.add(node.source(), fmt::format("unknown field type `{}`", name ? *name : "?"),
               name ? did_you_mean(*name, field_type_names()) : "");
    return false;
  }
  field.type = *type;
  return true;
}

// A date field's `default = "now"` is Better Auth's `() => new Date()`; other defaults are literals.
bool read_default(const toml::node& node, Field& field, TomlIssues& issues) {
  if (auto s = node.value_exact<std::string>()) {
    if (field.type == FieldType::date) {
      if (*s != "now") {
        issues.add(node.source(), "a date field's default can only be \"now\"");
        return false;
      }
      field.default_value = DefaultFunction{};
    } else {
      field.default_value = *s;
    }
  } else if (auto b = node.value_exact<bool>()) {
    field.default_value = *b;
  } else if (auto i = node.value_exact<int64_t>()) {
    field.default_value = static_cast<double>(*i);
  } else if (auto d = node.value_exact<double>()) {
    field.default_value = *d;
  } else {
    issues.add(node.source(), "`default` must be a string, number or boolean");
    return false;
  }
  return true;
}

bool read_references(const toml::node& node, Field& field, TomlIssues& issues) {
  const toml::table* table = node.as_table();
  if (!table) {
    issues.add(node.source(), "`references` must be a table: { model = \"user\", field = \"id\" }");
    return false;
  }
  Reference ref;
  bool ok = true;
  for (auto [key_ptr, value_ptr] : in_source_order(*table)) {
    const toml::key& key = *key_ptr;
    const toml::node& value = *value_ptr;
    std::string k(key.str());
    auto text = value.value<std::string>();
    if (k != "model" && k != "field" && k != "on_delete") {
      issues.add(key.source(), fmt::format("unknown option `references.{}`", k),
                 did_you_mean(k, {"model", "field", "on_delete"}));
      ok = false;
    } else if (!text) {
      issues.add(value.source(), fmt::format("`references.{}` must be a string", k));
      ok = false;
    } else if (k == "model") {
      ref.model = *text;
    } else if (k == "field") {
      ref.field = *text;
    } else if (!is_valid_on_delete(*text)) {
      issues.add(value.source(), fmt::format("unknown on_delete action `{}`", *text),
                 did_you_mean(*text, on_delete_actions()));
      ok = false;
    } else {
      ref.on_delete = *text;
    }
  }
  if (ok && ref.model.empty()) {
    issues.add(node.source(), "`references` needs a `model`");
    ok = false;
  }
  if (ok) field.references = std::move(ref);
  return ok;
}

}  // namespace

std::optional<Field> read_toml_field(const std::string& key, const toml::node& node, TomlIssues& issues) {
  const toml::table* table = node.as_table();
  if (!table) {
    issues.add(node.source(), fmt::format("additional field `{}` must be a table with at least a `type`", key));
    return std::nullopt;
  }
  Field field;
  field.key = key;
  bool ok = true;
  const toml::node* type = table->get("type");
  if (!type) {
    issues.add(node.source(), fmt::format("additional field `{}` has no `type`", key));
    ok = false;
  } else {
    ok = read_type(*type, field, issues) && ok;
  }
  for (auto [k_ptr, value_ptr] : in_source_order(*table)) {
    const toml::key& k = *k_ptr;
    const toml::node& value = *value_ptr;
    std::string name(k.str());
    auto flag = [&](bool& out) {
      if (auto b = value.value_exact<bool>()) {
        out = *b;
      } else {
        issues.add(value.source(), fmt::format("`{}` must be true or false", name));
        ok = false;
      }
    };
    if (name == "type" || name == "input" || name == "returned") {
      continue;
    } else if (name == "required") {
      bool required = true;
      flag(required);
      field.required = required;
    } else if (name == "unique") {
      flag(field.unique);
    } else if (name == "index") {
      flag(field.index);
    } else if (name == "sortable") {
      flag(field.sortable);
    } else if (name == "bigint") {
      flag(field.bigint);
    } else if (name == "default") {
      ok = read_default(value, field, issues) && ok;
    } else if (name == "field_name") {
      if (auto s = value.value<std::string>(); s && !s->empty()) {
        field.field_name = *s;
      } else {
        issues.add(value.source(), "`field_name` must be a non-empty string");
        ok = false;
      }
    } else if (name == "references") {
      ok = read_references(value, field, issues) && ok;
    } else {
      issues.add(k.source(), fmt::format("unknown option `{}` for additional field `{}`", name, key),
                 did_you_mean(name, field_keys()));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return field;
}

}  // namespace authmigrate::schema
