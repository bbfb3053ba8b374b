// The [better_auth] reader. Structure keys are snake_case; plugin names, table keys and field keys
// are spelled as in Better Auth (twoFactor, organizationRole, emailVerified).
#include <authmigrate/schema/toml_config.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <authmigrate/base/version.hpp>
#include <authmigrate/schema/catalogue.hpp>
#include <authmigrate/schema/did_you_mean.hpp>
#include <authmigrate/schema/toml_field.hpp>
#include <authmigrate/schema/toml_issues.hpp>

namespace authmigrate::schema {

namespace {

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// The TOML section name of a core table: its Better Auth options key in snake_case.
struct CoreSection {
  const char* section;
  const char* table_key;
};
constexpr CoreSection kCoreSections[] = {{"user", "user"},
                                         {"session", "session"},
                                         {"account", "account"},
                                         {"verification", "verification"},
                                         {"rate_limit", "rateLimit"}};

class SectionReader {
 public:
  AuthOptions read(const toml::table& section) {
    static const std::vector<std::string> keys = {"version",    "plugins",      "generate_id", "secondary_storage",
                                                  "use_plural", "schema_name",  "user",        "session",
                                                  "account",    "verification", "rate_limit",  "plugin"};
    // Plugins first: their options are checked against the list.
    if (auto* node = section.get("plugins")) read_plugin_list(*node);
    for (auto [key_ptr, node_ptr] : in_source_order(section)) {
      const toml::key& key = *key_ptr;
      const toml::node& node = *node_ptr;
      std::string k(key.str());
      if (k == "plugins") continue;
      if (k == "version") {
        read_version(node);
      } else if (k == "generate_id") {
        read_generate_id(node);
      } else if (k == "secondary_storage") {
        read_bool(node, options_.secondary_storage);
      } else if (k == "use_plural") {
        read_bool(node, options_.use_plural);
      } else if (k == "schema_name") {
        read_schema_name(node);
      } else if (k == "plugin") {
        read_plugin_options(node);
      } else if (auto* core = find_core(k)) {
        read_core_table(*core, node);
      } else {
        issues_.add(key.source(), fmt::format("unknown option `better_auth.{}`", k), did_you_mean(k, keys));
      }
    }
    return std::move(options_);
  }

  const TomlIssues& issues() const { return issues_; }

 private:
  static const CoreSection* find_core(std::string_view section) {
    for (const auto& c : kCoreSections) {
      if (section == c.section) return &c;
    }
    return nullptr;
  }

  void read_bool(const toml::node& node, bool& out) {
    if (auto v = node.value<bool>()) {
      out = *v;
    } else {
      issues_.add(node.source(), "expected true or false");
    }
  }

  void read_generate_id(const toml::node& node) {
    auto text = node.value<std::string>();
    auto id = text ? parse_id_generation(*text) : std::nullopt;
    if (!id) {
      issues_.add(node.source(), "`generate_id` must be \"default\", \"uuid\" or \"serial\"",
                  text ? did_you_mean(*text, {"default", "uuid", "serial"}) : "");
      return;
    }
    options_.id_generation = *id;
  }

  void read_schema_name(const toml::node& node) {
    auto text = node.value<std::string>();
    if (!text || text->empty()) {
      issues_.add(node.source(), "`schema_name` must be a non-empty PostgreSQL schema name");
      return;
    }
    options_.schema_name = *text;
  }

  void read_plugin_list(const toml::node& node) {
    const toml::array* list = node.as_array();
    if (!list) {
      issues_.add(node.source(), "`plugins` must be a list of plugin names");
      return;
    }
    for (const auto& item : *list) {
      auto name = item.value<std::string>();
      if (!name) {
        issues_.add(item.source(), "a plugin name must be a string");
      } else if (!find_plugin(*name)) {
        issues_.add(item.source(), fmt::format("unknown plugin `{}`", *name), did_you_mean(*name, plugin_names()));
      } else {
        options_.plugins.push_back(PluginConfig{*name, {}, {}});
      }
    }
  }

