/* Sends a console control event to a program, as a user's Ctrl-C or Ctrl-Break in a console window
 * would, for windows_binary.sh (Wine runs the tests without a console).
 *   console_ctrl.exe c|break GO-FILE PROGRAM [ARGS...]
 * Starts PROGRAM on the console this helper has (it makes one when Wine gave it none), its standard
 * handles ours; waits until GO-FILE exists (the test creates it once PROGRAM is busy); then sends
 * CTRL_C_EVENT to every process on the console (a key press: the helper's own handler swallows it)
 * or CTRL_BREAK_EVENT to PROGRAM's process group (it is started in a group of its own). Prints
 * "console_ctrl: event sent" to stderr, and exits with PROGRAM's exit code; 120 when the event could
 * not be sent, 121 when PROGRAM did not exit within 60 s of it (then it is terminated), 122 when GO-FILE
 * did not appear within 120 s, 123 for bad usage or a PROGRAM that does not start.
 * Wine 8 delivers CTRL_C_EVENT only (as SIGINT to the process, which runs the console handlers): its
 * server answers CTRL_BREAK_EVENT with STATUS_NOT_IMPLEMENTED, and `break` then exits 120. On Windows
 * both work. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>

static BOOL WINAPI swallow(DWORD event) { return event == CTRL_C_EVENT; }

/* The command line from PROGRAM on, as given to us: the tokens before it are plain words. */
static wchar_t* program_command_line(void) {
  wchar_t* p = GetCommandLineW();
  for (int token = 0; token < 3; ++token) {
    int quoted = 0;
    while (*p == L' ' || *p == L'\t') ++p;
    for (; *p && (quoted || (*p != L' ' && *p != L'\t')); ++p)
      if (*p == L'"') quoted = !quoted;
  }
  while (*p == L' ' || *p == L'\t') ++p;
  return p;
}

static HANDLE inheritable(DWORD which) {
  HANDLE h = GetStdHandle(which);
  if (h && h != INVALID_HANDLE_VALUE) SetHandleInformation(h, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
  return h;
}

int wmain(int argc, wchar_t** argv) {
  if (argc < 4 || (wcscmp(argv[1], L"c") != 0 && wcscmp(argv[1], L"break") != 0)) {
    fputs("usage: console_ctrl.exe c|break GO-FILE PROGRAM [ARGS...]\n", stderr);
    return 123;
  }
  int ctrl_c = wcscmp(argv[1], L"c") == 0;
  STARTUPINFOW startup = {sizeof startup};
  startup.dwFlags = STARTF_USESTDHANDLES;
  startup.hStdInput = inheritable(STD_INPUT_HANDLE);
  startup.hStdOutput = inheritable(STD_OUTPUT_HANDLE);
  startup.hStdError = inheritable(STD_ERROR_HANDLE);
  DWORD pids[4];
  if (GetConsoleProcessList(pids, 4) == 0) { /* Wine started us from a shell: no console yet */
    FreeConsole();
    if (!AllocConsole()) {
      fprintf(stderr, "console_ctrl: no console and AllocConsole failed (%lu)\n", GetLastError());
      return 123;
    }
  }
  if (ctrl_c) SetConsoleCtrlHandler(swallow, TRUE);
  PROCESS_INFORMATION child;
  DWORD flags = ctrl_c ? 0 : CREATE_NEW_PROCESS_GROUP;
  if (!CreateProcessW(NULL, program_command_line(), NULL, NULL, TRUE, flags, NULL, NULL, &startup, &child)) {
    fprintf(stderr, "console_ctrl: cannot start the program (%lu)\n", GetLastError());
    return 123;
  }
  int waited_ms = 0;
  while (GetFileAttributesW(argv[2]) == INVALID_FILE_ATTRIBUTES) {
    if (WaitForSingleObject(child.hProcess, 100) == WAIT_OBJECT_0) break; /* it ended on its own */
    if ((waited_ms += 100) >= 120000) {
      TerminateProcess(child.hProcess, 1);
      return 122;
    }
  }
  if (!GenerateConsoleCtrlEvent(ctrl_c ? CTRL_C_EVENT : CTRL_BREAK_EVENT, ctrl_c ? 0 : child.dwProcessId)) {
    fprintf(stderr, "console_ctrl: GenerateConsoleCtrlEvent failed (%lu)\n", GetLastError());
    TerminateProcess(child.hProcess, 1);
    return 120;
  }
  fputs("console_ctrl: event sent\n", stderr);
  if (WaitForSingleObject(child.hProcess, 60000) != WAIT_OBJECT_0) {
    TerminateProcess(child.hProcess, 1);
    return 121;
  }
  DWORD code = 1;
  GetExitCodeProcess(child.hProcess, &code);
  return (int)code;
}
