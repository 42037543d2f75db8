/* maxwidth.c: prints the display width of the widest line of a file,
 * measured with the C library's wcwidth, independently of lectern. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int
main(int argc, char **argv)
{
	FILE *f;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int worst = 0;

	setlocale(LC_ALL, "C.UTF-8");
	if (argc != 2 || (f = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: maxwidth FILE\n");
		return 2;
	}
	while ((n = getline(&line, &cap, f)) != -1) {
		mbstate_t st;
		const char *p = line;
		size_t left = (size_t)n;
		int w = 0;

		memset(&st, 0, sizeof st);
		while (left > 0 && *p != '\n') {
			wchar_t wc;
			size_t k = mbrtowc(&wc, p, left, &st);
			int cw;

			if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
				memset(&st, 0, sizeof st);
				k = 1;
				cw = 1;
			} else {
				cw = wcwidth(wc);
				if (cw < 0)
					cw = 1;
			}
			w += cw;
			p += k;
			left -= k;
		}
		if (w > worst)
			worst = w;
	}
	printf("%d\n", worst);
	free(line);
	fclose(f);
	return 0;
}
