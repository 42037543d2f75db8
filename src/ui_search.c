/* ui_search.c: the search bar, as in less and tmux. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/search.h"
#include "lectern/notes.h"
#include "lectern/state.h"
#include "lectern/state_list.h"
#include "lectern/text.h"
#include "lectern/ui_find.h"
#include "lectern/ui_search.h"
#include "lectern/ui_style.h"
#include "lectern/view.h"

#define HISTORY_MAX	500
#define QUERY_MIN	10	/* columns the query keeps beside the labels */
#define ELLIPSIS	"\xE2\x80\xA6"

static void
load_history(struct ui_search *s)
{
	char *path;

	if (s->history_loaded)
		return;
	s->history_loaded = 1;
	if ((path = state_path("history", 0)) != NULL) {
		state_list_load(&s->history, path, HISTORY_MAX);
		free(path);
	}
}

/* The scope of kind k where the search started: its section or its
 * speaker; everything when there is none there (said in the bar). */
static void
set_scope(struct ui *ui, struct ui_search *s, enum search_scope_kind k)
{
	const struct doc *d = ui->file->doc;
	size_t b = d->nblocks > 0 ?
	    doc_block_at(d, ui->file->find->origin_off) : 0;

	s->scope = SEARCH_ALL;
	s->scope_section = d->nblocks > 0 ? d->blocks[b].section : -1;
	s->scope_speaker = d->nblocks > 0 ? d->blocks[b].speaker : -1;
	if (k == SEARCH_SECTION && s->scope_section >= 0)
		s->scope = SEARCH_SECTION;
	else if (k == SEARCH_SPEAKER && s->scope_speaker >= 0)
		s->scope = SEARCH_SPEAKER;
	else if (k != SEARCH_ALL)
		s->note = k == SEARCH_SECTION ? "no section here" :
		    "no speaker here";
}

/*
 * Puts an entry of the history in the bar: the query and, after a tab,
 * how it was searched ("backward regex section"), which comes back with
 * it. An entry of an earlier version is the query alone: it comes back
 * as the bar opened (/ or ?), as the options say, in everything; so does
 * the empty line after the newest entry (entry NULL).
 */
static void
recall(struct ui *ui, struct ui_search *s, const char *entry)
{
	const char *tab, *w;
	enum search_scope_kind k = SEARCH_ALL;
	size_t n;

	buf_reset(&s->input);
	s->backward = s->open_back;
	s->regex = ui->opt.regex;
	if (entry == NULL) {
		set_scope(ui, s, SEARCH_ALL);
		return;
	}
	tab = strchr(entry, '\t');
	buf_add(&s->input, entry, tab != NULL ? (size_t)(tab - entry) :
	    strlen(entry));
	if (tab != NULL)
		for (w = tab + 1; *w != '\0'; w += n + (w[n] == ' ')) {
			n = strcspn(w, " ");
			if (n == 8 && strncmp(w, "backward", n) == 0)
				s->backward = 1;
			else if (n == 7 && strncmp(w, "forward", n) == 0)
				s->backward = 0;
			else if (n == 5 && strncmp(w, "regex", n) == 0)
				s->regex = 1;
			else if (n == 4 && strncmp(w, "text", n) == 0)
				s->regex = 0;
			else if (n == 7 && strncmp(w, "section", n) == 0)
				k = SEARCH_SECTION;
			else if (n == 7 && strncmp(w, "speaker", n) == 0)
				k = SEARCH_SPEAKER;
		}
	set_scope(ui, s, k);
}

/* Saves the queries not saved yet, merged with other readers'. Returns 0
 * or -1 with errno. */
static int
flush_history(struct ui_search *s)
{
	char *path;
	int rc;

	if (s->history.nunsaved == 0)
		return 0;
	if ((path = state_path("history", 1)) == NULL)
		return -1;
	rc = state_list_save(&s->history, path, HISTORY_MAX);
	free(path);
	return rc;
}

