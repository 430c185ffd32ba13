#ifndef GSEL_CBLAS_SHIM_H
#define GSEL_CBLAS_SHIM_H
#include <cblas.h>

/* OpenBLAS thread control (declared in OpenBLAS's cblas.h on Debian). */
static inline void gsel_blas_set_threads(int n) { openblas_set_num_threads(n); }
static inline int gsel_blas_get_threads(void) { return openblas_get_num_threads(); }
static inline const char *gsel_blas_config(void) { return openblas_get_config(); }
#endif
