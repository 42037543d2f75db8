/* ui_search.c: the incremental search bar, as in less and tmux: every edit
 * searches again from where the search started. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>
#include <unistr.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/layout.h"
#include "lectern/search.h"
#include "lectern/state.h"
#include "lectern/text.h"
#include "lectern/ui.h"
#include "lectern/view.h"

#define HISTORY_MAX	500
#define FOLD_CHUNK	(2u << 20)	/* bytes folded between two keys */
#define SCAN_SLICE	(4u << 20)	/* bytes searched between two keys */

static void
load_history(struct ui_search *s)
{
	char *path;

	if (s->history_loaded)
		return;
	s->history_loaded = 1;
	if ((path = state_path("history", 0)) != NULL) {
		state_list_load(&s->history, path);
		free(path);
	}
}

static void
save_history(struct ui *ui, const char *q)
{
	struct ui_search *s = &ui->search;
	char *path;

	load_history(s);
	state_list_add(&s->history, q, HISTORY_MAX);
	if ((path = state_path("history", 1)) == NULL ||
	    state_list_save(&s->history, path) == -1)
		ui_message(ui, "Search history not saved: %s", strerror(errno));
	free(path);
}

/* The source start of match i. */
static size_t
match_start(struct ui_search *s, size_t i)
{
	size_t a, b;

	search_source(s->index, &s->res.m[i], &a, &b);
	return a;
}

/* Shows match i: where it is on screen already, the view stays. */
static void
show_match(struct ui *ui, size_t i)
{
	struct ui_search *s = &ui->search;
	size_t a = match_start(s, i), top, bottom;

	s->cur = i;
	ui->cursor = search_block(s->index, &s->res.m[i]);
	top = view_top_offset(ui->view);
	bottom = view_bottom_offset(ui->view);
	if (a >= top && a < bottom)
		return;
	view_show_offset(ui->view, a);
	if (!view_at_end(ui->view))
		view_scroll(ui->view, -(long)(ui->rows / 4));
}

/* Section counts for the contents. */
static void
count_sections(struct ui *ui)
{
	struct ui_search *s = &ui->search;
	const struct doc *d = ui->doc;
	size_t i, hint = 0, b;

	free(s->counts);
	s->counts = xcalloc(d->nsections + 1, sizeof *s->counts);
	s->ncounts = d->nsections;
	/* Each match in its innermost section, then the sums up the tree
	 * (a subsection always comes after its parent). */
	for (i = 0; i < s->res.n; i++) {
		b = search_block_from(s->index, &s->res.m[i], &hint);
		if (d->blocks[b].section >= 0)
			s->counts[d->blocks[b].section]++;
	}
	for (i = d->nsections; i-- > 0;)
		if (d->sections[i].parent >= 0)
			s->counts[d->sections[i].parent] += s->counts[i];
}

static struct search_scope
scope(struct ui_search *s)
{
	struct search_scope sc;

	sc.kind = s->scope;
	sc.section = s->scope_section;
	sc.speaker = s->scope_speaker;
	return sc;
}

/* Drops the query and its matches. */
static void
forget(struct ui_search *s)
{
	if (s->have)
		search_query_free(&s->q);
	s->have = 0;
	s->scanning = 0;
	s->res.n = 0;
}

/* Picks the match to show once enough is scanned: the nearest from where
 * the search started (before it, for ?), wrapping when there is none. */
static void
pick(struct ui *ui)
{
	struct ui_search *s = &ui->search;
	size_t i;

	if (s->shown || s->res.n == 0)
		return;
	i = search_first_after(s->index, &s->res, s->origin_off);
	if (!s->backward && i < s->res.n) {
		show_match(ui, i);
	} else if (s->scanning) {
		return;		/* it may still come */
	} else if (s->backward) {
		show_match(ui, i > 0 ? i - 1 : s->res.n - 1);
	} else
		show_match(ui, 0);
	s->shown = 1;
}

