#ifndef SHILAO_CLIBXML2_SHIM_H
#define SHILAO_CLIBXML2_SHIM_H

// xmlversion.h first: Debian builds libxml2 with ICU, and the ICU types its headers pull in
// clash with Foundation's. Undefining the flag before the other headers keeps them out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>

// `xmlFree` is a global function pointer, which Swift 6 refuses as not concurrency-safe.
static inline void cxml_free(void *p) { xmlFree(p); }

// libxml2 2.9 prints some errors (encoding conversion among them) through its generic handler
// even with HTML_PARSE_NOERROR. The handlers are thread-local, so every parsing thread calls this.
static void cxml_ignore_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void cxml_ignore_structured(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }
static inline void cxml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, cxml_ignore_generic);
    xmlSetStructuredErrorFunc(NULL, cxml_ignore_structured);
}

#endif
