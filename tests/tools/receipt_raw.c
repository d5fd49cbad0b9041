/* receipt_raw.c - the raw figure beside `make bench`'s receipt: libharu
 * alone writing a page like an A4 receipt (the same 45 lines of text in
 * the same font, embedded through the UTF-8 encoder, compressed, saved to
 * memory), with no paydesk code around it: what a program made of
 * libharu calls only pays for a receipt. Each page is a document of its
 * own, the font loaded for it, as libharu is meant to be used.
 * Usage: receipt_raw FONT [PAGES]; prints the median in ms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "bench.h"

static const char *const lines[] = {"Cityville Water & Power", "RECEIPT",
    "1 Utility Plaza, Cityville", "R-T01-000001", "Posted", "Payment",
    "Receipt number", "R-T01-000001", "Payment ID", "PAY-T01-2025-000001",
    "Transaction ID", "TXN-T01-2025-000001", "Payment date", "2025-04-20",
    "Recorded at", "2025-04-20 10:00:00", "Payment type", "Bill", "Channel",
    "Walk-in", "Consumer", "Name", "John Doe", "Account number", "WU-10001",
    "Service address", "123 Main Street, Cityville", "Phone", "(555) 123-4567",
    "Items paid", "Bill INV-2025-001234", "Period Mar 2025, due 2025-04-15",
    "$145.50", "Totals", "Total paid", "Payment method", "Cash",
    "Amount received", "$150.00", "Change given", "$4.50", "Received by",
    "Jane Smith", "Terminal",
    "Cityville Water & Power \xc2\xb7 terminal T01, branch B01 \xc2\xb7 "
    "generated 2025-04-20 10:00:00 by paydesk"};

/* One page as a document: its bytes' count, 0 when libharu failed. */
static size_t
page(const char *font)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	HPDF_Page pg;
	HPDF_Font f;
	const char *name;
	size_t i, bytes = 0;

	if (pdf == NULL)
		return 0;
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	name = HPDF_LoadTTFontFromFile(pdf, font, HPDF_TRUE);
	f = name != NULL ? HPDF_GetFont(pdf, name, "UTF-8") : NULL;
	if (f != NULL) {
		pg = HPDF_AddPage(pdf);
		HPDF_Page_SetSize(pg, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
		for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
			HPDF_Page_BeginText(pg);
			HPDF_Page_SetFontAndSize(pg, f, 9.5f);
			HPDF_Page_MoveTextPos(
			    pg, 48, (HPDF_REAL)(790 - (double)i * 16));
			HPDF_Page_ShowText(pg, lines[i]);
			HPDF_Page_EndText(pg);
		}
		if (HPDF_SaveToStream(pdf) == HPDF_OK)
			bytes = HPDF_GetStreamSize(pdf);
	}
	HPDF_Free(pdf);
	return bytes;
}

int
main(int argc, char **argv)
{
	double v[1000], t;
	int n = argc > 2 ? atoi(argv[2]) : 50, i;

	if (argc < 2 || n < 1 || n > 1000) {
		fprintf(stderr, "usage: receipt_raw FONT [PAGES <= 1000]\n");
		return 2;
	}
	for (i = 0; i < n; i++) {
		t = now_ms();
		if (page(argv[1]) == 0) {
			fprintf(stderr, "receipt_raw: libharu failed\n");
			return 1;
		}
		v[i] = now_ms() - t;
	}
	printf("%.3f\n", pct(v, n, .5));
	return 0;
}
