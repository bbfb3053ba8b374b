/* A stand-in for mariadb-dump.exe and mariadb.exe (built as each name) for windows_binary.sh: npm has
 * no Windows MariaDB tools (PostgreSQL's real ones are used: windows/postgres_tools.sh). It tests what
 * authmigrate does with a child process on Windows: the arguments arrive as given (spaces, non-ASCII
 * letters), the password arrives in the environment (MYSQL_PWD) and not on the command line, stdout
 * goes to the backup file, stdin comes from it, the exit code comes back. The dump writes a known
 * payload to stdout; mariadb checks that its stdin holds it.
 * Each run appends what it saw to the file named by AM_STANDIN_LOG. */
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>

static const char payload[] = "authmigrate stand-in dump\n";

int main(void) {
  int argc = 0;
  wchar_t** argv = CommandLineToArgvW(GetCommandLineW(), &argc);
  wchar_t self[MAX_PATH];
  GetModuleFileNameW(NULL, self, MAX_PATH);
  const wchar_t* name = wcsrchr(self, L'\\') ? wcsrchr(self, L'\\') + 1 : self;
  const wchar_t* password = _wgetenv(L"MYSQL_PWD");
  FILE* log = _wfopen(_wgetenv(L"AM_STANDIN_LOG"), L"a, ccs=UTF-8");
  if (!log) return 90;
  int password_in_args = 0;
  fwprintf(log, L"%ls argc=%d password variable=%ls\n", name, argc, password && *password ? L"set" : L"unset");
  for (int i = 1; i < argc; ++i) {
    fwprintf(log, L"arg: %ls\n", argv[i]);
    if (password && *password && wcsstr(argv[i], password)) password_in_args = 1;
  }
  fwprintf(log, L"password in arguments: %ls\n", password_in_args ? L"yes" : L"no");
  int rc = 0;
  if (wcsstr(name, L"dump")) {
    _setmode(_fileno(stdout), _O_BINARY);
    fputs(payload, stdout);
  } else {
    _setmode(_fileno(stdin), _O_BINARY);
    char buffer[64] = {0};
    size_t n = fread(buffer, 1, sizeof buffer - 1, stdin);
    rc = n == strlen(payload) && memcmp(buffer, payload, n) == 0 ? 0 : 1;
    fwprintf(log, L"restored file holds the dump: %ls\n", rc == 0 ? L"yes" : L"no");
    if (rc != 0) fputs("restore stand-in: the file is not the dump\n", stderr);
  }
  fclose(log);
  return rc;
}
