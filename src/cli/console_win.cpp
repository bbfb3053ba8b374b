#include "console.hpp"

#include <chrono>
#include <cstdlib>
#include <iostream>

#include <windows.h>

#include <shellapi.h>

#include <authmigrate/base/interrupt.hpp>
#include <authmigrate/base/windows_text.hpp>

namespace authmigrate::cli {

std::vector<std::string> utf8_arguments(int argc, char** argv) {
  int count = 0;
  wchar_t** wide = CommandLineToArgvW(GetCommandLineW(), &count);
  if (!wide) return {argv, argv + argc};
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) out.push_back(base::utf8_from_wide(wide[i]));
  LocalFree(wide);
  return out;
}

namespace {
// The console's code page belongs to the console, not to us: the shell that started us gets its own back.
UINT g_original_output_cp = 0;
void restore_output_cp() { SetConsoleOutputCP(g_original_output_cp); }
}  // namespace

// Ctrl-C during a console read ends the read; the console control handler, on a thread of its own,
// sets the stop flag a moment later: a failed read waits for it briefly.
std::optional<std::string> read_terminal_line() {
  std::string line;
  if (!std::getline(std::cin, line)) {
    std::cin.clear();
    base::sleep_unless_stopped(std::chrono::milliseconds(250));
    return std::nullopt;
  }
  if (base::stop_requested()) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

void prepare_console() {
  g_original_output_cp = GetConsoleOutputCP();
  if (g_original_output_cp != 0 && g_original_output_cp != CP_UTF8) std::atexit(restore_output_cp);
  SetConsoleOutputCP(CP_UTF8);
  for (DWORD which : {STD_OUTPUT_HANDLE, STD_ERROR_HANDLE}) {
    HANDLE h = GetStdHandle(which);
    DWORD mode = 0;
    if (h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode))
      SetConsoleMode(h, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
  }
}

}  // namespace authmigrate::cli
