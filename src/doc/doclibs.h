/* doclibs.h - the PDF writer's libraries, loaded at the first document
 * (dynlib.h), not at every start: libharu, HarfBuzz and its subsetter,
 * fontconfig and FriBidi, with what they pull in (FreeType, GLib,
 * graphite2, ICU's C++ runtime), were 12 of paydesk's 34 shared objects
 * and more than half of each command's start-up, paid by every search,
 * payment and sync that prints nothing. Each symbol the modules call
 * (pdf.c, script.c, shape.c, tounicode.c) is listed here and its name
 * stands for the loaded one; doc_libs_load() loads them all. Shared by
 * src/doc only; not public. */
#ifndef PAYDESK_DOC_DOCLIBS_H
#define PAYDESK_DOC_DOCLIBS_H

#include <fontconfig/fontconfig.h>
#include <fribidi.h>
#include <hb-subset.h>
#include <hb.h>
#include <hpdf.h>
#include <zlib.h>

#include "paydesk/dynlib.h"

/* libharu: the functions called */
#define HPDF_SYMBOLS(X)                                                        \
	X(HPDF_AddPage)                                                        \
	X(HPDF_Array_Add)                                                      \
	X(HPDF_Array_AddNumber)                                                \
	X(HPDF_Array_New)                                                      \
	X(HPDF_CMapEncoder_ToUnicode)                                          \
	X(HPDF_DictStream_New)                                                 \
	X(HPDF_Dict_Add)                                                       \
	X(HPDF_Dict_AddNumber)                                                 \
	X(HPDF_Font_TextWidth)                                                 \
	X(HPDF_Free)                                                           \
	X(HPDF_FreeDoc)                                                        \
	X(HPDF_GetEncoder)                                                     \
	X(HPDF_GetError)                                                       \
	X(HPDF_GetFont)                                                        \
	X(HPDF_GetFontDef)                                                     \
	X(HPDF_GetStreamSize)                                                  \
	X(HPDF_LoadTTFontFromFile)                                             \
	X(HPDF_LoadTTFontFromFile2)                                            \
	X(HPDF_MemStream_FreeData)                                             \
	X(HPDF_New)                                                            \
	X(HPDF_NewDoc)                                                         \
	X(HPDF_Page_BeginText)                                                 \
	X(HPDF_Page_EndText)                                                   \
	X(HPDF_Page_LineTo)                                                    \
	X(HPDF_Page_MoveTextPos)                                               \
	X(HPDF_Page_MoveTo)                                                    \
	X(HPDF_Page_Rectangle)                                                 \
	X(HPDF_Page_SetFontAndSize)                                            \
	X(HPDF_Page_SetGrayFill)                                               \
	X(HPDF_Page_SetGrayStroke)                                             \
	X(HPDF_Page_SetHeight)                                                 \
	X(HPDF_Page_SetLineWidth)                                              \
	X(HPDF_Page_SetRGBFill)                                                \
	X(HPDF_Page_SetRGBStroke)                                              \
	X(HPDF_Page_SetTextRenderingMode)                                      \
	X(HPDF_Page_SetWidth)                                                  \
	X(HPDF_Page_ShowText)                                                  \
	X(HPDF_Page_Stroke)                                                    \
	X(HPDF_ReadFromStream)                                                 \
	X(HPDF_ResetError)                                                     \
	X(HPDF_SaveToStream)                                                   \
	X(HPDF_SetCompressionMode)                                             \
	X(HPDF_SetInfoAttr)                                                    \
	X(HPDF_Stream_Read)                                                    \
	X(HPDF_Stream_Seek)                                                    \
	X(HPDF_Stream_Write)                                                   \
	X(HPDF_Stream_WriteStr)                                                \
	X(HPDF_TTFontDef_GetGidWidth)                                          \
	X(HPDF_TTFontDef_GetGlyphid)                                           \
	X(HPDF_UseUTFEncodings)
HPDF_SYMBOLS(DYNLIB_EXTERN_)