/* Adds the query to the history with how it is searched, and saves it. */
static void
save_history(struct ui *ui, struct ui_search *s, const char *q)
{
	char *entry;
	int rc;

	load_history(s);
	entry = xasprintf("%s\t%s %s %s", q, s->backward ? "backward" :
	    "forward", s->regex ? "regex" : "text", s->scope ==
	    SEARCH_SECTION ? "section" : s->scope == SEARCH_SPEAKER ?
	    "speaker" : "all");
	rc = state_list_add(&s->history, entry, HISTORY_MAX);
	free(entry);
	if (rc == -1 || flush_history(s) == 0)
		return;
	if (errno == EWOULDBLOCK)
		return;		/* kept for the next search, or the exit */
	if (errno == EPERM && ui->file->notes != NULL &&
	    ui->file->notes->refused)
		return;		/* said when the reader opened */
	ui_message(ui, "Search history not saved: %s", *state_why() != '\0' ?
	    state_why() : strerror(errno));
}

/* Searches again for the bar's text; grow when it only got longer. */
static void
update(struct ui *ui, struct ui_search *s, int grow)
{
	struct search_scope sc;
	char err[256];

	free(s->error);
	s->error = NULL;
	s->edited = 1;
	sc.kind = s->scope;
	sc.section = s->scope_section;
	sc.speaker = s->scope_speaker;
	if (ui_find_query(ui, ui->file->find, buf_str(&s->input), s->regex,
	    &sc, UI_FIND_NEAR | (grow ? UI_FIND_GROW : 0) |
	    (s->backward ? UI_FIND_BACK : 0),
	    err, sizeof err) == -1)
		s->error = xstrdup(err);
}

void
ui_search_open(struct ui *ui, struct ui_search *s, int backward)
{
	struct ui_find *f = ui->file->find;

	load_history(s);
	ui_find_begin(ui, f);
	free(s->prev);
	s->prev = f->have ? xstrdup(f->q.text) : NULL;
	s->prev_regex = f->have && f->q.regex;
	s->prev_back = f->backward;
	s->prev_cur = f->cur;
	s->prev_scope = f->scope;
	s->edited = 0;
	s->note = NULL;
	s->backward = s->open_back = backward;
	s->regex = ui->opt.regex;
	s->scope = SEARCH_ALL;
	buf_reset(&s->input);
	s->history_pos = s->history.n;
	free(s->error);
	s->error = NULL;
	ui->overlay = &s->pane;
}

/* Esc: back to where the search started, and to the search before. */
static void
cancel(struct ui *ui, struct ui_search *s)
{
	struct ui_find *f = ui->file->find;
	char err[256];

	ui->overlay = NULL;
	ui_find_return(ui, f);
	if (!s->edited)
		return;
	ui_find_forget(f);
	if (s->prev != NULL && ui_find_query(ui, f, s->prev, s->prev_regex,
	    &s->prev_scope, UI_FIND_QUIET | (s->prev_back ? UI_FIND_BACK : 0),
	    err, sizeof err) == 0 && s->prev_cur < f->res.n)
		f->cur = s->prev_cur;
}

/* Enter on an empty bar: the last search again, in the bar's direction
 * (as in less and vi); from the history when there was none yet. */
static int
repeat(struct ui *ui, struct ui_search *s)
{
	struct ui_find *f = ui->file->find;

	if (f->have) {
		ui->overlay = NULL;
		ui_find_return(ui, f);
		f->backward = s->backward;
		ui_find_next(ui, f, 1);
		return 1;
	}
	if (s->history.n == 0)
		return 0;
	recall(ui, s, s->history.items[s->history.n - 1]);
	update(ui, s, 0);
	return 0;
}

