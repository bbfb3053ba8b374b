#include <authmigrate/dialect/sqlite_rebuild.hpp>

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <authmigrate/base/text.hpp>
#include <authmigrate/dialect/sql_words.hpp>

namespace authmigrate::dialect {

namespace {

using Kind = SqliteColumnChange::Kind;

struct ColumnInfo {
  std::string name, type;
  bool not_null = false;
  std::optional<std::string> default_sql;
  int pk = 0;
};

Error refused(const std::string& table, std::string why) {
  return Error(ErrorKind::unsafe_change, fmt::format("cannot rebuild SQLite table \"{}\": {}", table, why))
      .with_hint("change the table by hand (https://sqlite.org/lang_altertable.html), then run verify again");
}

Result<db::QueryResult> read_catalog(db::Connection& connection, const std::string& sql, const std::string& table) {
  auto rows = connection.query(sql, {table});
  if (!rows) return fail(std::move(rows.error()).within(fmt::format("reading the SQLite table \"{}\"", table)));
  return rows;
}

bool has_token(const std::vector<std::string>& tokens, std::string_view token) {
  return std::find(tokens.begin(), tokens.end(), token) != tokens.end();
}

// A literal or one of the keywords CREATE TABLE takes bare: current_time/date/timestamp, null,
// true, false, a number, 'text', x'blob'.
bool is_bare_default(std::string_view sql) {
  static const std::vector<std::string> keywords{"current_time", "current_date", "current_timestamp",
                                                 "null",         "true",         "false"};
  std::string low = lower(sql);
  if (std::find(keywords.begin(), keywords.end(), low) != keywords.end()) return true;
  size_t sign = !low.empty() && (low[0] == '-' || low[0] == '+') ? 1 : 0;
  if (low.size() > sign && low.find_first_not_of("0123456789.", sign) == std::string::npos) return true;
  if (low.starts_with("x'")) low.erase(0, 1);
  if (low.size() < 2 || low.front() != '\'' || low.back() != '\'') return false;
  std::string_view inside = std::string_view(low).substr(1, low.size() - 2);
  for (size_t i = 0; i < inside.size(); ++i) {
    if (inside[i] != '\'') continue;
    if (i + 1 >= inside.size() || inside[i + 1] != '\'') return false;  // a quote inside must be doubled
    ++i;
  }
  return true;
}

Result<void> refuse_what_the_catalog_cannot_carry(const std::string& table, const std::vector<std::string>& tokens) {
  if (has_token_pair(tokens, "check", "(")) return fail(refused(table, "it has a CHECK constraint"));
  auto last_paren = std::find(tokens.rbegin(), tokens.rend(), ")");
  bool options =
      std::any_of(tokens.rbegin(), last_paren, [](const std::string& t) { return t == "without" || t == "strict"; });
  if (options) return fail(refused(table, "it is WITHOUT ROWID or STRICT"));
  if (has_token_pair(tokens, "generated", "always") || has_token_pair(tokens, "as", "("))
    return fail(refused(table, "it has a generated column"));
  return {};
}

std::string column_definition(const SqlDialect& d, const ColumnInfo& c, bool inline_pk, bool autoincrement) {
  std::string out = d.quote_identifier(c.name);
  if (!c.type.empty()) out += " " + c.type;
  if (c.not_null) out += " not null";
  if (inline_pk) out += autoincrement ? " primary key autoincrement" : " primary key";
  if (c.default_sql) out += " default " + sqlite_default_clause(*c.default_sql);
  return out;
}

// foreign key ("a") references "t" ("b") on update ... on delete ..., one per constraint id.
Result<std::vector<std::string>> foreign_keys(db::Connection& connection, const SqlDialect& d, const std::string& table,
                                              const std::set<std::string>& dropped) {
  auto rows = read_catalog(
      connection,
      "select id, \"table\", \"from\", \"to\", on_update, on_delete from pragma_foreign_key_list($1) order by id, seq",
      table);
  if (!rows) return fail(std::move(rows.error()));
  std::map<std::string, std::vector<const db::Row*>> by_id;
  std::vector<std::string> order;
  for (const auto& row : rows->rows) {
    if (!by_id.count(*row[0])) order.push_back(*row[0]);
    by_id[*row[0]].push_back(&row);
  }
  std::vector<std::string> clauses;
  for (const auto& id : order) {
    std::vector<std::string> from, to;
    bool touches_dropped = false;
    for (const auto* row : by_id[id]) {
      touches_dropped = touches_dropped || dropped.count((*row)[2].value_or(""));
      from.push_back(d.quote_identifier((*row)[2].value_or("")));
      if ((*row)[3]) to.push_back(d.quote_identifier(*(*row)[3]));
    }
    if (touches_dropped) continue;
    const auto& first = *by_id[id].front();
    std::string clause =
        fmt::format("foreign key ({}) references {}", fmt::join(from, ", "), d.quote_identifier(first[1].value_or("")));
    if (!to.empty()) clause += fmt::format(" ({})", fmt::join(to, ", "));
    if (first[4] && *first[4] != "NO ACTION") clause += " on update " + lower(*first[4]);
    if (first[5] && *first[5] != "NO ACTION") clause += " on delete " + lower(*first[5]);
    clauses.push_back(clause);
  }
  return clauses;
}

// unique (...) for each UNIQUE constraint (the autoindexes of origin "u").
Result<std::vector<std::string>> unique_constraints(db::Connection& connection, const SqlDialect& d,
                                                    const std::string& table, const std::set<std::string>& dropped) {
  auto rows =
      read_catalog(connection,
                   "select l.name, i.name from pragma_index_list($1) as l inner join pragma_index_info(l.name) as i "
                   "where l.origin = 'u' order by l.seq, i.seqno",
                   table);
  if (!rows) return fail(std::move(rows.error()));
  std::vector<std::string> clauses, current;
  std::string index;
  bool skip = false;
  auto flush = [&] {
    if (!current.empty() && !skip) clauses.push_back(fmt::format("unique ({})", fmt::join(current, ", ")));
    current.clear();
    skip = false;
  };
  for (const auto& row : rows->rows) {
    if (row[0].value_or("") != index) {
      flush();
      index = row[0].value_or("");
    }
    skip = skip || dropped.count(row[1].value_or(""));
    current.push_back(d.quote_identifier(row[1].value_or("")));
  }
  flush();
  return clauses;
}

Result<std::vector<ColumnInfo>> read_columns(db::Connection& connection, const std::string& table) {
  auto rows = read_catalog(
      connection, "select name, type, \"notnull\", dflt_value, pk, hidden from pragma_table_xinfo($1) order by cid",
      table);
  if (!rows) return fail(std::move(rows.error()));
  if (rows->rows.empty()) return fail(refused(table, "it does not exist"));
  std::vector<ColumnInfo> columns;
  for (const auto& row : rows->rows) {
    if (row[5].value_or("0") != "0") return fail(refused(table, "it has a generated or hidden column"));
    columns.push_back({row[0].value_or(""), row[1].value_or(""), row[2].value_or("0") == "1", row[3],
                       std::stoi(row[4].value_or("0"))});
  }
  return columns;
}

// The indexes (made by CREATE INDEX) and triggers of the table, as written, minus what goes.
Result<std::vector<std::string>> objects_to_remake(db::Connection& connection, const std::string& table,
                                                   const std::set<std::string>& dropped_columns,
                                                   const std::set<std::string>& dropped_indexes) {
  auto rows =
      read_catalog(connection,
                   "select m.type, m.name, m.sql from sqlite_master as m where m.tbl_name = $1 and m.sql is not null "
                   "and m.type in ('index', 'trigger') order by m.type, m.name",
                   table);
  if (!rows) return fail(std::move(rows.error()));
  std::vector<std::string> statements;
  for (const auto& row : rows->rows) {
    std::string name = row[1].value_or("");
    if (row[0] == "index") {
      if (dropped_indexes.count(lower(name))) continue;
      auto columns = connection.query("select name from pragma_index_info($1)", {name});
      if (!columns) return fail(std::move(columns.error()));
      bool gone = std::any_of(columns->rows.begin(), columns->rows.end(),
                              [&](const db::Row& c) { return dropped_columns.count(c[0].value_or("")) > 0; });
      if (gone)
        return fail(refused(table, fmt::format("index \"{}\" uses a column that is dropped: drop it first", name)));
    }
    statements.push_back(row[2].value_or(""));
  }
  return statements;
}

}  // namespace

std::string sqlite_default_clause(const std::string& sql) { return is_bare_default(sql) ? sql : "(" + sql + ")"; }

Result<std::vector<std::string>> sqlite_rebuild(db::Connection& connection, const SqlDialect& d,
                                                const std::string& table,
                                                const std::vector<SqliteColumnChange>& changes,
                                                const std::set<std::string>& dropped_indexes) {
  auto create = read_catalog(connection, "select sql from sqlite_master where type = 'table' and name = $1", table);
  if (!create) return fail(std::move(create.error()));
  std::string create_sql = create->rows.empty() ? "" : create->rows[0][0].value_or("");
  auto tokens = sql_words(create_sql);
  AM_TRY(refuse_what_the_catalog_cannot_carry(table, tokens));
  auto columns = read_columns(connection, table);
  if (!columns) return fail(std::move(columns.error()));
  std::set<std::string> dropped;
  for (const auto& change : changes) {
    auto column =
        std::find_if(columns->begin(), columns->end(), [&](const ColumnInfo& c) { return c.name == change.column; });
    if (column == columns->end()) return fail(refused(table, fmt::format("it has no column \"{}\"", change.column)));
    if (change.kind == Kind::drop) dropped.insert(change.column);
    if (change.kind == Kind::make_nullable) column->not_null = false;
    if (change.kind == Kind::set_default) column->default_sql = change.default_sql;
  }
  std::erase_if(*columns, [&](const ColumnInfo& c) { return dropped.count(c.name) > 0; });
  int pk_columns =
      static_cast<int>(std::count_if(columns->begin(), columns->end(), [](const ColumnInfo& c) { return c.pk > 0; }));
  bool autoinc = has_token(tokens, "autoincrement");
  std::vector<std::string> parts, names;
  for (const auto& c : *columns) {
    parts.push_back(column_definition(d, c, pk_columns == 1 && c.pk == 1, autoinc));
    names.push_back(d.quote_identifier(c.name));
  }
  if (pk_columns > 1) {
    std::vector<ColumnInfo> keys(*columns);
    std::erase_if(keys, [](const ColumnInfo& c) { return c.pk == 0; });
    std::sort(keys.begin(), keys.end(), [](const ColumnInfo& a, const ColumnInfo& b) { return a.pk < b.pk; });
    std::vector<std::string> key_names;
    for (const auto& k : keys) key_names.push_back(d.quote_identifier(k.name));
    parts.push_back(fmt::format("primary key ({})", fmt::join(key_names, ", ")));
  }
  for (auto* reader : {&unique_constraints, &foreign_keys}) {
    auto clauses = reader(connection, d, table, dropped);
    if (!clauses) return fail(std::move(clauses.error()));
    parts.insert(parts.end(), clauses->begin(), clauses->end());
  }
  auto remade = objects_to_remake(connection, table, dropped, dropped_indexes);
  if (!remade) return fail(std::move(remade.error()));
  std::string scratch = d.quote_identifier("am_rebuild_" + table), quoted = d.quote_identifier(table);
  std::vector<std::string> statements{
      "pragma legacy_alter_table = on",  // views naming the table must not stop the rename
      fmt::format("create table {} ({})", scratch, fmt::join(parts, ", ")),
      fmt::format("insert into {0} ({1}) select {1} from {2}", scratch, fmt::join(names, ", "), quoted),
      "drop table " + quoted,
      fmt::format("alter table {} rename to {}", scratch, quoted),
      "pragma legacy_alter_table = off"};
  statements.insert(statements.end(), remade->begin(), remade->end());
  return statements;
}

}  // namespace authmigrate::dialect
