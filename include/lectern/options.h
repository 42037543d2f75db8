/* options.h: the options of the command line, and the same options from
 * the configuration file and the LECTERN environment variable, in that
 * order of strength: the command line wins. */
#ifndef LECTERN_OPTIONS_H
#define LECTERN_OPTIONS_H

#include <stddef.h>

#include "lectern/ui.h"

enum options_mode {
	OPTIONS_READ, OPTIONS_DUMP, OPTIONS_OUTLINE, OPTIONS_SPEAKERS,
	OPTIONS_BLOCKS, OPTIONS_COUNT, OPTIONS_GREP, OPTIONS_EXPORT
};

/* What the options asked for. */
struct options {
	enum options_mode mode;
	int		 width;		/* --dump's, 0 for the terminal's */
	const char	*query;		/* --count's or --grep's */
	char		**files;	/* the operands: files, "-", folders */
	size_t		 nfiles;
	const char	*library;	/* --library: the folder to open when
					   no file is named */
	struct ui_options ui;
	/* Problems with the configuration file and LECTERN, said on
	 * standard error (and the first on the reader's status line). */
	char		**problems;
	size_t		 nproblems;
	char		**kept;		/* values of the file and LECTERN */
	size_t		 nkept;
};

/* Reads the configuration file ($XDG_CONFIG_HOME/lectern/config), then
 * LECTERN, then the command line into o. Exits with status 2 on a usage
 * error of the command line, and after --help, --version and --keys; a
 * bad line of the file or word of LECTERN is a problem, and ignored. */
void	options_parse(struct options *o, int argc, char **argv);

/* Frees what options_parse made. */
void	options_free(struct options *o);

/* The name of a mode's option ("--outline"), "" for the reader. */
const char *options_mode_name(enum options_mode m);

#endif