/* Ends the bar, keeping the place. */
static void
accept(struct ui *ui, struct ui_search *s)
{
	struct ui_find *f = ui->file->find;

	if (s->input.len == 0 && repeat(ui, s))
		return;
	ui->overlay = NULL;
	if (s->input.len == 0 && !f->have) {
		ui_message(ui, "No search yet: type what to find after /");
		return;
	}
	if (s->input.len > 0)
		save_history(ui, s, buf_str(&s->input));
	ui_find_complete(ui, f);
	if (s->error != NULL)
		ui_message(ui, "%s", s->error);
	else if (f->have && f->res.n == 0 && f->hidden > 0)
		ui_message(ui, "Only in the turns the filter hides (%zu; S "
		    "shows every speaker): %s", f->hidden, buf_str(&s->input));
	else if (f->have && f->res.n == 0)
		ui_message(ui, "Not found: %s", buf_str(&s->input));
}

static void
from_history(struct ui *ui, struct ui_search *s, int dir)
{
	if (dir < 0 && s->history_pos > 0)
		s->history_pos--;
	else if (dir > 0 && s->history_pos < s->history.n)
		s->history_pos++;
	else
		return;
	recall(ui, s, s->history_pos < s->history.n ?
	    s->history.items[s->history_pos] : NULL);
	update(ui, s, 0);
}

/* Cycles the scope: everything, this section, this speaker. */
static void
next_scope(struct ui *ui, struct ui_search *s)
{
	enum search_scope_kind was = s->scope;

	set_scope(ui, s, SEARCH_ALL);
	if (was == SEARCH_ALL && s->scope_section >= 0)
		s->scope = SEARCH_SECTION;
	else if (was != SEARCH_SPEAKER && s->scope_speaker >= 0)
		s->scope = SEARCH_SPEAKER;
	/* Before the first section, outside any turn: say why Tab did
	 * nothing. */
	if (s->scope_section < 0 && s->scope_speaker < 0)
		s->note = "no section or speaker here";
	update(ui, s, 0);
}

static int
search_key(struct ui *ui, struct ui_pane *p, int key, enum keymap_action a,
    long count)
{
	struct ui_search *s = (struct ui_search *)p;

	(void)count;
	s->note = NULL;
	switch (a) {
	case KEYMAP_BAR_ACCEPT:
		accept(ui, s);
		return 1;
	case KEYMAP_BAR_CANCEL:
		cancel(ui, s);
		return 1;
	case KEYMAP_BAR_ERASE:
		if (s->input.len == 0) {
			cancel(ui, s);
			return 1;
		}
		text_erase_char(&s->input);
		update(ui, s, 0);
		return 1;
	case KEYMAP_BAR_WORD:
		text_erase_word(&s->input);
		update(ui, s, 0);
		return 1;
	case KEYMAP_BAR_CLEAR:
		buf_reset(&s->input);
		update(ui, s, 0);
		return 1;
	case KEYMAP_BAR_OLDER:
		from_history(ui, s, -1);
		return 1;
	case KEYMAP_BAR_NEWER:
		from_history(ui, s, 1);
		return 1;
	case KEYMAP_BAR_REGEX:
		s->regex = !s->regex;
		update(ui, s, 0);
		return 1;
	case KEYMAP_BAR_SCOPE:
		next_scope(ui, s);
		return 1;
	case KEYMAP_REDRAW:
		clearok(curscr, TRUE);
		return 1;
	default:
		break;
	}
	if (text_add_key(&s->input, key, SIZE_MAX))
		update(ui, s, 1);
	return 1;
}

/* Appends n bytes of text made safe, cut to cols columns with an
 * ellipsis; cols < 2 leaves it out. */
static void
add_cut(struct buf *b, const uint8_t *s, size_t n, int cols)
{
	struct buf t = { NULL, 0, 0 };

	if (cols < 2)
		return;
	/* What cannot show is not made safe either. */
	text_sanitize(&t, s, text_fit(s, n, cols + 1, NULL));
	text_add_cut(b, buf_str(&t), t.len, cols);
	buf_free(&t);
}

