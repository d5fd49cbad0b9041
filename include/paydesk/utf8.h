/* utf8.h - walking UTF-8 text by characters and display columns, and
 * the one folding rule for search (index and query alike), over
 * utf8proc (Unicode 15 tables).
 *
 * Text is given as (s, n): at most n bytes of s, and never past a NUL
 * byte. A bad sequence (a stray or overlong byte, a surrogate, a code
 * point past U+10FFFF, a sequence cut short) counts as one U+FFFD of one
 * byte: walking never stops and never splits a good character. */
#ifndef PAYDESK_UTF8_H
#define PAYDESK_UTF8_H
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xfffd

/* Decode the character at s, reading at most n bytes (n > 0): its code
 * point into *cp and its length in bytes (1..4) as the result; a bad
 * sequence gives U+FFFD and 1. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode code point cp into out (4 bytes at most, no NUL); its length in
 * bytes, or 0 for what is not a character (a surrogate, past U+10FFFF). */
size_t utf8_encode(uint32_t cp, char out[4]);
/* Length in bytes of the character at NUL-terminated s (1..4; 1 for a
 * bad sequence, and for the NUL itself). */
size_t utf8_len(const char *s);
/* The code point of the character at NUL-terminated s (U+FFFD for a bad
 * sequence). */
uint32_t utf8_cp(const char *s);
/* Display columns of one code point on a terminal, as it draws it
 * (wcwidth): 0 for non-spacing and enclosing marks (Mn, Me) and other
 * zero-width characters (ZWJ, variation selectors), 1 for a spacing mark
 * (Mc: Devanagari U+093E-0940 ...), 2 for East Asian wide characters and
 * emoji, else 1. A control character counts 1
 * (it is shown as one replacement cell, never overlapped). */
int utf8_cp_columns(uint32_t cp);
/* Whether code point cp is part of a word for search (a letter, a
 * mark, a digit or other number, a private-use character: the Unicode
 * general categories L*, M*, N*, Co, as the store's word index splits
 * names); anything else separates words. */
int utf8_word_char(uint32_t cp);
/* Display columns of the first n bytes of s. */
int utf8_columns(const char *s, size_t n);
/* Characters (code points) in the first n bytes of s. */
size_t utf8_chars(const char *s, size_t n);
/* Non-zero if the n bytes of s are valid UTF-8 (NUL bytes included):
 * no overlong forms, no surrogates, nothing past U+10FFFF. */
int utf8_valid(const char *s, size_t n);
/* 1 when s is NULL, empty, or only spaces, tabs and line ends: text
 * that says nothing (an empty and a blank note or value alike). */
int utf8_blank(const char *s);
/* The longest start of (s, n) that fits in w display columns, in bytes;
 * a character is never split, and zero-width characters (combining
 * marks) that follow the last one that fits stay with it. The columns
 * that start takes go to *cols if cols is not NULL. w <= 0 gives 0. */
size_t utf8_fit(const char *s, size_t n, int w, int *cols);
/* The search form of (s, n), newly allocated (free it with free()):
 * compatibility-composed (NFKC), case-folded, with combining marks
 * stripped and default-ignorable characters (soft hyphen, ZWJ) dropped,
 * so "ÁRVÍZTŰRŐ" and "arvizturo", "ﬁ" and "fi", "Straße" and "strasse"
 * fold alike. Letters with no decomposition that a plain keyboard
 * spells otherwise are then folded by a table of their own (utf8.c,
 * fold_letters): "Żółć" folds to "zolc", "Yılmaz" to "yilmaz", "Ørsted"
 * to "orsted", "Đorđe" to "dorde", "Þóra" to "thora", "Cœur" to "coeur";
 * "İ" folds to "i". A bad sequence folds as U+FFFD. Aborts on
 * out-of-memory, like xmalloc. Changing the rule needs a store migration
 * that refolds consumers.name_fold (src/store/schema.c). */
char *utf8_fold(const char *s, size_t n);
/* 1 when a and b fold alike (utf8_fold): the same name in any case,
 * accents alike ("CHÈQUE" is "Chèque"), for what a person types; 0
 * otherwise. */
int utf8_same_folded(const char *a, const char *b);

/* Text from outside (the central node's reasons and errors, pulled names,
 * imported files, anything stored) made printable on a terminal, newly
 * allocated (free it with free()): each C0 control, DEL and byte of a bad
 * sequence becomes \xHH, each C1 control and each character that
 * reorders text (bidi embeddings, overrides and isolates: U+202A-202E,
 * U+2066-2069, LRM, RLM, ALM) becomes \uHHHH, so that what is shown is
 * what was sent, and no byte of it moves the cursor, clears the screen,
 * rings the bell or turns the line around (issue 18, section 2). s NULL
 * gives "". Aborts on out-of-memory, like xmalloc. */
char *utf8_printable(const char *s);
/* utf8_printable(s) into out (n bytes), cut at a character when it does
 * not fit: for text from outside kept in a fixed field (the central
 * node's refusal reasons, a gateway's payer). */
void utf8_printable_into(char *out, size_t n, const char *s);
/* Whether code point cp is one utf8_printable escapes: C0 and C1
 * controls, DEL, the line and paragraph separators (U+2028, U+2029) and
 * the bidirectional controls. The one list for every escaper (the
 * central node's log too). */
int utf8_escaped(uint32_t cp);

#endif