/* HarfBuzz: the functions called */
#define HB_SYMBOLS(X)                                                          \
	X(hb_blob_create_from_file_or_fail)                                    \
	X(hb_blob_destroy)                                                     \
	X(hb_blob_get_data)                                                    \
	X(hb_blob_get_length)                                                  \
	X(hb_buffer_add_utf8)                                                  \
	X(hb_buffer_create)                                                    \
	X(hb_buffer_destroy)                                                   \
	X(hb_buffer_get_glyph_infos)                                           \
	X(hb_buffer_get_glyph_positions)                                       \
	X(hb_buffer_guess_segment_properties)                                  \
	X(hb_buffer_set_direction)                                             \
	X(hb_face_create)                                                      \
	X(hb_face_destroy)                                                     \
	X(hb_face_get_glyph_count)                                             \
	X(hb_face_get_upem)                                                    \
	X(hb_face_reference_blob)                                              \
	X(hb_font_create)                                                      \
	X(hb_font_destroy)                                                     \
	X(hb_font_get_face)                                                    \
	X(hb_font_reference)                                                   \
	X(hb_map_destroy)                                                      \
	X(hb_map_get)                                                          \
	X(hb_map_reference)                                                    \
	X(hb_set_add)                                                          \
	X(hb_shape)
HB_SYMBOLS(DYNLIB_EXTERN_)

/* HarfBuzz's subsetter: the functions called */
#define HB_SUBSET_SYMBOLS(X)                                                   \
	X(hb_subset_input_create_or_fail)                                      \
	X(hb_subset_input_destroy)                                             \
	X(hb_subset_input_glyph_set)                                           \
	X(hb_subset_input_set)                                                 \
	X(hb_subset_input_set_flags)                                           \
	X(hb_subset_plan_create_or_fail)                                       \
	X(hb_subset_plan_destroy)                                              \
	X(hb_subset_plan_execute_or_fail)                                      \
	X(hb_subset_plan_old_to_new_glyph_mapping)
HB_SUBSET_SYMBOLS(DYNLIB_EXTERN_)

/* fontconfig: the functions called */
#define FC_SYMBOLS(X)                                                          \
	X(FcCharSetAddChar)                                                    \
	X(FcCharSetCreate)                                                     \
	X(FcCharSetDestroy)                                                    \
	X(FcFontList)                                                          \
	X(FcFontSetDestroy)                                                    \
	X(FcInitLoadConfigAndFonts)                                            \
	X(FcObjectSetBuild)                                                    \
	X(FcObjectSetDestroy)                                                  \
	X(FcPatternAddCharSet)                                                 \
	X(FcPatternAddString)                                                  \
	X(FcPatternCreate)                                                     \
	X(FcPatternDestroy)                                                    \
	X(FcPatternGetInteger)                                                 \
	X(FcPatternGetString)
FC_SYMBOLS(DYNLIB_EXTERN_)

/* FriBidi: the functions called */
#define FRIBIDI_SYMBOLS(X)                                                     \
	X(fribidi_get_bidi_type)                                               \
	X(fribidi_get_bidi_types)                                              \
	X(fribidi_get_bracket_types)                                           \
	X(fribidi_get_joining_types)                                           \
	X(fribidi_get_par_embedding_levels_ex)                                 \
	X(fribidi_join_arabic)                                                 \
	X(fribidi_reorder_line)                                                \
	X(fribidi_shape)
FRIBIDI_SYMBOLS(DYNLIB_EXTERN_)

/* zlib: a kept font subset deflated once (tounicode.c), as libharu
 * deflates a stream */
#define ZLIB_SYMBOLS(X)                                                        \
	X(compress2)                                                           \
	X(compressBound)
ZLIB_SYMBOLS(DYNLIB_EXTERN_)

/* Load the PDF writer's libraries, once per process (dynlib_load): 0,
 * or -1 with PD_EDOC naming the library and what is missing (a broken
 * installation; the payment it prints for is already committed). */
int doc_libs_load(struct pd_err *err);

