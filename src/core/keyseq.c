/* keyseq.c - a terminal's escape sequences read whole (ECMA-48), and the
 * keys of the common xterm and vt ones, for a terminal type whose
 * terminfo lacks them (TERM=vt100: Home, PgDn). */
#include <string.h>

#include "paydesk/keyseq.h"

/* The sequences after ESC and their keys: xterm's CSI and SS3 cursor
 * keys, the vt220 editing keys (ESC [ n ~), rxvt's Home/End (7~, 8~),
 * F1-F4 as SS3 and F1-F12 as ESC [ n ~. */
static const struct {
	const char *seq;
	int key;
} seqs[] = {
    {"[A", KEYSEQ_UP},
    {"[B", KEYSEQ_DOWN},
    {"[C", KEYSEQ_RIGHT},
    {"[D", KEYSEQ_LEFT},
    {"OA", KEYSEQ_UP},
    {"OB", KEYSEQ_DOWN},
    {"OC", KEYSEQ_RIGHT},
    {"OD", KEYSEQ_LEFT},
    {"[H", KEYSEQ_HOME},
    {"OH", KEYSEQ_HOME},
    {"[1~", KEYSEQ_HOME},
    {"[7~", KEYSEQ_HOME},
    {"[F", KEYSEQ_END},
    {"OF", KEYSEQ_END},
    {"[4~", KEYSEQ_END},
    {"[8~", KEYSEQ_END},
    {"[2~", KEYSEQ_INSERT},
    {"[3~", KEYSEQ_DELETE},
    {"[5~", KEYSEQ_PGUP},
    {"[6~", KEYSEQ_PGDN},
    {"[Z", KEYSEQ_BTAB},
    {"OM", KEYSEQ_ENTER},
    {"OP", KEYSEQ_F1},
    {"OQ", KEYSEQ_F1 + 1},
    {"OR", KEYSEQ_F1 + 2},
    {"OS", KEYSEQ_F1 + 3},
    {"[11~", KEYSEQ_F1},
    {"[12~", KEYSEQ_F1 + 1},
    {"[13~", KEYSEQ_F1 + 2},
    {"[14~", KEYSEQ_F1 + 3},
    {"[15~", KEYSEQ_F1 + 4},
    {"[17~", KEYSEQ_F1 + 5},
    {"[18~", KEYSEQ_F1 + 6},
    {"[19~", KEYSEQ_F1 + 7},
    {"[20~", KEYSEQ_F1 + 8},
    {"[21~", KEYSEQ_F1 + 9},
    {"[23~", KEYSEQ_F1 + 10},
    {"[24~", KEYSEQ_F1 + 11},
};

void
keyseq_start(struct keyseq *k)
{
	memset(k, 0, sizeof *k);
}

/* The key of the whole sequence in k. */
static int
lookup(const struct keyseq *k)
{
	size_t i;

	if (k->n >= sizeof k->buf)
		return KEYSEQ_UNKNOWN; /* too long to be one of ours */
	for (i = 0; i < sizeof seqs / sizeof seqs[0]; i++)
		if (strcmp(k->buf, seqs[i].seq) == 0)
			return seqs[i].key;
	return KEYSEQ_UNKNOWN;
}

int
keyseq_feed(struct keyseq *k, unsigned c)
{
	if (k->done)
		return KEYSEQ_NOT;
	if (k->n == 0 ? c != '[' && c != 'O' : c < 0x20 || c > 0x7e) {
		k->done = 1; /* none, or cut short */
		return KEYSEQ_NOT;
	}
	if (k->n + 1 < sizeof k->buf)
		k->buf[k->n] = (char)c;
	k->n++;
	if (k->n == 1)
		return KEYSEQ_MORE;
	if (k->buf[0] == 'O' || c >= 0x40) { /* SS3's one byte, CSI's final */
		k->done = 1;
		return lookup(k);
	}
	return KEYSEQ_MORE;
}
