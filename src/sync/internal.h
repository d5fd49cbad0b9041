/* internal.h - what the sync protocol's files share; not a public
 * header. */
#ifndef PAYDESK_SYNC_INTERNAL_H
#define PAYDESK_SYNC_INTERNAL_H
#include <stddef.h>

#include <jansson.h>

#include "paydesk/syncrec.h"

/* Compact JSON with sorted keys, copied; o is released. */
char *sync_dump(json_t *o);
/* A record encoded through its jansson document: the bytes
 * syncrec_encode writes straight (kept to hold the two to the same bytes
 * in a unit test, and for the kinds whose extras are documents). */
char *sync_encode_dom(const struct syncrec *r);
/* A text member of o checked like a record field (size, UTF-8, no
 * control characters), copied into out. */
int sync_head_str(json_t *o, const char *name, char *out, size_t size,
    int required, struct pd_err *err);
/* A push document's memory (arena.c): an arena of this thread (NULL
 * when sync_json_arena_install was not called), the one its jansson
 * allocations go to while filled (NULL: malloc again), and its blocks
 * freed, after the document in it was (json_decref: its frees are
 * nothing), by the thread that made it. */
struct sync_arena;
struct sync_arena *sync_arena_new(void);
void sync_arena_fill(struct sync_arena *a);
void sync_arena_free(struct sync_arena *a);
/* a no longer one of this thread's arenas: for a document never freed by
 * json_decref, only whole with its arena (sync_arena_free, by any
 * thread): a pull page's */
void sync_arena_detach(struct sync_arena *a);
/* The bytes of freed arenas' blocks kept for the next (at most
 * SPARE_MAX, 64 MiB, in all). */
size_t sync_arena_spare(void);
/* Decode and validate a record already parsed (record.c); with hash,
 * r->hash gets the SHA-256 of its canonical JSON. */
int sync_decode_json(
    json_t *o, struct syncrec *r, int hash, struct pd_err *err);
/* The SHA-256 of o's canonical JSON (sorted keys, compact), the record's
 * identity for idempotency; "" when o is not an object. */
void sync_record_hash(const json_t *o, char hash[65]);

/* An arrangement record's "moves" and "installments" into d, and back
 * (record_arr.c): each member typed and in bounds, PD_EINVAL naming the
 * entry; r's arrays are the caller's to free (syncrec_free). */
void sync_arr_json(const struct syncrec *r, json_t *d);
int sync_arr_decode(json_t *d, struct syncrec *r, struct pd_err *err);

/* A shift record's "counts" (open and close) and "tenders" (close) into
 * d, and back (record_shift.c): each line typed and in bounds, PD_EINVAL
 * naming the line; r's arrays are the caller's (syncrec_free). */
void sync_shift_json(const struct syncrec *r, json_t *d);
int sync_shift_decode(json_t *d, struct syncrec *r, struct pd_err *err);
/* A deposit record's "lines" into d, and back (record_dep.c): create
 * has 1 to DEPOSIT_LINES_MAX, void none; r's array is the caller's. */
void sync_dep_json(const struct syncrec *r, json_t *d);
int sync_dep_decode(json_t *d, struct syncrec *r, struct pd_err *err);
/* A statement record's "lines" into d, and back (record_stmt.c): 1 to
 * SYNC_STMT_LINES lines, their seqs first_line on, within line_count;
 * a match record's op and what it names (one deposit or one gateway
 * payment); sync_stmt_free frees r's lines. */
void sync_stmt_json(const struct syncrec *r, json_t *d);
int sync_stmt_decode(json_t *d, struct syncrec *r, struct pd_err *err);
/* A card settlement's match: its payments' uuids ("payments") into d,
 * and back (card_count of them, each once). */
void sync_match_json(const struct syncrec *r, json_t *d);
int sync_match_decode(json_t *d, struct syncrec *r, struct pd_err *err);
void sync_stmt_free(struct syncrec *r);
/* A text field's value checked (size bytes with its NUL, UTF-8, no
 * control characters; newlines only when multiline), named what in the
 * message. */
int sync_check_text(const char *what, const char *s, size_t size,
    int multiline, struct pd_err *err);

#endif
