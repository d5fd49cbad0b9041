/* keyseq.h - what a terminal sends after ESC, read whole (ECMA-48 5.4):
 * CSI ("[") then parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F
 * and one final byte 0x40-0x7E; SS3 ("O") then one byte. The common
 * xterm and vt sequences name keys; any other whole sequence is known to
 * be one and is ignored, never taken as Esc and typed characters (issue
 * 17 section 5). Pure: the caller reads the bytes (with a short wait
 * after ESC) and feeds them one at a time. */
#ifndef PAYDESK_KEYSEQ_H
#define PAYDESK_KEYSEQ_H
#include <stddef.h>

/* The keys a sequence names. */
enum keyseq_key {
	KEYSEQ_UNKNOWN = 0, /* a whole sequence not known: ignore it */
	KEYSEQ_UP,
	KEYSEQ_DOWN,
	KEYSEQ_RIGHT,
	KEYSEQ_LEFT,
	KEYSEQ_HOME,
	KEYSEQ_END,
	KEYSEQ_INSERT,
	KEYSEQ_DELETE,
	KEYSEQ_PGUP,
	KEYSEQ_PGDN,
	KEYSEQ_BTAB, /* Shift-Tab */
	KEYSEQ_ENTER,
	KEYSEQ_F1, /* F1 .. F12 are KEYSEQ_F1 + 0 .. 11 */
	KEYSEQ_F12 = KEYSEQ_F1 + 11
};

/* keyseq_feed's answers beside a key. */
enum { KEYSEQ_MORE = -1, KEYSEQ_NOT = -2 };

/* A sequence being read: keyseq_start it after the ESC. */
struct keyseq {
	char buf[32]; /* the sequence so far, kept up to 31 bytes */
	size_t n;     /* bytes read (past 31 they are counted, not kept) */
	int done;     /* whole, or found not to be one */
};

/* Start reading after an ESC. */
void keyseq_start(struct keyseq *k);
/* Feed the next byte c (0..255, or a code point: anything above 0x7E
 * ends the sequence): KEYSEQ_MORE while it goes on; KEYSEQ_NOT if c,
 * the first byte, starts none (the ESC was Esc alone and c is the next
 * key) or if c, a later byte, cannot be in one (the sequence is cut:
 * ignore it, and c with it); else the key it names (>= 0,
 * KEYSEQ_UNKNOWN for one not known). A whole sequence never runs on:
 * feeding after it ended starts none. */
int keyseq_feed(struct keyseq *k, unsigned c);

#endif
