/* ui_find.c: the search in the file being read, as in less and tmux:
 * every edit of the query searches again from where the search began. */
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/search.h"
#include "lectern/ui_find.h"
#include "lectern/util.h"
#include "lectern/view.h"

#define TAKE_CHUNK	(2u << 20)	/* bytes taken in between two keys */
#define SCAN_SLICE	(1u << 20)	/* bytes searched between two keys */
#define NEAR_LEN	3		/* folded bytes from which a query
					   being typed searches it all */
#define NEAR_MAX	(8u << 20)	/* bytes a near search looks at before
					   it searches it all after all */
#define SAVED_MAX	(1u << 16)	/* matches kept of shorter queries */
#define PRE_MIN		(1u << 18)	/* matches of a short query searched
					   for unseen, at least */
#define PRE_BYTES	128		/* text bytes per match kept beyond */

/* True when two scopes are the same part of the document. */
static int
same_scope(const struct search_scope *a, const struct search_scope *b)
{
	return a->kind == b->kind && a->section == b->section &&
	    a->speaker == b->speaker;
}

/* The whole matches of a shorter query, to go back to. */
struct ui_find_saved {
	char		*text;
	struct search_scope scope;
	int		 filter;
	size_t		 folded;	/* the text searched, when it was */
	struct search_match *m;
	size_t		 n;
	int		 skipped;	/* as in struct search_result */
};

/* Forgets the saved matches of queries that text does not start with
 * (all of them with NULL). */
static void
saved_prune(struct ui_find *f, const char *text)
{
	size_t i, k = 0;

	for (i = 0; i < f->nsaved; i++) {
		if (text != NULL && strncmp(f->saved[i].text, text,
		    strlen(f->saved[i].text)) == 0) {
			f->saved[k++] = f->saved[i];
			continue;
		}
		free(f->saved[i].text);
		free(f->saved[i].m);
	}
	f->nsaved = k;
	if (k == 0) {
		free(f->saved);
		f->saved = NULL;
	}
}

/* The matches saved so far. */
static size_t
saved_matches(const struct ui_find *f)
{
	size_t i, n = 0;

	for (i = 0; i < f->nsaved; i++)
		n += f->saved[i].n;
	return n;
}

/* Saves the matches of the query in force when they are all found in
 * the whole text (not near the view, none hidden), and few. */
static void
saved_add(struct ui_find *f)
{
	struct ui_find_saved *sv;
	size_t i;

	if (!f->have || f->q.regex || f->scanning || f->near ||
	    f->hidden > 0 || saved_matches(f) + f->res.n > SAVED_MAX)
		return;
	/* The same query in another scope replaces its matches. */
	for (i = 0; i < f->nsaved; i++)
		if (strcmp(f->saved[i].text, f->q.text) == 0)
			break;
	if (i < f->nsaved) {
		free(f->saved[i].text);
		free(f->saved[i].m);
	} else {
		f->saved = xreallocarray(f->saved, f->nsaved + 1,
		    sizeof *f->saved);
		i = f->nsaved++;
	}
	sv = &f->saved[i];
	sv->text = xstrdup(f->q.text);
	sv->scope = f->scope;
	sv->filter = f->filter;
	sv->folded = search_folded_len(f->index);
	sv->n = f->res.n;
	sv->skipped = f->res.skipped;
	sv->m = xreallocarray(NULL, sv->n > 0 ? sv->n : 1, sizeof *sv->m);
	if (sv->n > 0)
		memcpy(sv->m, f->res.m, sv->n * sizeof *sv->m);
}

/* The saved matches of text within scope, when they are those of the
 * text searched now: NULL otherwise. */
static const struct ui_find_saved *
saved_find(const struct ui_find *f, const char *text,
    const struct search_scope *scope, int filter)
{
	size_t i;

	for (i = 0; i < f->nsaved; i++) {
		const struct ui_find_saved *sv = &f->saved[i];

		if (strcmp(sv->text, text) == 0 && sv->filter == filter &&
		    same_scope(&sv->scope, scope) &&
		    sv->folded == search_folded_len(f->index))
			return sv;
	}
	return NULL;
}

void
ui_find_init(struct ui_find *f)
{
	memset(f, 0, sizeof *f);
}

/* Forgets the unseen search. */
static void
pre_forget(struct ui_find *f)
{
	if (f->prestate != UI_FIND_PRE_NONE &&
	    f->prestate != UI_FIND_PRE_FAILED)
		search_query_free(&f->preq);
	search_result_free(&f->pre);
	free(f->pretext);
	f->pretext = NULL;
	f->prestate = UI_FIND_PRE_NONE;
}

