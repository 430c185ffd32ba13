#ifndef GSEL_CHDF5_SHIM_H
#define GSEL_CHDF5_SHIM_H
#include <hdf5.h>
#include <string.h>

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

/* Tag of the opaque memory type that reads variable-length strings as their raw file
 * descriptors (4-byte length, global heap collection address, 4-byte object index). */
#define GSEL_RAW_VLEN_TAG "gsel raw vlen descriptor"

/* A conversion from a variable-length string in the file to an opaque type of the same
 * size tagged GSEL_RAW_VLEN_TAG that leaves the bytes as read: the raw descriptors come
 * out without libhdf5 following them into the global heap, so gsel can check the heap
 * objects first (libhdf5 1.10 trusts their sizes and can crash or loop on a damaged heap). */
static herr_t gsel_raw_vlen_conversion(hid_t src, hid_t dst, H5T_cdata_t *cdata, size_t nelmts,
                                       size_t buf_stride, size_t bkg_stride, void *buf, void *bkg,
                                       hid_t plist) {
    (void)nelmts; (void)buf_stride; (void)bkg_stride; (void)buf; (void)bkg; (void)plist;
    switch (cdata->command) {
    case H5T_CONV_INIT: {
        if (H5Tis_variable_str(src) <= 0 || H5Tget_class(dst) != H5T_OPAQUE) return -1;
        if (H5Tget_size(src) != H5Tget_size(dst)) return -1;
        char *tag = H5Tget_tag(dst);
        int matches = tag != NULL && strcmp(tag, GSEL_RAW_VLEN_TAG) == 0;
        if (tag != NULL) H5free_memory(tag);
        if (!matches) return -1;
        cdata->need_bkg = H5T_BKG_NO;
        return 0;
    }
    case H5T_CONV_CONV:
    case H5T_CONV_FREE:
        return 0;
    default:
        return -1;
    }
}

/* Registers gsel_raw_vlen_conversion once per process; negative on failure. */
static inline herr_t gsel_H5_register_raw_vlen(void) {
    hid_t vlen = H5Tvlen_create(H5T_NATIVE_UCHAR);
    hid_t opaque = H5Tcreate(H5T_OPAQUE, 1);
    if (vlen < 0 || opaque < 0) return -1;
    H5Tset_tag(opaque, GSEL_RAW_VLEN_TAG);
    herr_t status = H5Tregister(H5T_PERS_SOFT, "gsel raw vlen descriptors", vlen, opaque, gsel_raw_vlen_conversion);
    H5Tclose(vlen);
    H5Tclose(opaque);
    return status;
}

/* An opaque memory type of `size` bytes tagged GSEL_RAW_VLEN_TAG (negative on failure). */
static inline hid_t gsel_H5_raw_vlen_type(size_t size) {
    hid_t type = H5Tcreate(H5T_OPAQUE, size);
    if (type >= 0 && H5Tset_tag(type, GSEL_RAW_VLEN_TAG) < 0) { H5Tclose(type); return -1; }
    return type;
}

#endif
