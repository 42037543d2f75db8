/* ui_out.h: a screen update sent to the terminal as one write. */
#ifndef LECTERN_UI_OUT_H
#define LECTERN_UI_OUT_H

/* From now on, what is written to fd is kept, not sent. */
void	ui_out_hold(int fd);
/* Sends what was kept, in one write where the system takes it whole.
 * Returns 0, or -1 when the terminal took not all of it. */
int	ui_out_send(void);
/* Frees what ui_out keeps. */
void	ui_out_free(void);

#endif
