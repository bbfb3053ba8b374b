#include "connect.hpp"

#include <fmt/format.h>

#include <authmigrate/db/open.hpp>

namespace authmigrate::cli {

Result<std::unique_ptr<OpenDatabase>> OpenDatabase::open(Context& ctx) {
  auto url = ctx.database_url();
  if (!url) return fail(std::move(url.error()));
  auto connection = db::open_connection(*url, ctx.session_settings());
  if (!connection) {
    Error error = std::move(connection.error());
    if (error.hint.empty()) {
      error.hint = error.transient ? "is the server up? `authmigrate wait` waits for it with a deadline"
                                   : "check the user, password and database name in the URL";
    }
    return fail(std::move(error.within(fmt::format("connecting to {}", url->redacted()))));
  }
  return std::unique_ptr<OpenDatabase>(new OpenDatabase(std::move(*url), std::move(*connection), ctx.deadline()));
}

}  // namespace authmigrate::cli