/* True when the unseen search is of the query shown, in its scope. */
static int
pre_current(const struct ui_find *f)
{
	return f->prestate != UI_FIND_PRE_NONE &&
	    strcmp(f->pretext, f->q.text) == 0 &&
	    same_scope(&f->prescope, &f->scope);
}

/* True when there is an unseen search to do: a short query's near
 * matches are all found, and the whole text is taken in. */
static int
pre_wanted(const struct ui_find *f)
{
	return f->have && f->near && !f->scanning && !f->q.regex &&
	    f->index != NULL && search_index_complete(f->index) &&
	    (!pre_current(f) || f->prestate == UI_FIND_PRE_RUN);
}

/* The most matches kept of a short query searched unseen, and with the
 * bytes after them of any plain query. */
static size_t
pre_max(const struct ui_find *f)
{
	size_t n = search_folded_len(f->index) / PRE_BYTES;

	return n > PRE_MIN ? n : PRE_MIN;
}

/* Searches the next slice of the text for the short query, unseen;
 * gives up when it matches too often to be worth keeping. */
static void
pre_work(struct ui_find *f)
{
	char err[128];

	if (!pre_current(f)) {
		pre_forget(f);
		f->pretext = xstrdup(f->q.text);
		f->prescope = f->scope;
		if (search_query_init(&f->preq, f->q.text, 0, err,
		    sizeof err) == -1) {
			search_query_free(&f->preq);
			f->prestate = UI_FIND_PRE_FAILED;
			return;
		}
		f->prescan = 0;
		f->prestate = UI_FIND_PRE_RUN;
		f->pre.want_next = 1;
	}
	f->prescan = search_run_slice(f->index, &f->preq, &f->prescope,
	    &f->pre, f->prescan, SCAN_SLICE);
	/* Past the least kept, a query that would match more than twice
	 * the most at the rate so far (one letter, the commonest pairs)
	 * gives up before its matches take that much memory. */
	if (f->pre.n > pre_max(f) || (f->pre.n > PRE_MIN && f->prescan > 0 &&
	    (double)f->pre.n * (double)search_folded_len(f->index) /
	    (double)f->prescan > 2.0 * (double)pre_max(f))) {
		search_result_free(&f->pre);
		f->prestate = UI_FIND_PRE_OFF;
	} else if (f->prescan >= search_folded_len(f->index))
		f->prestate = UI_FIND_PRE_DONE;
}

/* Takes the unseen search's matches that the longer query q (in scope)
 * still matches, to search on from where it had got to. Returns 1, or
 * 0 when there are none to take. */
static int
pre_take(struct ui_find *f, struct search_query *q,
    const struct search_scope *scope)
{
	if ((f->prestate != UI_FIND_PRE_RUN &&
	    f->prestate != UI_FIND_PRE_DONE) ||
	    !same_scope(&f->prescope, scope) ||
	    !search_narrow(&f->res, &f->pre, &f->preq, q))
		return 0;
	if (!search_refine(f->index, &f->preq, q, scope, &f->res)) {
		f->res.n = 0;
		return 0;
	}
	f->scan = f->prescan;
	return 1;
}

void
ui_find_free(struct ui_find *f)
{
	if (f->have)
		search_query_free(&f->q);
	search_result_free(&f->res);
	search_index_free(f->index);
	free(f->counts);
	saved_prune(f, NULL);
	pre_forget(f);
	memset(f, 0, sizeof *f);
}

void
ui_find_forget(struct ui_find *f)
{
	if (f->have)
		search_query_free(&f->q);
	f->have = 0;
	f->scanning = 0;
	f->near = 0;
	f->res.n = 0;
	f->checked = f->hidden = 0;
	f->counted = SIZE_MAX;
	saved_prune(f, NULL);
	pre_forget(f);
}

/* Drops the matches found since the last call that are in turns the
 * view hides, counting them. */
static void
drop_hidden(struct ui *ui, struct ui_find *f)
{
	struct view *v = ui->file->view;
	size_t i, k = f->checked, hint = 0;

	if (f->filter < 0) {
		f->checked = f->res.n;
		return;
	}
	for (i = f->checked; i < f->res.n; i++) {
		if (!view_visible(v, search_block_from(f->index, &f->res.m[i],
		    &hint))) {
			f->hidden++;
			continue;
		}
		if (f->res.want_next)
			f->res.next[k] = f->res.next[i];
		f->res.m[k++] = f->res.m[i];
	}
	if (k < f->res.n && f->counted > k)
		f->counted = SIZE_MAX;	/* some counted went: anew */
	f->res.n = k;
	f->checked = k;
}

