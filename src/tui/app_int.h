/* app_int.h - what app.c's loop takes from draw.c and keybar.c to
 * redraw the screen; not a public header. */
#ifndef PAYDESK_TUI_APP_INT_H
#define PAYDESK_TUI_APP_INT_H
#include "tui.h"

/* The message line (draw.c): a message too long for it is wrapped over
 * the rows above, up to four. */
void tui_draw_message(struct tui *t);
/* The F-key bar of the top screen (keybar.c). */
void tui_draw_keybar(struct tui *t);

#endif