/* Scans the next slice of the folded text for the query. */
static void
scan(struct ui *ui)
{
	struct ui_search *s = &ui->search;
	struct search_scope sc = scope(s);

	if (!s->scanning)
		return;
	s->scan = search_run_slice(s->index, &s->q, &sc, &s->res, s->scan,
	    ui->script != NULL ? SIZE_MAX : SCAN_SLICE);
	s->scanning = s->scan < search_folded_len(s->index);
	count_sections(ui);
	pick(ui);
}

void
ui_search_scan(struct ui *ui)
{
	scan(ui);
}

/* Searches again for the bar's text; grow when it only got longer. */
static void
update(struct ui *ui, int grow)
{
	struct ui_search *s = &ui->search;
	struct search_query q;
	struct search_scope sc = scope(s);
	char err[256];

	free(s->error);
	s->error = NULL;
	ui->view->top = s->origin;
	s->shown = 0;
	if (s->input.len == 0) {
		forget(s);
		return;
	}
	if (search_query_init(&q, buf_str(&s->input), s->regex, err,
	    sizeof err) == -1) {
		search_query_free(&q);
		s->error = xstrdup(err);
		s->scanning = 0;
		s->res.n = 0;
		return;
	}
	/* A longer query looks only at the matches found so far, and scans
	 * on from where the last one had got to. */
	if (!(grow && s->have && search_refine(s->index, &s->q, &q, &sc,
	    &s->res))) {
		s->res.n = 0;
		s->scan = 0;
	}
	if (s->have)
		search_query_free(&s->q);
	s->q = q;
	s->have = 1;
	s->scanning = 1;
	scan(ui);
	pick(ui);
}

void
ui_search_open(struct ui *ui, int backward)
{
	struct ui_search *s = &ui->search;

	/* The text is folded between keys; a search goes on as it grows. */
	if (s->index == NULL)
		s->index = search_index_begin(ui->doc);
	if (ui->script != NULL)
		search_index_extend(s->index, 0);	/* tests: all at once */
	load_history(s);
	s->bar = 1;
	s->backward = backward;
	s->regex = ui->opt.regex;
	s->scope = SEARCH_ALL;
	buf_reset(&s->input);
	s->origin = ui->view->top;
	s->origin_off = view_top_offset(ui->view);
	s->history_pos = s->history.n;
	forget(s);
	free(s->error);
	s->error = NULL;
}

/* Ends the bar; cancel goes back to where the search started. */
static void
close_bar(struct ui *ui, int cancel)
{
	struct ui_search *s = &ui->search;

	s->bar = 0;
	if (cancel) {
		ui->view->top = s->origin;
		forget(s);
		return;
	}
	if (s->input.len > 0)
		save_history(ui, buf_str(&s->input));
	if (s->error != NULL)
		ui_message(ui, "%s", s->error);
	else if (s->have && s->res.n == 0)
		ui_message(ui, "Not found: %s", buf_str(&s->input));
}

/* Erases the last word (and the spaces after it). */
static void
erase_word(struct buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->len--;
	while (b->len > 0 && b->data[b->len - 1] != ' ')
		b->len--;
	if (b->data != NULL)
		b->data[b->len] = '\0';
}

/* Erases the last character. */
static void
erase_char(struct buf *b)
{
	while (b->len > 0) {
		b->len--;
		if (((unsigned char)b->data[b->len] & 0xC0) != 0x80)
			break;
	}
	if (b->data != NULL)
		b->data[b->len] = '\0';
}

static void
from_history(struct ui *ui, int dir)
{
	struct ui_search *s = &ui->search;

	if (dir < 0 && s->history_pos > 0)
		s->history_pos--;
	else if (dir > 0 && s->history_pos < s->history.n)
		s->history_pos++;
	else
		return;
	buf_reset(&s->input);
	if (s->history_pos < s->history.n)
		buf_adds(&s->input, s->history.items[s->history_pos]);
	update(ui, 0);
}

