/* script_int.h - what script.c (the layout of text) takes from
 * script_font.c (its fonts); not a public header. */
#ifndef PAYDESK_DOC_SCRIPT_INT_H
#define PAYDESK_DOC_SCRIPT_INT_H
#include <stdint.h>

#include "script.h"

/* The face of f to draw cp with, a fallback fontconfig finds added when
 * no face has it yet; -1 if no font has it. */
int script_face_for(struct script_fonts *f, uint32_t cp);

#endif