  void read_core_table(const CoreSection& core, const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table) {
      issues_.add(node.source(), fmt::format("`better_auth.{}` must be a table", core.section));
      return;
    }
    const std::string table_key = core.table_key;
    const bool rate_limit = table_key == "rateLimit";
    TableOptions& out = options_.core[table_key];
    std::vector<std::string> allowed = {"model_name", "fields"};
    if (!rate_limit) allowed.push_back("additional_fields");
    if (table_key == "session") allowed.push_back("store_session_in_database");
    if (table_key == "verification") allowed.push_back("store_in_database");
    if (rate_limit) allowed.push_back("storage");
    std::string where = fmt::format("better_auth.{}", core.section);
    for (auto [key_ptr, value_ptr] : in_source_order(*table)) {
      const toml::key& key = *key_ptr;
      const toml::node& value = *value_ptr;
      std::string k(key.str());
      if (k == "store_session_in_database") {
        read_bool(value, options_.store_session_in_database);
      } else if (k == "store_in_database" && table_key == "verification") {
        read_bool(value, options_.store_verification_in_database);
      } else if (k == "storage" && rate_limit) {
        read_rate_limit_storage(value);
      } else if (contains(allowed, k)) {
        read_table_option(where, k, value, core_field_keys(table_key), out);
      } else {
        issues_.add(key.source(), fmt::format("unknown option `{}.{}`", where, k), did_you_mean(k, allowed));
      }
    }
  }

  void read_rate_limit_storage(const toml::node& node) {
    static const std::vector<std::string> kinds = {"memory", "database", "secondary-storage"};
    auto text = node.value<std::string>();
    if (!text || !contains(kinds, *text)) {
      issues_.add(node.source(), "`storage` must be \"memory\", \"database\" or \"secondary-storage\"",
                  text ? did_you_mean(*text, kinds) : "");
      return;
    }
    options_.rate_limit_in_database = *text == "database";
  }

  // model_name, fields (renames) and additional_fields of one table, core or plugin.
  void read_table_option(const std::string& where, const std::string& key, const toml::node& value,
                         const std::vector<std::string>& field_keys, TableOptions& out) {
    if (key == "model_name") {
      if (auto name = value.value<std::string>(); name && !name->empty()) {
        out.model_name = *name;
      } else {
        issues_.add(value.source(), "`model_name` must be a non-empty string");
      }
    } else if (key == "fields") {
      read_renames(where, value, field_keys, out);
    } else if (key == "additional_fields") {
      read_additional_fields(where, value, out);
    }
  }

  void read_renames(const std::string& where, const toml::node& node, const std::vector<std::string>& field_keys,
                    TableOptions& out) {
    const toml::table* table = node.as_table();
    if (!table) {
      issues_.add(node.source(), fmt::format("`{}.fields` must map field names to column names", where));
      return;
    }
    for (auto [key_ptr, value_ptr] : in_source_order(*table)) {
      const toml::key& key = *key_ptr;
      const toml::node& value = *value_ptr;
      std::string k(key.str());
      auto column = value.value<std::string>();
      if (!contains(field_keys, k)) {
        issues_.add(key.source(), fmt::format("unknown field `{}` in `{}.fields`", k, where),
                    did_you_mean(k, field_keys));
      } else if (!column || column->empty()) {
        issues_.add(value.source(), fmt::format("the column name for `{}` must be a non-empty string", k));
      } else {
        out.field_names.emplace_back(k, *column);
      }
    }
  }

  void read_additional_fields(const std::string& where, const toml::node& node, TableOptions& out) {
    const toml::table* table = node.as_table();
    if (!table) {
      issues_.add(node.source(), fmt::format("`{}.additional_fields` must be a table of fields", where));
      return;
    }
    for (auto [key_ptr, value_ptr] : in_source_order(*table)) {
      const toml::key& key = *key_ptr;
      const toml::node& value = *value_ptr;
      if (auto field = read_toml_field(std::string(key.str()), value, issues_))
        out.additional_fields.push_back(std::move(*field));
    }
  }

  // `version = "1.6.22"`: the better-auth release the schema is for; an exact version, as npm records it.
  void read_version(const toml::node& node) {
    auto text = node.value<std::string>();
    if (!text || !base::parse_version(*text)) {
      issues_.add(node.source(), "`better_auth.version` must be an exact better-auth version, e.g. \"1.6.22\"");
      return;
    }
    options_.better_auth_version = *text;
  }

  void read_plugin_options(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table) {
      issues_.add(node.source(), "`better_auth.plugin` must hold one table per plugin");
      return;
    }
    for (auto [key_ptr, value_ptr] : in_source_order(*table)) {
      const toml::key& key = *key_ptr;
      const toml::node& value = *value_ptr;
      std::string name(key.str());
      auto config = std::find_if(options_.plugins.begin(), options_.plugins.end(),
                                 [&](const PluginConfig& p) { return p.name == name; });
      if (!find_plugin(name)) {
        issues_.add(key.source(), fmt::format("unknown plugin `{}`", name), did_you_mean(name, plugin_names()));
      } else if (config == options_.plugins.end()) {
        issues_.add(key.source(),
                    fmt::format("options for plugin `{}`, which `better_auth.plugins` does not list", name));
      } else if (!value.as_table()) {
        issues_.add(value.source(), fmt::format("`better_auth.plugin.{}` must be a table", name));
      } else {
        read_one_plugin(*find_plugin(name), *value.as_table(), *config);
      }
    }
  }

