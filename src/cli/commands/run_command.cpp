#include "run_command.hpp"

#include <authmigrate/base/interrupt.hpp>

#include "../exit_codes.hpp"
#include "../print_error.hpp"

namespace authmigrate::cli {

int run_command(const CommonOptions& options, Streams& streams, const std::function<Result<int>(Context&)>& body) {
  auto ctx = Context::create(options, streams.out, streams.err);
  if (!ctx) {
    base::SecretRedactor nothing;
    print_error(ctx.error(), options.log_format == "json", streams.out, streams.err, nothing);
    return exit_code_for(ctx.error().kind);
  }
  auto result = body(**ctx);
  if (result) return *result;
  Error error = std::move(result.error());
  if (auto why = base::stop_requested();
      why && error.kind != ErrorKind::interrupted && error.kind != ErrorKind::deadline) {
    Error stop = base::stop_error();
    error.kind = stop.kind;
    error.context.insert(error.context.begin(), stop.message);
    if (error.hint.empty()) {
      error.hint = *why == ErrorKind::deadline ? "the running statement was cancelled and rolled back; raise --timeout"
                                               : "the running statement was cancelled and rolled back";
    }
  }
  print_error(error, (*ctx)->json(), streams.out, streams.err, (*ctx)->redactor());
  return exit_code_for(error.kind);
}

}  // namespace authmigrate::cli
