// The schema-relevant part of a Better Auth configuration (`betterAuth({...})` options), typed.
// The TOML reader fills it; the catalogue turns it into AuthTables.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <authmigrate/schema/auth_tables.hpp>
#include <authmigrate/schema/field.hpp>

namespace authmigrate::schema {

// How options reshape one table: `modelName`, `fields: { key: "column" }`, `additionalFields`.
struct TableOptions {
  std::optional<std::string> model_name;
  std::vector<std::pair<std::string, std::string>> field_names;  // field key -> column name
  std::vector<Field> additional_fields;
};

using OptionValue = std::variant<bool, int64_t, std::string>;

// One plugin in `plugins: [...]` with its schema-relevant options.
struct PluginConfig {
  std::string name;                            // as Better Auth exports it: "twoFactor"
  std::map<std::string, OptionValue> options;  // plugin switches, e.g. "teams" = true
  std::map<std::string, TableOptions> schema;  // the plugin's `schema` option, by table key

  bool flag(const std::string& option, bool fallback = false) const;
  int64_t integer(const std::string& option, int64_t fallback) const;
  std::optional<std::string> text(const std::string& option) const;
};

struct AuthOptions {
  // `version` in [better_auth]: the better-auth release the app runs (an exact version); empty: not said.
  std::string better_auth_version;
  // user, session, account, verification, rateLimit: modelName / fields / additionalFields.
  std::map<std::string, TableOptions> core;
  bool rate_limit_in_database = false;          // rateLimit.storage === "database"
  bool secondary_storage = false;               // secondaryStorage is set
  bool store_session_in_database = false;       // session.storeSessionInDatabase
  bool store_verification_in_database = false;  // verification.storeInDatabase
  IdGeneration id_generation = IdGeneration::standard;
  // The adapter's usePlural. Better Auth's SQL migrator ignores it (tables keep singular names);
  // kept for the Prisma/Drizzle generators, which append an "s".
  bool use_plural = false;
  // database.schemaName (PostgreSQL, better-auth 1.7.7+): the schema every table lives in; empty
  // means the connection's current schema (the first existing one on its search_path).
  std::string schema_name;
  std::vector<PluginConfig> plugins;  // in the order of `plugins: [...]`
};

}  // namespace authmigrate::schema