/* Cycles the scope: everything, this section, this speaker. */
static void
next_scope(struct ui *ui)
{
	struct ui_search *s = &ui->search;
	const struct doc *d = ui->doc;
	size_t b = d->nblocks > 0 ? doc_block_at(d, s->origin_off) : 0;

	switch (s->scope) {
	case SEARCH_ALL:
		s->scope_section = d->nblocks > 0 ? d->blocks[b].section : -1;
		if (s->scope_section >= 0) {
			s->scope = SEARCH_SECTION;
			break;
		}
		/* FALLTHROUGH */
	case SEARCH_SECTION:
		s->scope_speaker = d->nblocks > 0 ? d->blocks[b].speaker : -1;
		if (s->scope_speaker >= 0) {
			s->scope = SEARCH_SPEAKER;
			break;
		}
		/* FALLTHROUGH */
	case SEARCH_SPEAKER:
		s->scope = SEARCH_ALL;
		break;
	}
	update(ui, 0);
}

void
ui_search_key(struct ui *ui, int key)
{
	struct ui_search *s = &ui->search;
	uint8_t mb[8];
	int n;

	switch (keymap_lookup(key, KEYMAP_BAR)) {
	case KEYMAP_BAR_ACCEPT:
		close_bar(ui, 0);
		return;
	case KEYMAP_BAR_CANCEL:
		close_bar(ui, 1);
		return;
	case KEYMAP_BAR_ERASE:
		if (s->input.len == 0) {
			close_bar(ui, 1);
			return;
		}
		erase_char(&s->input);
		update(ui, 0);
		return;
	case KEYMAP_BAR_WORD:
		erase_word(&s->input);
		update(ui, 0);
		return;
	case KEYMAP_BAR_CLEAR:
		buf_reset(&s->input);
		update(ui, 0);
		return;
	case KEYMAP_BAR_OLDER:
		from_history(ui, -1);
		return;
	case KEYMAP_BAR_NEWER:
		from_history(ui, 1);
		return;
	case KEYMAP_BAR_REGEX:
		s->regex = !s->regex;
		update(ui, 0);
		return;
	case KEYMAP_BAR_SCOPE:
		next_scope(ui);
		return;
	default:
		break;
	}
	if (key < 0x20 || key == 0x7f || key >= 0x110000 ||
	    (key >= 0x80 && key < 0xA0))
		return;
	n = u8_uctomb(mb, (ucs4_t)key, sizeof mb);
	if (n <= 0)
		return;
	buf_add(&s->input, mb, (size_t)n);
	update(ui, 1);
}

void
ui_search_next(struct ui *ui, int dir)
{
	struct ui_search *s = &ui->search;
	size_t top = view_top_offset(ui->view), i;
	int visible, wrapped = 0;

	if (!s->have) {
		ui_message(ui, "No search yet: / searches");
		return;
	}
	if (s->res.n == 0) {
		ui_message(ui, "Not found: %s", s->q.text);
		return;
	}
	if (s->backward)
		dir = -dir;
	visible = s->cur < s->res.n && match_start(s, s->cur) >= top &&
	    match_start(s, s->cur) < view_bottom_offset(ui->view);
	if (dir > 0) {
		i = visible ? s->cur + 1 : search_first_after(s->index,
		    &s->res, top + 1);
		if (i >= s->res.n) {
			i = 0;
			wrapped = 1;
		}
	} else {
		i = visible ? s->cur : search_first_after(s->index, &s->res,
		    top);
		if (i == 0) {
			i = s->res.n - 1;
			wrapped = 1;
		} else
			i--;
	}
	show_match(ui, i);
	if (wrapped)
		ui_message(ui, dir > 0 ? "Search wrapped to the top" :
		    "Search wrapped to the bottom");
}