  void read_one_plugin(const PluginSpec& spec, const toml::table& table, PluginConfig& config) {
    std::vector<std::string> allowed = {"schema"};
    for (const auto& option : spec.options) allowed.push_back(option.name);
    const toml::node* schema = nullptr;
    for (auto [key_ptr, value_ptr] : in_source_order(table)) {
      const toml::key& key = *key_ptr;
      const toml::node& value = *value_ptr;
      std::string k(key.str());
      auto option = std::find_if(spec.options.begin(), spec.options.end(),
                                 [&](const PluginOptionSpec& o) { return o.name == k; });
      if (k == "schema") {
        schema = &value;  // read after the switches, which decide what tables exist
      } else if (option == spec.options.end()) {
        issues_.add(key.source(), fmt::format("unknown option `{}` for plugin `{}`", k, spec.name),
                    did_you_mean(k, allowed));
      } else {
        read_plugin_switch(*option, value, config);
      }
    }
    if (schema) read_plugin_schema(spec, *schema, config);
  }

  void read_plugin_switch(const PluginOptionSpec& option, const toml::node& value, PluginConfig& config) {
    using Kind = PluginOptionSpec::Kind;
    if (option.kind == Kind::boolean && value.is_boolean()) {
      config.options[option.name] = *value.value<bool>();
    } else if (option.kind == Kind::integer && value.is_integer()) {
      config.options[option.name] = *value.value<int64_t>();
    } else if (option.kind == Kind::string && value.is_string()) {
      config.options[option.name] = *value.value<std::string>();
    } else {
      const char* expected = option.kind == Kind::boolean   ? "true or false"
                             : option.kind == Kind::integer ? "an integer"
                                                            : "a string";
      issues_.add(value.source(), fmt::format("`{}` must be {}", option.name, expected));
    }
  }

  void read_plugin_schema(const PluginSpec& spec, const toml::node& node, PluginConfig& config) {
    const toml::table* tables = node.as_table();
    if (!tables) {
      issues_.add(node.source(), "`schema` must hold one table per customised table");
      return;
    }
    for (auto [key_ptr, value_ptr] : in_source_order(*tables)) {
      const toml::key& key = *key_ptr;
      const toml::node& value = *value_ptr;
      std::string table_key(key.str());
      std::string where = fmt::format("better_auth.plugin.{}.schema.{}", spec.name, table_key);
      auto produced = spec.table_fields.find(table_key);
      if (produced == spec.table_fields.end()) {
        issues_.add(key.source(), fmt::format("plugin `{}` has no table `{}`", spec.name, table_key),
                    did_you_mean(table_key, spec.tables));
        continue;
      }
      if (!value.as_table()) {
        issues_.add(value.source(), fmt::format("`{}` must be a table", where));
        continue;
      }
      const std::vector<std::string>& field_keys = produced->second;
      std::vector<std::string> allowed = {"model_name", "fields"};
      if (contains(spec.additional_field_tables, table_key)) allowed.push_back("additional_fields");
      TableOptions& out = config.schema[table_key];
      for (auto [option_ptr, option_value_ptr] : in_source_order(*value.as_table())) {
        const toml::key& option = *option_ptr;
        const toml::node& option_value = *option_value_ptr;
        std::string o(option.str());
        if (!contains(allowed, o)) {
          issues_.add(option.source(), fmt::format("unknown option `{}.{}`", where, o), did_you_mean(o, allowed));
        } else {
          read_table_option(where, o, option_value, field_keys, out);
        }
      }
    }
  }

  AuthOptions options_;
  TomlIssues issues_;
};

}  // namespace

Result<std::optional<AuthOptions>> read_better_auth_section(const toml::table& root) {
  const toml::node* node = root.get("better_auth");
  if (!node) return std::optional<AuthOptions>();
  SectionReader reader;
  if (!node->as_table()) {
    TomlIssues issues;
    issues.add(node->source(), "`better_auth` must be a table");
    return fail(issues.to_error());
  }
  AuthOptions options = reader.read(*node->as_table());
  if (!reader.issues().empty()) return fail(reader.issues().to_error());
  return std::optional<AuthOptions>(std::move(options));
}

Result<std::optional<AuthOptions>> read_better_auth_toml(std::string_view text, std::string_view path) {
  try {
    toml::table root = toml::parse(text, path);
    return read_better_auth_section(root);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source();
    return fail(ErrorKind::config,
                fmt::format("{}:{}:{}: {}", path, where.begin.line, where.begin.column, e.description()));
  }
}

}  // namespace authmigrate::schema
