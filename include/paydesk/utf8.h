/* utf8.h - walking UTF-8 text by characters and display columns. */
#ifndef PAYDESK_UTF8_H
#define PAYDESK_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Length in bytes of the character at s (1..4; 1 for a stray byte). */
size_t utf8_len(const char *s);
/* The code point of the character at s (U+FFFD for a bad sequence). */
uint32_t utf8_cp(const char *s);
/* Display columns of one code point: 0 for combining marks, 2 for East
 * Asian wide characters, else 1. */
int utf8_cp_columns(uint32_t cp);
/* Display columns of the first n bytes of s. */
int utf8_columns(const char *s, size_t n);
/* Characters (code points) in the first n bytes of s. */
size_t utf8_chars(const char *s, size_t n);

#endif
