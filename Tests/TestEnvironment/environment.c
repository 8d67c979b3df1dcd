#include <stdlib.h>

#include "TestEnvironment.h"

// Readline reads INPUTRC and TERM when the first reader starts. The terminal tests
// want no inputrc of the machine's and the same terminal type everywhere; they are
// set here, when the test bundle is loaded and before the test runner starts a
// thread, because setenv while other threads read the environment corrupts memory
// (glibc frees the old environment under them).
__attribute__((constructor)) static void sos_set_test_environment(void) {
  setenv("INPUTRC", "/dev/null", 1);
  setenv("TERM", "xterm", 1);
}

int sos_test_environment_is_set(void) {
  const char *inputrc = getenv("INPUTRC");
  return inputrc != NULL && inputrc[0] == '/' ? 1 : 0;
}
