// Private to the catalogue: a compact way to write field declarations that reads like the plugin
// sources it mirrors, e.g. `F("userId", T::string).req().ref("user").index()`.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include <authmigrate/schema/auth_tables.hpp>
#include <authmigrate/schema/field.hpp>

namespace authmigrate::schema::dsl {

using T = FieldType;

class F {
 public:
  F(std::string key, FieldType type) {
    f_.key = std::move(key);
    f_.type = type;
  }
  F& req() { return f_.required = true, *this; }
  F& opt() { return f_.required = false, *this; }
  F& unique() { return f_.unique = true, *this; }
  F& index() { return f_.index = true, *this; }
  F& sortable() { return f_.sortable = true, *this; }
  F& bigint() { return f_.bigint = true, *this; }
  F& def(std::string v) { return f_.default_value = std::move(v), *this; }
  F& def(const char* v) { return f_.default_value = std::string(v), *this; }
  F& def(double v) { return f_.default_value = v, *this; }
  F& def(bool v) { return f_.default_value = v, *this; }
  F& def_json(std::string json) { return f_.default_value = DefaultJson{std::move(json)}, *this; }
  F& def_fn() { return f_.default_value = DefaultFunction{}, *this; }
  F& name(std::string column) { return f_.field_name = std::move(column), *this; }
  F& ref(std::string model, std::string field = "id", std::optional<std::string> on_delete = std::nullopt) {
    f_.references = Reference{std::move(model), std::move(field), std::move(on_delete)};
    return *this;
  }
  operator Field() const { return f_; }

 private:
  Field f_;
};

// A plugin table; the model name defaults to the key, as buildAuthTables does.
inline Table table(std::string key, std::vector<Field> fields, std::vector<IndexSpec> indexes = {}) {
  Table t;
  t.model_name = key;
  t.key = std::move(key);
  t.fields = std::move(fields);
  t.indexes = std::move(indexes);
  return t;
}

}  // namespace authmigrate::schema::dsl
