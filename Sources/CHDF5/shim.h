#ifndef GSEL_CHDF5_SHIM_H
#define GSEL_CHDF5_SHIM_H
#include <hdf5.h>

/* HDF5's type and property ids are macros over globals that are only valid
 * after H5open(); Swift 6 cannot see them, so expose them as functions. */
static inline hid_t gsel_H5P_DEFAULT(void) { return H5P_DEFAULT; }
static inline hid_t gsel_H5S_ALL(void) { return H5S_ALL; }
static inline hid_t gsel_H5T_NATIVE_FLOAT(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t gsel_H5T_NATIVE_DOUBLE(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t gsel_H5T_NATIVE_INT8(void) { return H5T_NATIVE_INT8; }
static inline hid_t gsel_H5T_NATIVE_UINT8(void) { return H5T_NATIVE_UINT8; }
static inline hid_t gsel_H5T_NATIVE_INT32(void) { return H5T_NATIVE_INT32; }
static inline hid_t gsel_H5T_NATIVE_INT64(void) { return H5T_NATIVE_INT64; }
static inline hid_t gsel_H5T_NATIVE_UINT32(void) { return H5T_NATIVE_UINT32; }
static inline hid_t gsel_H5T_NATIVE_UINT64(void) { return H5T_NATIVE_UINT64; }
static inline hid_t gsel_H5T_C_S1(void) { return H5T_C_S1; }
static inline hid_t gsel_H5F_ACC_RDONLY(void) { return H5F_ACC_RDONLY; }
static inline size_t gsel_H5T_VARIABLE(void) { return H5T_VARIABLE; }

/* Silence HDF5's automatic error stack printing; gsel reports errors itself. */
static inline void gsel_H5_silence_errors(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }

/* Library version as "major.minor.release". */
static inline void gsel_H5_version(unsigned *maj, unsigned *min, unsigned *rel) {
    H5get_libversion(maj, min, rel);
}

/* 1 when `path` is an HDF5 file, 0 when it is not, negative when it cannot be read. */
static inline htri_t gsel_H5_is_hdf5(const char *path) {
#if H5_VERSION_GE(1, 12, 0)
    return H5Fis_accessible(path, H5P_DEFAULT);
#else
    return H5Fis_hdf5(path);
#endif
}

/* Frees the variable-length data HDF5 allocated while reading into `buf`. */
static inline herr_t gsel_H5_reclaim(hid_t type, hid_t space, void *buf) {
#if H5_VERSION_GE(1, 12, 0)
    return H5Treclaim(type, space, H5P_DEFAULT, buf);
#else
    return H5Dvlen_reclaim(type, space, H5P_DEFAULT, buf);
#endif
}

/* Walks the calling thread's default error stack, innermost error first. */
static inline herr_t gsel_H5E_walk(H5E_walk2_t callback, void *data) {
    return H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, callback, data);
}

/* Clears the default error stack. */
static inline void gsel_H5E_clear(void) { H5Eclear2(H5E_DEFAULT); }
#endif
