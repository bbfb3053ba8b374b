#include <authmigrate/platform/unified_diff.hpp>

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace authmigrate::platform {

namespace {

constexpr size_t k_context = 3;

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

struct Op {
  char kind;  // ' ', '-', '+'
  size_t a;   // index in before (for ' ' and '-')
  size_t b;   // index in after (for ' ' and '+')
};

// The edit script by longest common subsequence; config files are small. Past a size where the
// table would be large, everything after the common prefix and suffix is replaced as a whole.
std::vector<Op> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  size_t n = a.size() - prefix - suffix;
  size_t m = b.size() - prefix - suffix;
  std::vector<Op> ops;
  for (size_t i = 0; i < prefix; ++i) ops.push_back({' ', i, i});
  if (n * m <= 4'000'000) {
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        ops.push_back({' ', prefix + i++, prefix + j++});
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push_back({'-', prefix + i++, prefix + j});  // removals first, as diff prints them
      } else {
        ops.push_back({'+', prefix + i, prefix + j++});
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) ops.push_back({'-', prefix + i, prefix});
    for (size_t j = 0; j < m; ++j) ops.push_back({'+', prefix + n, prefix + j});
  }
  for (size_t k = 0; k < suffix; ++k) ops.push_back({' ', prefix + n + k, prefix + m + k});
  return ops;
}

std::string range(size_t start, size_t count) {
  // diff -u numbers lines from 1; an empty range names the line before it.
  if (count == 0) return fmt::format("{},0", start);
  if (count == 1) return fmt::format("{}", start + 1);
  return fmt::format("{},{}", start + 1, count);
}

}  // namespace

std::string unified_diff(std::string_view name, const std::optional<std::string>& before, std::string_view after) {
  std::string_view old_text = before ? std::string_view(*before) : std::string_view();
  if (before && old_text == after) return {};
  auto a = lines_of(old_text);
  auto b = lines_of(after);
  auto ops = edit_script(a, b);
  std::string out =
      before ? fmt::format("--- a/{}\n+++ b/{}\n", name, name) : fmt::format("--- /dev/null\n+++ b/{}\n", name);
  size_t k = 0;
  while (k < ops.size()) {
    while (k < ops.size() && ops[k].kind == ' ') ++k;
    if (k == ops.size()) break;
    // A hunk: context before, changes, and context after, merged while changes are close.
    size_t first = k >= k_context ? k - k_context : 0;
    size_t last = k;
    for (size_t scan = k; scan < ops.size(); ++scan) {
      if (ops[scan].kind != ' ')
        last = scan;
      else if (scan - last > 2 * k_context)
        break;
    }
    size_t end = std::min(ops.size(), last + 1 + k_context);
    size_t a_count = 0, b_count = 0;
    for (size_t i = first; i < end; ++i) {
      if (ops[i].kind != '+') ++a_count;
      if (ops[i].kind != '-') ++b_count;
    }
    out += fmt::format("@@ -{} +{} @@\n", range(ops[first].a, a_count), range(ops[first].b, b_count));
    for (size_t i = first; i < end; ++i) {
      std::string_view line = ops[i].kind == '+' ? b[ops[i].b] : a[ops[i].a];
      out += ops[i].kind;
      out += line;
      out += '\n';
    }
    k = end;
  }
  return out;
}

}  // namespace authmigrate::platform