#define HPDF_AddPage (*dyn_HPDF_AddPage)
#define HPDF_Array_Add (*dyn_HPDF_Array_Add)
#define HPDF_Array_AddNumber (*dyn_HPDF_Array_AddNumber)
#define HPDF_Array_New (*dyn_HPDF_Array_New)
#define HPDF_CMapEncoder_ToUnicode (*dyn_HPDF_CMapEncoder_ToUnicode)
#define HPDF_DictStream_New (*dyn_HPDF_DictStream_New)
#define HPDF_Dict_Add (*dyn_HPDF_Dict_Add)
#define HPDF_Dict_AddNumber (*dyn_HPDF_Dict_AddNumber)
#define HPDF_Font_TextWidth (*dyn_HPDF_Font_TextWidth)
#define HPDF_Free (*dyn_HPDF_Free)
#define HPDF_FreeDoc (*dyn_HPDF_FreeDoc)
#define HPDF_GetEncoder (*dyn_HPDF_GetEncoder)
#define HPDF_GetError (*dyn_HPDF_GetError)
#define HPDF_GetFont (*dyn_HPDF_GetFont)
#define HPDF_GetFontDef (*dyn_HPDF_GetFontDef)
#define HPDF_GetStreamSize (*dyn_HPDF_GetStreamSize)
#define HPDF_LoadTTFontFromFile (*dyn_HPDF_LoadTTFontFromFile)
#define HPDF_LoadTTFontFromFile2 (*dyn_HPDF_LoadTTFontFromFile2)
#define HPDF_MemStream_FreeData (*dyn_HPDF_MemStream_FreeData)
#define HPDF_New (*dyn_HPDF_New)
#define HPDF_NewDoc (*dyn_HPDF_NewDoc)
#define HPDF_Page_BeginText (*dyn_HPDF_Page_BeginText)
#define HPDF_Page_EndText (*dyn_HPDF_Page_EndText)
#define HPDF_Page_LineTo (*dyn_HPDF_Page_LineTo)
#define HPDF_Page_MoveTextPos (*dyn_HPDF_Page_MoveTextPos)
#define HPDF_Page_MoveTo (*dyn_HPDF_Page_MoveTo)
#define HPDF_Page_Rectangle (*dyn_HPDF_Page_Rectangle)
#define HPDF_Page_SetFontAndSize (*dyn_HPDF_Page_SetFontAndSize)
#define HPDF_Page_SetGrayFill (*dyn_HPDF_Page_SetGrayFill)
#define HPDF_Page_SetGrayStroke (*dyn_HPDF_Page_SetGrayStroke)
#define HPDF_Page_SetHeight (*dyn_HPDF_Page_SetHeight)
#define HPDF_Page_SetLineWidth (*dyn_HPDF_Page_SetLineWidth)
#define HPDF_Page_SetRGBFill (*dyn_HPDF_Page_SetRGBFill)
#define HPDF_Page_SetRGBStroke (*dyn_HPDF_Page_SetRGBStroke)
#define HPDF_Page_SetTextRenderingMode (*dyn_HPDF_Page_SetTextRenderingMode)
#define HPDF_Page_SetWidth (*dyn_HPDF_Page_SetWidth)
#define HPDF_Page_ShowText (*dyn_HPDF_Page_ShowText)
#define HPDF_Page_Stroke (*dyn_HPDF_Page_Stroke)
#define HPDF_ReadFromStream (*dyn_HPDF_ReadFromStream)
#define HPDF_ResetError (*dyn_HPDF_ResetError)
#define HPDF_SaveToStream (*dyn_HPDF_SaveToStream)
#define HPDF_SetCompressionMode (*dyn_HPDF_SetCompressionMode)
#define HPDF_SetInfoAttr (*dyn_HPDF_SetInfoAttr)
#define HPDF_Stream_Read (*dyn_HPDF_Stream_Read)
#define HPDF_Stream_Seek (*dyn_HPDF_Stream_Seek)
#define HPDF_Stream_Write (*dyn_HPDF_Stream_Write)
#define HPDF_Stream_WriteStr (*dyn_HPDF_Stream_WriteStr)
#define HPDF_TTFontDef_GetGidWidth (*dyn_HPDF_TTFontDef_GetGidWidth)
#define HPDF_TTFontDef_GetGlyphid (*dyn_HPDF_TTFontDef_GetGlyphid)
#define HPDF_UseUTFEncodings (*dyn_HPDF_UseUTFEncodings)
#define hb_blob_create_from_file_or_fail (*dyn_hb_blob_create_from_file_or_fail)
#define hb_blob_destroy (*dyn_hb_blob_destroy)
#define hb_blob_get_data (*dyn_hb_blob_get_data)
#define hb_blob_get_length (*dyn_hb_blob_get_length)
#define hb_buffer_add_utf8 (*dyn_hb_buffer_add_utf8)
#define hb_buffer_create (*dyn_hb_buffer_create)
#define hb_buffer_destroy (*dyn_hb_buffer_destroy)
#define hb_buffer_get_glyph_infos (*dyn_hb_buffer_get_glyph_infos)
#define hb_buffer_get_glyph_positions (*dyn_hb_buffer_get_glyph_positions)
#define hb_buffer_guess_segment_properties (*dyn_hb_buffer_guess_segment_properties)
#define hb_buffer_set_direction (*dyn_hb_buffer_set_direction)
#define hb_face_create (*dyn_hb_face_create)
#define hb_face_destroy (*dyn_hb_face_destroy)
#define hb_face_get_glyph_count (*dyn_hb_face_get_glyph_count)
#define hb_face_get_upem (*dyn_hb_face_get_upem)
#define hb_face_reference_blob (*dyn_hb_face_reference_blob)
#define hb_font_create (*dyn_hb_font_create)
#define hb_font_destroy (*dyn_hb_font_destroy)
#define hb_font_get_face (*dyn_hb_font_get_face)
#define hb_font_reference (*dyn_hb_font_reference)
#define hb_map_destroy (*dyn_hb_map_destroy)
#define hb_map_get (*dyn_hb_map_get)
#define hb_map_reference (*dyn_hb_map_reference)
#define hb_set_add (*dyn_hb_set_add)
#define hb_shape (*dyn_hb_shape)
#define hb_subset_input_create_or_fail (*dyn_hb_subset_input_create_or_fail)
#define hb_subset_input_destroy (*dyn_hb_subset_input_destroy)
#define hb_subset_input_glyph_set (*dyn_hb_subset_input_glyph_set)
#define hb_subset_input_set (*dyn_hb_subset_input_set)
#define hb_subset_input_set_flags (*dyn_hb_subset_input_set_flags)
#define hb_subset_plan_create_or_fail (*dyn_hb_subset_plan_create_or_fail)
#define hb_subset_plan_destroy (*dyn_hb_subset_plan_destroy)
#define hb_subset_plan_execute_or_fail (*dyn_hb_subset_plan_execute_or_fail)
#define hb_subset_plan_old_to_new_glyph_mapping (*dyn_hb_subset_plan_old_to_new_glyph_mapping)
#define FcCharSetAddChar (*dyn_FcCharSetAddChar)
#define FcCharSetCreate (*dyn_FcCharSetCreate)
#define FcCharSetDestroy (*dyn_FcCharSetDestroy)
#define FcFontList (*dyn_FcFontList)
#define FcFontSetDestroy (*dyn_FcFontSetDestroy)
#define FcInitLoadConfigAndFonts (*dyn_FcInitLoadConfigAndFonts)
#define FcObjectSetBuild (*dyn_FcObjectSetBuild)
#define FcObjectSetDestroy (*dyn_FcObjectSetDestroy)
#define FcPatternAddCharSet (*dyn_FcPatternAddCharSet)
#define FcPatternAddString (*dyn_FcPatternAddString)
#define FcPatternCreate (*dyn_FcPatternCreate)
#define FcPatternDestroy (*dyn_FcPatternDestroy)
#define FcPatternGetInteger (*dyn_FcPatternGetInteger)
#define FcPatternGetString (*dyn_FcPatternGetString)
#define fribidi_get_bidi_type (*dyn_fribidi_get_bidi_type)
#define fribidi_get_bidi_types (*dyn_fribidi_get_bidi_types)
#define fribidi_get_bracket_types (*dyn_fribidi_get_bracket_types)
#define fribidi_get_joining_types (*dyn_fribidi_get_joining_types)
#define fribidi_get_par_embedding_levels_ex (*dyn_fribidi_get_par_embedding_levels_ex)
#define fribidi_join_arabic (*dyn_fribidi_join_arabic)
#define fribidi_reorder_line (*dyn_fribidi_reorder_line)
#define fribidi_shape (*dyn_fribidi_shape)

#define compress2 (*dyn_compress2)
#define compressBound (*dyn_compressBound)

#endif