void
ui_find_begin(struct ui *ui, struct ui_find *f)
{
	struct view *v = ui->file->view;

	if (f->index == NULL)
		f->index = search_index_begin(ui->file->doc);
	if (ui->scripted)
		search_index_extend(f->index, 0);	/* tests: all at once */
	f->origin = view_place(v);
	f->origin_off = view_top_offset(v);
}

/* The source start of match i. */
static size_t
match_start(struct ui_find *f, size_t i)
{
	size_t a, b;

	search_source(f->index, &f->res.m[i], &a, &b);
	return a;
}

/* Shows match i: where it is on screen already, the view stays. */
static void
show_match(struct ui *ui, struct ui_find *f, size_t i)
{
	struct view *v = ui->file->view;
	size_t a = match_start(f, i), top, bottom;

	f->cur = i;
	ui_cursor_set(ui, search_block(f->index, &f->res.m[i]));
	top = view_top_offset(v);
	bottom = view_bottom_offset(v);
	if (a >= top && a < bottom)
		return;
	view_show_offset(v, a);
	if (!view_at_end(v))
		view_scroll(v, -(long)(ui->geom.rows / 4));
}

/* Section counts for the contents: the matches found since the last
 * call are added to their section and the sections holding it, so that a
 * long search costs its new matches only. */
static void
count_sections(struct ui *ui, struct ui_find *f)
{
	const struct doc *d = ui->file->doc;
	size_t i, b;
	int s;

	if (f->counted > f->res.n) {
		/* Matches went (a longer query, hidden turns): anew. */
		if (f->ncounts > 0)
			memset(f->counts, 0, f->ncounts * sizeof *f->counts);
		f->counted = 0;
		f->count_hint = 0;
	}
	if (d->nsections > f->ncounts) {
		f->counts = xreallocarray(f->counts, d->nsections,
		    sizeof *f->counts);
		memset(f->counts + f->ncounts, 0, (d->nsections - f->ncounts) *
		    sizeof *f->counts);
		f->ncounts = d->nsections;
	}
	for (i = f->counted; i < f->res.n; i++) {
		b = search_block_from(f->index, &f->res.m[i], &f->count_hint);
		for (s = d->blocks[b].section; s >= 0 && (size_t)s <
		    f->ncounts; s = d->sections[s].parent)
			f->counts[s]++;
	}
	f->counted = f->res.n;
}

/* Picks the match to show once enough is scanned: the nearest from where
 * the search started (before it, for ?), wrapping when there is none. */
static void
pick(struct ui *ui, struct ui_find *f)
{
	size_t i;

	if (f->shown || f->res.n == 0)
		return;
	i = search_first_after(f->index, &f->res, f->origin_off);
	if (!f->backward && i < f->res.n) {
		show_match(ui, f, i);
	} else if (f->scanning) {
		return;		/* it may still come */
	} else if (f->backward) {
		show_match(ui, f, i > 0 ? i - 1 : f->res.n - 1);
	} else
		show_match(ui, f, 0);
	f->shown = 1;
}

/* True when a near search has found what it looks for: the screen
 * searched, and a match after where the search began. */
static int
near_done(struct ui *ui, struct ui_find *f)
{
	return f->scan > view_bottom_offset(ui->file->view) && f->res.n > 0 &&
	    f->res.m[f->res.n - 1].fs >= f->origin_off;
}

/* Searches the next slice of the text for the query. */
static void
scan(struct ui *ui, struct ui_find *f)
{
	if (!f->scanning)
		return;
	f->scan = search_run_slice(f->index, &f->q, &f->scope, &f->res,
	    f->scan, f->near ? SCAN_SLICE / 16 : ui->scripted ? SIZE_MAX :
	    SCAN_SLICE);
	f->scanning = f->scan < search_folded_len(f->index);
	if (f->res.want_next && f->res.n > pre_max(f))
		search_result_forget_next(&f->res);	/* too dear */
	drop_hidden(ui, f);
	if (f->near && f->scanning && (near_done(ui, f) ||
	    f->scan - f->near_from > NEAR_MAX)) {
		if (!near_done(ui, f)) {
			/* Not near: the whole text after all. */
			f->near = 0;
			f->res.n = 0;
			f->scan = 0;
			f->checked = f->hidden = 0;
			f->counted = SIZE_MAX;
			return;
		}
		f->scanning = 0;
	}
	if (!f->near)
		count_sections(ui, f);
	pick(ui, f);
}