/* The state of the search, at the bar's right: "3/17", "no match"... */
static void
add_state(struct ui *ui, struct ui_search *s, struct buf *b)
{
	const struct ui_hits *h = &ui->hits;

	if (s->error != NULL)
		buf_adds(b, s->error);
	else if (h->active && h->n == 0 && h->more)
		buf_adds(b, "searching");
	else if (h->active && h->n == 0 && h->hidden > 0)
		buf_printf(b, "none shown, %zu hidden", h->hidden);
	else if (h->active && h->n == 0)
		buf_adds(b, "no match");
	else if (h->active)
		buf_printf(b, "%zu/%zu%s", h->cur + 1, h->n,
		    h->more ? "+" : "");
	if (h->active && h->n > 0 && h->hidden > 0)
		buf_printf(b, ", %zu hidden", h->hidden);
}

/* The label of the scope: "in: Section" or "by: Speaker". */
static void
add_scope(struct ui *ui, struct ui_search *s, struct buf *b, int cols)
{
	const struct doc *d = ui->file->doc;
	const uint8_t *t;
	size_t n;

	if (s->scope == SEARCH_SECTION && s->scope_section >= 0) {
		t = doc_section_title(d, (size_t)s->scope_section, &n);
		buf_adds(b, "in: ");
	} else if (s->scope == SEARCH_SPEAKER && s->scope_speaker >= 0) {
		t = (const uint8_t *)d->speakers[s->scope_speaker].name;
		n = strlen((const char *)t);
		buf_adds(b, "by: ");
	} else
		return;
	add_cut(b, t, n, cols - 4);
	buf_adds(b, " ");
}

static int
width_of(struct buf *b)
{
	return (int)text_width((const uint8_t *)buf_str(b), b->len);
}


static void
search_draw(struct ui *ui, struct ui_pane *p)
{
	struct ui_search *s = (struct ui_search *)p;
	const struct ui_hits *h = &ui->hits;
	int y = ui->geom.lines - 1, cols = ui->geom.cols, right, room;
	struct buf info = { NULL, 0, 0 }, state = { NULL, 0, 0 };

	ui_draw_fill(y, 0, cols, A_NORMAL);
	/* The state always shows; the mode and the scope take what is
	 * left once the query has room to be typed. */
	add_state(ui, s, &state);
	room = cols - 1 - QUERY_MIN - width_of(&state) - 1;
	if (s->regex && room >= 6) {
		buf_adds(&info, "regex ");
		room -= 6;
	}
	if (s->note != NULL) {
		add_cut(&info, (const uint8_t *)s->note, strlen(s->note), room);
		buf_adds(&info, " ");
	} else
		add_scope(ui, s, &info, room);
	buf_add(&info, buf_str(&state), state.len);
	right = cols - width_of(&info) - 1;
	if (right < 2)
		right = 2;
	ui_draw_text(y, right, cols, buf_str(&info), info.len,
	    s->error != NULL || (h->active && h->n == 0) ?
	    ui_element(UI_E_STATUS_ERR) : ui_element(UI_E_COUNT));
	buf_free(&info);
	buf_free(&state);
	ui_draw_text(y, 0, right - 1, s->backward ? "?" : "/", 1, A_BOLD);
	ui_draw_input(y, 1, right - 1, buf_str(&s->input), s->input.len);
}

static const struct ui_pane_ops search_ops = {
	"search", KEYMAP_BAR, KEYMAP_IN_BAR, search_draw, search_key, NULL,
	NULL, NULL
};

void
ui_search_init(struct ui_search *s)
{
	memset(s, 0, sizeof *s);
	s->pane.ops = &search_ops;
}

void
ui_search_free(struct ui_search *s)
{
	buf_free(&s->input);
	free(s->error);
	free(s->prev);
	flush_history(s);
	state_list_free(&s->history);
}
