#ifndef EPICHECK_CLIBXML2_SHIM_H
#define EPICHECK_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; importing ICU's headers next to Foundation redefines
// UErrorCode on a clean build. epicheck needs none of libxml2's ICU API.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

// xmlFree is a global function-pointer variable, which Swift 6 rejects as shared mutable state.
static inline void epicheck_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
