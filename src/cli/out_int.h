/* out_int.h - what out.c (tables, exports) and out_rec.c (records)
 * share; not a public header. */
#ifndef PAYDESK_CLI_OUT_INT_H
#define PAYDESK_CLI_OUT_INT_H

/* JSON's only reals are tenths (percentages, days: t / 10.0). Written
 * with 15 significant digits, each is its one decimal exactly ("68.2"),
 * not the double's 17-digit noise ("68.200000000000003"); issue 17
 * section 7. A tenth below 10^13 has at most 15 digits. */
#define JSON_EXACT_TENTHS JSON_REAL_PRECISION(15)

#endif
