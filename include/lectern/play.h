/* play.h: what the lines of a play are: characters' names, stage
 * directions, acts and scenes (pure functions of bytes; [s, e) are
 * trimmed lines of p). */
#ifndef LECTERN_PLAY_H
#define LECTERN_PLAY_H

#include <stddef.h>
#include <stdint.h>

struct rec_shapes;

#define PLAY_MAX_NAME	40

/* Words that start a direction whatever its length ("Enter", "Exit"),
 * a short one ("Aside", "Sings"), a crowd's name ("All"), a part of the
 * play outside its acts ("PROLOGUE"), a line in capitals that is no
 * one's name ("SCENE", "CURTAIN"), an act and a scene. */
extern const char *const play_strong[], *const play_weak[];
extern const char *const play_crowds[], *const play_parts[];
extern const char *const play_not_names[];
extern const char *const play_acts[], *const play_scenes[];

/* True when the first word of [s, e) is one of list (exact case). */
int	 play_first_word(const uint8_t *p, size_t s, size_t e,
	    const char *const *list);

/* A hash of the word [s, e) in lower case, without a plural's "s" when
 * plural is set. */
uint32_t play_word_hash(const uint8_t *p, size_t s, size_t e, int plural);

/* Counts the words of [s, e) of three letters or more into t (each as
 * written and without a plural's "s"). */
void	 play_add_words(struct rec_shapes *t, const uint8_t *p, size_t s,
	    size_t e);

/* True when [s, e) starts with a numeral: I, IV, 2, ONE, FIRST, Primus. */
int	 play_numeral(const uint8_t *p, size_t s, size_t e);

/* When [s, e) starts with one of the words w and a numeral ("ACT I",
 * "Scene 2") or a numeral and one of them ("FIRST ACT"), the offset
 * after the word; else 0. */
size_t	 play_division(const uint8_t *p, size_t s, size_t e,
	    const char *const *w);

/* True when [s, e) is a name in capitals alone: one to four words of
 * letters (and . ' - &), not "SCENE" or "THE END"; [*ns, *ne) is the
 * name without a final period or colon. */
int	 play_caps_name(const uint8_t *p, size_t s, size_t e, size_t *ns,
	    size_t *ne);

/* True when [s, e) is shaped like a name in Title Case: one to three
 * capitalised words ("First Clown"), "of" and "the" between them. */
int	 play_title_name(const uint8_t *p, size_t s, size_t e);

/* True when [s, e) starts with a name in capitals, a period and the
 * text: "HAMLET. To be"; sets *w to the period. */
int	 play_caps_label(const uint8_t *p, size_t s, size_t e, size_t *w);

/* True when the line [s, e) is a stage direction: 1, or 2 for one in
 * brackets that goes on over the next lines. names holds the words of
 * the characters' names (a line that names one in capitals among words
 * in lower case is a direction); after_name: the line follows a name. */
int	 play_direction(const struct rec_shapes *names, const uint8_t *p,
	    size_t s, size_t e, int after_name);

/* True when the line [s, e) may be a running head: not a name, an act,
 * a scene or a direction. */
int	 play_head_like(const uint8_t *p, size_t s, size_t e);

#endif