int
ui_find_query(struct ui *ui, struct ui_find *f, const char *text, int regex,
    const struct search_scope *scope, int flags, char *err, size_t size)
{
	struct search_query q;
	struct search_scope old = f->scope;
	const struct ui_find_saved *sv;
	int grow = flags & UI_FIND_GROW, near, taken, counted;

	saved_add(f);
	saved_prune(f, text);
	if (!(flags & UI_FIND_QUIET))
		view_restore(ui->file->view, f->origin);
	f->shown = (flags & UI_FIND_QUIET) != 0;
	f->cur = 0;
	f->backward = (flags & UI_FIND_BACK) != 0;
	f->scope = *scope;
	f->filter = ui->file->view->filter;
	if (*text == '\0') {
		ui_find_forget(f);
		return 0;
	}
	if (search_query_init(&q, text, regex, err, size) == -1) {
		search_query_free(&q);
		ui_find_forget(f);
		return -1;
	}
	sv = regex ? NULL : saved_find(f, text, scope, ui->file->view->filter);
	near = sv == NULL && (flags & UI_FIND_NEAR) && !regex &&
	    !f->backward && q.nfolded < NEAR_LEN;
	taken = 0;
	/* A longer query refined keeps each match where it was, or inside
	 * it: in its block, so the contents' counts hold but for matches
	 * that went (count_sections sees those). */
	counted = !f->near && !near && f->counted == f->res.n;
	if (sv != NULL) {
		/* Back to a shorter query (Backspace): its matches. */
		UTIL_GROW(f->res.m, f->res.cap, sv->n);
		if (sv->n > 0)
			memcpy(f->res.m, sv->m, sv->n * sizeof *sv->m);
		f->res.n = sv->n;
		f->res.skipped = sv->skipped;
		f->res.want_next = 0;
		f->scan = sv->folded;
	} else if (grow && !near && f->have && f->near &&
	    (taken = pre_take(f, &q, scope))) {
		/* The short query searched unseen: its matches refined. */
	} else if (!(grow && f->have && old.kind == scope->kind &&
	    f->hidden == 0 && (near || !f->near) &&
	    search_refine(f->index, &f->q, &q, scope, &f->res))) {
		/* A longer query looks only at the matches found so far,
		 * and scans on from where the last one had got to (not when
		 * matches were dropped as hidden: they may match still, nor
		 * when only those near the view were looked for and the
		 * whole text is to be now). The bytes after a plain query's
		 * matches are kept for the next letter. */
		f->res.n = 0;
		f->res.want_next = !regex;
		f->scan = 0;
		counted = 0;
		if (near) {
			const struct doc *d = ui->file->doc;

			f->scan = d->nblocks == 0 ? 0 : d->blocks[doc_block_at(d,
			    f->origin_off)].start;
			f->near_from = f->scan;
		}
	}
	f->near = near;
	f->checked = taken ? 0 : f->res.n;	/* none were checked yet */
	f->hidden = 0;
	if (sv != NULL || taken || !counted)
		f->counted = SIZE_MAX;	/* count anew */
	if (f->have)
		search_query_free(&f->q);
	f->q = q;
	f->have = 1;
	f->scanning = sv == NULL;
	if (sv != NULL)
		count_sections(ui, f);
	scan(ui, f);
	pick(ui, f);
	return 0;
}

void
ui_find_complete(struct ui *ui, struct ui_find *f)
{
	if (!f->have || !f->near)
		return;
	/* The current match is where the whole search's pick lands. */
	if (f->res.n > 0 && f->cur < f->res.n)
		f->origin_off = f->res.m[f->cur].fs;
	f->near = 0;
	if (pre_current(f) && (f->prestate == UI_FIND_PRE_RUN ||
	    f->prestate == UI_FIND_PRE_DONE)) {
		/* The unseen search has found all or some of it: its
		 * matches, and on from where it got to. */
		struct search_result t = f->res;

		f->res = f->pre;
		f->pre = t;
		f->scan = f->prescan;
		pre_forget(f);
	} else {
		f->res.n = 0;
		f->scan = 0;
	}
	f->checked = f->hidden = 0;
	f->counted = SIZE_MAX;
	f->shown = 0;
	f->scanning = 1;
	scan(ui, f);
}

void
ui_find_return(struct ui *ui, struct ui_find *f)
{
	view_restore(ui->file->view, f->origin);
}

