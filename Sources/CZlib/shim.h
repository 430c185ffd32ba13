#ifndef GSEL_CZLIB_SHIM_H
#define GSEL_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro; expose it as a function Swift can call.
static inline int gsel_inflateInit2(z_stream *strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
static inline const char *gsel_zlib_version(void) { return zlibVersion(); }
#endif
