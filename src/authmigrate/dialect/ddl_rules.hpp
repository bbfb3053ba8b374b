// How the Better Auth CLI of a given release writes DDL. The generator changed many times between
// 1.3.0 and 1.7 (types, defaults, ON DELETE, indexes); each difference is a switch here, with the
// release that changed it. Found by running every release's getMigrations on every dialect and id
// option (docs/releases.md). The newest rules are the default.
#pragma once

#include <string_view>

namespace authmigrate::dialect {

struct DdlRules {
  // Dates: PostgreSQL `timestamp` before 1.3.11, then `timestamptz`; MySQL `datetime` before 1.3.11,
  // `timestamp` to 1.3.23, then `timestamp(3)` (era 0, 1, 2).
  int date_era = 2;
  bool timestamp_defaults = true;         // 1.3.7: `default CURRENT_TIMESTAMP` for date fields with a function default
  bool on_delete = true;                  // 1.3.7: `on delete <action>` on references
  bool own_on_delete = true;              // 1.3.24: the field's onDelete (before: always cascade)
  bool jsonb = true;                      // 1.3.10: PostgreSQL json fields are jsonb (before: json)
  bool mysql_arrays_json = true;          // 1.4.6: MySQL string[]/number[] are json (before: "jsonb")
  bool mysql_keyed_varchar = true;        // 1.4.0: MySQL sortable/index strings are varchar(255)
  bool field_indexes = true;              // 1.4.0: `create index "<t>_<c>_idx"` for index fields
  bool unique_index_twin = false;         // 1.4.0-1.6.23: a unique + index field also gets "<t>_<c>_uidx"
  bool uuid_ids = true;                   // 1.4.0: generateId "uuid" makes uuid columns (before: text)
  bool identity_serial = true;            // 1.4.0: PostgreSQL serial ids are identity columns (before: serial)
  bool serial_references_integer = true;  // 1.3.25: PostgreSQL serial references are integer (before: serial)
  bool sqlite_autoincrement = false;      // before 1.3.10: SQLite serial ids are autoincrement
  bool add_column_defaults = true;        // 1.7.0: static defaults on ADD COLUMN
  bool unique_added_as_index = true;      // 1.7.0: a unique column added later is a unique index (before: inline)
};

// The rules of a better-auth release ("1.6.22"); an empty or unreadable version gets the newest.
DdlRules ddl_rules(std::string_view better_auth_version);

}  // namespace authmigrate::dialect