void
ui_search_position(struct ui *ui, char *buf, size_t size)
{
	struct ui_search *s = &ui->search;

	if (!s->have || s->res.n == 0)
		buf[0] = '\0';
	else
		snprintf(buf, size, "%zu/%zu%s", s->cur + 1, s->res.n,
		    s->scanning ? "+" : "");
}

void
ui_search_draw_bar(struct ui *ui)
{
	struct ui_search *s = &ui->search;
	const struct doc *d = ui->doc;
	int y = LINES - 1, x, right;
	struct buf info = { NULL, 0, 0 };
	char pos[64];

	wmove(stdscr, y, 0);
	wclrtoeol(stdscr);
	if (s->regex)
		buf_adds(&info, "regex ");
	if (s->scope == SEARCH_SECTION && s->scope_section >= 0) {
		const struct doc_block *h =
		    &d->blocks[d->sections[s->scope_section].heading];

		buf_adds(&info, "in: ");
		buf_add(&info, d->src + h->tstart, h->tend - h->tstart >
		    24 ? 24 : h->tend - h->tstart);
		buf_adds(&info, " ");
	} else if (s->scope == SEARCH_SPEAKER && s->scope_speaker >= 0) {
		buf_adds(&info, "by: ");
		buf_adds(&info, d->speakers[s->scope_speaker].name);
		buf_adds(&info, " ");
	}
	if (s->error != NULL)
		buf_adds(&info, s->error);
	else if (s->have && s->res.n == 0)
		buf_adds(&info, s->scanning ? "searching" : "no match");
	else if (s->have) {
		ui_search_position(ui, pos, sizeof pos);
		buf_adds(&info, pos);
	}
	right = COLS - (int)text_width((const uint8_t *)buf_str(&info),
	    info.len) - 1;
	if (right < COLS / 2)
		right = COLS / 2;
	ui_draw_text(y, right, COLS, buf_str(&info), info.len,
	    s->error != NULL || (s->have && s->res.n == 0) ?
	    ui_element(UI_E_STATUS_ERR) : ui_element(UI_E_COUNT));
	buf_free(&info);
	x = ui_draw_text(y, 0, right - 1, s->backward ? "?" : "/", 1, A_BOLD);
	x = ui_draw_text(y, x, right - 1, buf_str(&s->input), s->input.len,
	    A_NORMAL);
	if (x < right - 1) {
		/* The cursor, drawn, since the terminal's is hidden. */
		ui_draw_text(y, x, right, " ", 1, A_REVERSE);
	}
}

size_t
ui_search_visible(struct ui *ui, size_t from, size_t to, size_t (*ranges)[2],
    size_t max, int *cur)
{
	struct ui_search *s = &ui->search;
	size_t i, n = 0;

	*cur = -1;
	if (!s->have || s->res.n == 0 || s->index == NULL)
		return 0;
	i = search_first_after(s->index, &s->res, from);
	if (i > 0)
		i--;
	for (; i < s->res.n && n < max; i++) {
		size_t a, b;

		search_source(s->index, &s->res.m[i], &a, &b);
		if (a >= to)
			break;
		if (b <= from)
			continue;
		if (i == s->cur)
			*cur = (int)n;
		ranges[n][0] = a;
		ranges[n][1] = b;
		n++;
	}
	return n;
}

void
ui_search_grew(struct ui *ui)
{
	struct ui_search *s = &ui->search;

	if (s->index == NULL)
		s->index = search_index_begin(ui->doc);
	if (search_index_complete(s->index))
		return;
	search_index_extend(s->index, FOLD_CHUNK);
	/* The same search goes on into the new text. */
	if (s->have && s->scan < search_folded_len(s->index))
		s->scanning = 1;
}

void
ui_search_free(struct ui *ui)
{
	struct ui_search *s = &ui->search;

	if (s->have)
		search_query_free(&s->q);
	search_result_free(&s->res);
	search_index_free(s->index);
	buf_free(&s->input);
	free(s->error);
	free(s->counts);
	state_list_free(&s->history);
}
