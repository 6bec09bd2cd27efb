#ifndef EPICHECK_CLIBXML2_SHIM_H
#define EPICHECK_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; importing ICU's headers next to Foundation redefines
// UErrorCode on a clean build. epicheck needs none of libxml2's ICU API.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

// libxml2 reports some errors (failed encoding conversion, I/O) through the generic handler,
// which prints to stderr unless replaced; its type is variadic, which Swift cannot write.
static void epicheck_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/// Routes libxml2's generic errors on the calling thread to nowhere (the handler is per thread).
static inline void epicheck_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, epicheck_ignore_generic_error);
}

#include <libxml/catalog.h>

/// Frees the catalogs a document's `<?oasis-xml-catalog?>` instructions gave its parser context:
/// libxml2's own reset of a context forgets them without freeing them, so a reused context would
/// leak them at every such letter.
static inline void epicheck_free_document_catalogs(xmlParserCtxtPtr context) {
#ifdef LIBXML_CATALOG_ENABLED
    if (context->catalogs != NULL) {
        xmlCatalogFreeLocal(context->catalogs);
        context->catalogs = NULL;
    }
#else
    (void)context;
#endif
}

// xmlFree is a global function-pointer variable, which Swift 6 rejects as shared mutable state.
static inline void epicheck_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
