/* format.c: the table of input formats, and recognising one. */
#include <string.h>
#include <strings.h>

#include "lectern/format.h"

extern const struct format format_plain;
extern const struct format format_webvtt;
extern const struct format format_srt;
extern const struct format format_markdown;
extern const struct format format_court;
extern const struct format format_hearing;
extern const struct format format_play;
extern const struct format format_fountain;
extern const struct format format_html;

const struct format *const format_table[] = {
	&format_plain,
	&format_webvtt,
	&format_srt,
	&format_markdown,
	&format_court,
	&format_hearing,
	&format_play,
	&format_fountain,
	&format_html,
	NULL
};

const struct format *
format_find(const char *name)
{
	size_t i;

	for (i = 0; format_table[i] != NULL; i++)
		if (strcasecmp(format_table[i]->name, name) == 0)
			return format_table[i];
	return NULL;
}

const struct format *
format_sniff(const uint8_t *p, size_t n, const char *name)
{
	const struct format *best = &format_plain;
	const char *dot, *slash;
	char ext[16] = "";
	int score, top = 0;
	size_t i;

	if (n > FORMAT_SNIFF_SIZE)
		n = FORMAT_SNIFF_SIZE;
	if (name != NULL) {
		slash = strrchr(name, '/');
		dot = strrchr(slash != NULL ? slash : name, '.');
		if (dot != NULL && strlen(dot + 1) < sizeof ext) {
			for (i = 0; dot[1 + i] != '\0'; i++)
				ext[i] = (char)(dot[1 + i] >= 'A' &&
				    dot[1 + i] <= 'Z' ? dot[1 + i] + 32 :
				    dot[1 + i]);
			ext[i] = '\0';
		}
	}
	for (i = 0; format_table[i] != NULL; i++) {
		score = format_table[i]->sniff(p, n, ext);
		if (score > top) {
			top = score;
			best = format_table[i];
		}
	}
	return best;
}
