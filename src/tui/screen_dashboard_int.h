/* screen_dashboard_int.h - what the dashboard's files share: the
 * screen's state (screen_dashboard.c) and what draws its parts
 * (dash_tiles.c, dash_chart.c); not a public header. */
#ifndef PAYDESK_TUI_SCREEN_DASHBOARD_INT_H
#define PAYDESK_TUI_SCREEN_DASHBOARD_INT_H
#include "backoffice.h"

struct dash {
	struct tui_screen sc;
	int esc_asked; /* Esc asked "log out?": Esc again logs out */
	char month[8];
	int week;     /* the week view: the week containing day */
	int by_gateway; /* the collections by gateway, not by method */
	char day[11]; /* YYYY-MM-DD */
	struct dashboard d;
	int ok;
	unsigned gen; /* t->list_gen when read */
	int bar;      /* the chart's chosen day (0..ndays-1), -1: none */
	/* the signed-in user's tiles in order (issue 23: svc_tiles) */
	enum svc_tile tl[SVC_TILES_SHOWN];
	int ntl;
	char vs[48]; /* the tiles' "vs FY2026-P07" of a fiscal period */
};

/* The period shown holds today (or is later): Right stops there. */
int dash_at_present(const struct dash *b);
/* The KPI tiles from line y, four lines high (dash_tiles.c). */
void dash_tiles(struct dash *b, struct tui *t, int y);
/* The daily collections as a bar chart from line y, rows high. */
void dash_chart(struct dash *b, struct tui *t, int y, int rows);
/* The shares shown: by method, or by gateway (issue 19); *n their count. */
const struct dash_share *dash_shares(const struct dash *b, int *n);
/* The methods block from line y, at most rows high and w wide. */
void dash_methods(struct dash *b, struct tui *t, int y, int rows, int w);
/* The columns of the outstanding block's labels (18, or the widest). */
int dash_out_label_width(void);
/* The outstanding block's three figures; the columns of the widest. */
int dash_out_values(struct dash *b, struct tui *t, char v[4][64]);
/* The outstanding block at x on line y. */
void dash_outstanding(struct dash *b, struct tui *t, int y, int x);

#endif
