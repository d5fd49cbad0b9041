/* config_int.h - the schema table (config.c) as load.c reads it; not a
 * public header. */
#ifndef PAYDESK_CONFIG_CONFIG_INT_H
#define PAYDESK_CONFIG_CONFIG_INT_H
#include <stddef.h>

#include "internal.h"

/* The schema: every key paydesk reads, cfg_nschema rows. Order matters
 * only for minor_digits, which must come before any money key. */
extern const struct schema cfg_schema[];
extern const size_t cfg_nschema;

#endif
