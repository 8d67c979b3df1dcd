#ifndef SOS_TEST_ENVIRONMENT_H
#define SOS_TEST_ENVIRONMENT_H

/// 1 when the test bundle's environment (INPUTRC, TERM) was set at load.
int sos_test_environment_is_set(void);

#endif
