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

#define UNIT_MAX 1024
/* The registry, in tests/unit_main.c. */
extern struct unit_test unit_tests[UNIT_MAX];
extern int unit_ntests;
extern int unit_fails;		/* in the test being run */
extern const char *unit_current;

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

/* Helpers shared by the test files (tests/unit_main.c). */
struct doc;

/* Parses a NUL-terminated string into a complete document. */
struct doc	*unit_parse(const char *s);
/* The bundled interview, parsed. */
struct doc	*unit_seed(void);
/* Block b's text and label as new strings. */
char		*unit_btext(const struct doc *d, size_t b);
char		*unit_blabel(const struct doc *d, size_t b);

#endif
