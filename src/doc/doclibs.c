/* doclibs.c - the PDF writer's libraries, loaded at the first document
 * (see doclibs.h). */
#include "doclibs.h"
#include "paydesk/i18n.h"

HPDF_SYMBOLS(DYNLIB_DEFINE_)
HB_SYMBOLS(DYNLIB_DEFINE_)
HB_SUBSET_SYMBOLS(DYNLIB_DEFINE_)
FC_SYMBOLS(DYNLIB_DEFINE_)
FRIBIDI_SYMBOLS(DYNLIB_DEFINE_)
ZLIB_SYMBOLS(DYNLIB_DEFINE_)
DYNLIB_TABLE(hpdf, HPDF_SYMBOLS);
DYNLIB_TABLE(hb, HB_SYMBOLS);
DYNLIB_TABLE(hb_subset, HB_SUBSET_SYMBOLS);
DYNLIB_TABLE(fc, FC_SYMBOLS);
DYNLIB_TABLE(fribidi, FRIBIDI_SYMBOLS);
DYNLIB_TABLE(zlib, ZLIB_SYMBOLS);

/* HarfBuzz before its subsetter, which links it */
static struct dynlib doc_libs[] = {
    {PD_SONAME_HPDF, N_("Writing a PDF"), PD_EDOC, hpdf_syms, NULL},
    {PD_SONAME_HB, N_("Writing a PDF"), PD_EDOC, hb_syms, NULL},
    {PD_SONAME_HB_SUBSET, N_("Writing a PDF"), PD_EDOC, hb_subset_syms,
        NULL},
    {PD_SONAME_FC, N_("Writing a PDF"), PD_EDOC, fc_syms, NULL},
    {PD_SONAME_FRIBIDI, N_("Writing a PDF"), PD_EDOC, fribidi_syms, NULL},
    {PD_SONAME_Z, N_("Writing a PDF"), PD_EDOC, zlib_syms, NULL},
};

int
doc_libs_load(struct pd_err *err)
{
	size_t i;

	for (i = 0; i < sizeof doc_libs / sizeof doc_libs[0]; i++)
		if (dynlib_load(&doc_libs[i], err) != 0)
			return -1;
	return 0;
}
