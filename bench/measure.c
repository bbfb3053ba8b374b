/* measure RESULT-FILE COMMAND [ARGS...]
 *
 * Runs COMMAND (no shell; stdin, stdout and stderr are inherited) and writes one line to RESULT-FILE:
 *   <wall ns> <peak RSS KiB> <exit code> <user+sys CPU ns>
 * Wall time is CLOCK_MONOTONIC around fork..wait4 (nanoseconds; /usr/bin/time's %e has only 10 ms
 * resolution, too coarse for a no-op run of a few milliseconds). Peak RSS and CPU time are the child's
 * own, from wait4's rusage (ru_maxrss covers the child and the descendants it waited for).
 * Exits with COMMAND's exit code (128+N when it died of signal N). Built by bench/migrations.sh. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long ns_of(struct timespec t) { return (long long)t.tv_sec * 1000000000LL + t.tv_nsec; }
static long long ns_of_tv(struct timeval t) { return (long long)t.tv_sec * 1000000000LL + t.tv_usec * 1000LL; }

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: measure RESULT-FILE COMMAND [ARGS...]\n");
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  if (pid < 0) {
    perror("measure: fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    fprintf(stderr, "measure: cannot run %s: %s\n", argv[2], strerror(errno));
    _exit(127);
  }
  int status = 0;
  struct rusage ru;
  while (wait4(pid, &status, 0, &ru) < 0) {
    if (errno != EINTR) {
      perror("measure: wait4");
      return 2;
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  FILE* out = fopen(argv[1], "w");
  if (!out) {
    fprintf(stderr, "measure: cannot write %s: %s\n", argv[1], strerror(errno));
    return 2;
  }
  fprintf(out, "%lld %ld %d %lld\n", ns_of(t1) - ns_of(t0), ru.ru_maxrss, code,
          ns_of_tv(ru.ru_utime) + ns_of_tv(ru.ru_stime));
  if (fclose(out) != 0) {
    fprintf(stderr, "measure: cannot write %s: %s\n", argv[1], strerror(errno));
    return 2;
  }
  return code;
}
