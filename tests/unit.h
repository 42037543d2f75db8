/* unit.h: a small test harness. Each TEST registers itself; the runner
 * prints "PASS name" or "FAIL name: where: what" for each. */
#ifndef LECTERN_UNIT_H
#define LECTERN_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct unit_test {
	const char	*name;
	void		(*fn)(void);
};

#define UNIT_MAX 256
static struct unit_test unit_tests[UNIT_MAX];
static int unit_ntests;
static int unit_fails;		/* in the test being run */
static const char *unit_current;

#define TEST(tname) \
	static void test_##tname(void); \
	__attribute__((constructor)) static void \
	register_##tname(void) \
	{ \
		if (unit_ntests < UNIT_MAX) { \
			unit_tests[unit_ntests].name = #tname; \
			unit_tests[unit_ntests++].fn = test_##tname; \
		} \
	} \
	static void test_##tname(void)

#define UNIT_FAIL(...) do { \
	if (unit_fails++ == 0) \
		printf("FAIL %s: ", unit_current); \
	else \
		printf("     "); \
	printf("%s:%d: ", __FILE__, __LINE__); \
	printf(__VA_ARGS__); \
	printf("\n"); \
} while (0)

#define EXPECT(c) do { \
	if (!(c)) \
		UNIT_FAIL("expected %s", #c); \
} while (0)

#define EXPECT_INT(a, b) do { \
	long long ua_ = (long long)(a), ub_ = (long long)(b); \
	if (ua_ != ub_) \
		UNIT_FAIL("%s is %lld, expected %lld", #a, ua_, ub_); \
} while (0)

#define EXPECT_STR(a, b) do { \
	const char *sa_ = (a), *sb_ = (b); \
	if (sa_ == NULL || strcmp(sa_, sb_) != 0) \
		UNIT_FAIL("%s is\n[%s]\nexpected\n[%s]", #a, \
		    sa_ == NULL ? "(null)" : sa_, sb_); \
} while (0)

/* Runs every test, or those named on the command line. */
static int
unit_run(int argc, char **argv)
{
	int i, j, failed = 0;

	for (i = 0; i < unit_ntests; i++) {
		if (argc > 1) {
			for (j = 1; j < argc; j++)
				if (strcmp(argv[j], unit_tests[i].name) == 0)
					break;
			if (j == argc)
				continue;
		}
		unit_current = unit_tests[i].name;
		unit_fails = 0;
		unit_tests[i].fn();
		if (unit_fails == 0)
			printf("PASS unit/%s\n", unit_tests[i].name);
		else
			failed++;
		fflush(stdout);
	}
	return failed > 0;
}

#endif
