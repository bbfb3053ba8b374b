#include "print_error.hpp"

#include <nlohmann/json.hpp>

#include <authmigrate/report/reporter.hpp>

#include "exit_codes.hpp"

namespace authmigrate::cli {

void print_error(const Error& error, bool json, std::ostream& out, std::ostream& err,
                 const base::SecretRedactor& redactor) {
  if (json) {
    nlohmann::ordered_json line = {{"ts", report::utc_timestamp()},
                                   {"level", "error"},
                                   {"event", "error"},
                                   {"kind", std::string(to_string(error.kind))},
                                   {"exit_code", exit_code_for(error.kind)},
                                   {"msg", error.describe()},
                                   {"message", error.message},
                                   {"context", error.context}};
    if (!error.server_code.empty()) line["server_code"] = error.server_code;
    if (!error.hint.empty()) line["hint"] = error.hint;
    out << redactor.redact(line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) << '\n';
    out.flush();
    return;
  }
  err << redactor.redact("authmigrate: error: " + error.describe()) << '\n';
  if (!error.hint.empty()) err << redactor.redact("hint: " + error.hint) << '\n';
  err.flush();
}

}  // namespace authmigrate::cli