void
ui_find_follow(struct ui *ui, struct ui_find *f)
{
	if (!f->have || f->filter == ui->file->view->filter)
		return;
	/* Search the new set of turns; stay where the view is. */
	f->filter = ui->file->view->filter;
	f->near = 0;
	f->res.n = 0;
	f->scan = 0;
	f->checked = f->hidden = 0;
	f->counted = SIZE_MAX;
	f->cur = 0;
	f->shown = 1;
	f->scanning = 1;
	scan(ui, f);
}

void
ui_find_next(struct ui *ui, struct ui_find *f, int dir)
{
	struct view *v = ui->file->view;
	size_t top = view_top_offset(v), i;
	int visible, wrapped = 0;

	if (!f->have) {
		ui_message(ui, "No search yet: / searches");
		return;
	}
	if (f->res.n == 0 && f->hidden > 0) {
		ui_message(ui, "Only in the turns the filter hides (%zu; S "
		    "shows every speaker): %s", f->hidden, f->q.text);
		return;
	}
	if (f->res.n == 0) {
		ui_message(ui, "Not found: %s", f->q.text);
		return;
	}
	if (f->backward)
		dir = -dir;
	visible = f->cur < f->res.n && match_start(f, f->cur) >= top &&
	    match_start(f, f->cur) < view_bottom_offset(v);
	if (dir > 0) {
		i = visible ? f->cur + 1 : search_first_after(f->index,
		    &f->res, top + 1);
		if (i >= f->res.n) {
			i = 0;
			wrapped = 1;
		}
	} else {
		i = visible ? f->cur : search_first_after(f->index, &f->res,
		    top);
		if (i == 0) {
			i = f->res.n - 1;
			wrapped = 1;
		} else
			i--;
	}
	show_match(ui, f, i);
	if (wrapped)
		ui_message(ui, dir > 0 ? "Search wrapped to the top" :
		    "Search wrapped to the bottom");
}

int
ui_find_scanning(const struct ui_find *f)
{
	return f->scanning;
}

int
ui_find_pending(const struct ui_find *f)
{
	return f->index == NULL || f->scanning ||
	    !search_index_complete(f->index) || pre_wanted(f);
}

void
ui_find_work(struct ui *ui, struct ui_find *f)
{
	if (f->scanning) {
		scan(ui, f);
		return;
	}
	if (f->index == NULL)
		f->index = search_index_begin(ui->file->doc);
	if (pre_wanted(f))
		pre_work(f);
	if (search_index_complete(f->index))
		return;
	search_index_extend(f->index, TAKE_CHUNK);
	/* The same search goes on into the new text. */
	if (f->have && f->scan < search_folded_len(f->index))
		f->scanning = 1;
}

size_t
ui_find_size(const struct ui_find *f)
{
	return (f->index != NULL ? search_index_size(f->index) : 0) +
	    f->res.cap * sizeof *f->res.m +
	    f->res.capnext * sizeof *f->res.next +
	    f->pre.cap * sizeof *f->pre.m +
	    f->pre.capnext * sizeof *f->pre.next +
	    f->ncounts * sizeof *f->counts;
}

void
ui_find_hits(struct ui *ui, struct ui_find *f)
{
	struct ui_hits *h = &ui->hits;
	struct view *v = ui->file->view;
	size_t i, from, to;

	h->active = f->have;
	h->n = f->have ? f->res.n : 0;
	h->cur = f->cur;
	h->more = f->scanning || f->near;
	h->hidden = f->have ? f->hidden : 0;
	h->counts = f->near ? NULL : f->counts;
	h->ncounts = f->near ? 0 : f->ncounts;
	h->nranges = 0;
	h->rcur = -1;
	if (!f->have || f->res.n == 0 || f->index == NULL ||
	    ui->file->doc->nblocks == 0)
		return;
	from = view_top_offset(v);
	to = view_bottom_offset(v) + 1;
	i = search_first_after(f->index, &f->res, from);
	if (i > 0)
		i--;
	for (; i < f->res.n; i++) {
		size_t a, b;

		search_source(f->index, &f->res.m[i], &a, &b);
		if (a >= to)
			break;
		if (b <= from)
			continue;
		if (i == f->cur)
			h->rcur = (long)h->nranges;
		UTIL_GROW(h->ranges, h->capranges, h->nranges + 1);
		h->ranges[h->nranges][0] = a;
		h->ranges[h->nranges][1] = b;
		h->nranges++;
	}
}
