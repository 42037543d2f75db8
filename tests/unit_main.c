/* unit_main.c: the unit-test runner and the helpers the test files
 * share. Every tests/unit_*.c file registers its tests with TEST. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/util.h"
#include "unit.h"

extern const unsigned char asset_interview[];
extern const unsigned long asset_interview_len;

struct unit_test unit_tests[UNIT_MAX];
int unit_ntests;
int unit_fails;
const char *unit_current;

struct doc *
unit_parse(const char *s)
{
	struct doc *d;

	d = doc_new((const uint8_t *)s, strlen(s), "test", DOC_BORROWED);
	doc_parse_all(d);
	return d;
}

struct doc *
unit_seed(void)
{
	struct doc *d;

	d = doc_new(asset_interview, asset_interview_len, "seed",
	    DOC_BORROWED);
	doc_parse_all(d);
	return d;
}

char *
unit_btext(const struct doc *d, size_t b)
{
	return xstrndup((const char *)d->src + d->blocks[b].tstart,
	    d->blocks[b].tend - d->blocks[b].tstart);
}

char *
unit_blabel(const struct doc *d, size_t b)
{
	return xstrndup((const char *)d->src + d->blocks[b].lstart,
	    d->blocks[b].lend - d->blocks[b].lstart);
}

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

int
main(int argc, char **argv)
{
	return unit_run(argc, argv);
}
