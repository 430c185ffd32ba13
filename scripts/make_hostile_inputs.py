#!/usr/bin/env python3
"""Writes the hostile-input corpus in TestData/hostile/: one small file per case of issue 13
(sizes declared beyond the file, damaged HDF5 global heaps, Inf cells, duplicate ids, files
that are not text, ...). Each case and the error gsel must give is listed in
TestData/hostile/cases.tsv, which the corpus-replay tests read; README.md there describes them.

HDF5 files are written with h5py and, for damaged structures, byte-patched afterwards: the
patch locates the structure (the global heap collection `GCOL`, the root group's symbol
table) by its signature, so it does not depend on fixed offsets.

Run from the package root with the project environment:
    .venv/bin/python scripts/make_hostile_inputs.py
Pinned versions as in scripts/requirements-test.txt (h5py, numpy, scipy).
"""
import gzip
import os
import struct
import sys
import zlib

import h5py
import numpy as np
import scipy.sparse as sp

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TestData", "hostile")
VLEN = h5py.string_dtype("utf-8")
HUGE = 2 ** 62


VAR5 = [f"g{j}" for j in range(5)]
# A 4 x 5 CSR matrix with constant columns: g0 (nothing stored), g1 (5 in every row),
# g3 (0 and NaN stored, zeros implied); g2 and g4 vary.
SOME_CONSTANT_CSR = dict(data=np.array([5, 5, 1, 5, 0, 5, 2, 5, np.nan, 5], dtype=np.float32),
                         indices=np.array([1, 2, 4, 1, 3, 1, 4, 1, 3, 2], dtype=np.int32),
                         indptr=np.array([0, 3, 5, 7, 10], dtype=np.int32))


def constant_note(csr, var_names):
    """The note gsel must log, with the constant columns found by numpy on the dense matrix
    (scipy builds it; duplicates summed, absent entries 0, NaN missing)."""
    dense = sp.csr_matrix((csr["data"], csr["indices"], csr["indptr"]), shape=(len(csr["indptr"]) - 1, len(var_names))).toarray()
    constant = [j for j in range(dense.shape[1])
                if np.all(np.isnan(dense[:, j])) or np.nanmin(dense[:, j]) == np.nanmax(dense[:, j])]
    return (f"{len(constant)} of {dense.shape[1]} features are constant or entirely missing across all "
            f"{dense.shape[0]} samples and cannot be selected: " + ", ".join(var_names[j] for j in constant))


# Every case: input, label file, extra gsel arguments, the text gsel's message must hold
# ("ok: ..." = gsel must succeed and log that text), and what the case is (with what
# gsel did before issue 13 in parentheses). Written to cases.tsv and README.md.
CASES = [
    ('h5ad_shape_1e19.h5ad', 'obs4.labels.tsv', '', "/X attribute 'shape': is 4.0, 1e+19, expected two non-negative integers", 'sparse X shape attribute 1e19 (Int(Double) trap)'),
    ('h5ad_shape_inf.h5ad', 'obs4.labels.tsv', '', "/X attribute 'shape': is inf, 5.0, expected two non-negative integers", 'sparse X shape attribute inf'),
    ('h5ad_shape_u64max.h5ad', 'obs4.labels.tsv', '', "/X attribute 'shape': is 4.0, 1.8446744073709552e+19, expected two non-negative integers", 'sparse X shape attribute 2^64-1'),
    ('h5ad_csr_2e62_values.h5ad', 'obs4.labels.tsv', '', '/X/data: declares dimensions 4611686018427387904, more elements than any file holds', 'CSR data and indices declaring 2^62 values (overflow in the memory estimate)'),
    ('h5ad_var_index_1e9.h5ad', 'obs4.labels.tsv', '', '/var/_index: declares string, 1000000000 (1000000000 elements of 16 bytes) but stores only 0 bytes', 'var/_index declaring 10^9 names (allocated before any size check)'),
    ('plain_x_2e62.h5', 'obs4.labels.tsv', '--dataset /X', '/X: declares dimensions 2147483648 x 2147483648, more elements than any file holds', 'plain HDF5 /X declaring 2^62 values'),
    ('plain_x_1e9_rows.h5', 'obs4.labels.tsv', '--dataset /X', '/X: declares float32, 1000000000 x 4 (4000000000 elements of 4 bytes) but stores only 0 bytes', 'plain HDF5 /X declaring 10^9 rows (sample ids generated before any size check)'),
    ('loom_1e9_cells.loom', 'obs4.labels.tsv', '', '/matrix: declares float32, 5 x 1000000000 (5000000000 elements of 4 bytes) but stores only 0 bytes', 'loom matrix declaring 10^9 cells'),
    ('h5ad_heap_object_overrun.h5ad', 'obs4.labels.tsv', '', 'its global heap collection at address 2048 is damaged: object 1 at byte 16 of the collection declares 1099511627776 bytes', 'global heap object size 2^40 (SIGSEGV inside libhdf5)'),
    ('h5ad_heap_object_oversized.h5ad', 'obs4.labels.tsv', '', 'its global heap collection at address 2048 is damaged: object 3 at byte 64 of the collection declares 32778 bytes', 'global heap object 32 KB larger than stored (libhdf5 overwrites memory, malloc aborts)'),
    ('h5ad_heap_free_space_zero.h5ad', 'obs4.labels.tsv', '', 'declares a size of 0, so the objects after it cannot be found', 'global heap free-space object of size 0 (libhdf5 loops forever)'),
    ('h5ad_root_group_damaged.h5ad', 'obs4.labels.tsv', '', '/X: cannot be read (HDF5: bad symbol table node signature)', "root group symbol table damaged (libhdf5's error was dropped)"),
    ('h5ad_root_group_no_entries.h5ad', 'obs4.labels.tsv', '', '/X: no matrix /X; the root group is empty although the file has', 'root group B-tree claiming no entries (no libhdf5 error: say the table is probably damaged)'),
    ('h5ad_root_group_bad_key.h5ad', 'obs4.labels.tsv', '', "/X: the root group lists 'X' but libhdf5 cannot find it by name", 'root group B-tree key damaged (X listed, yet "no matrix /X")'),
    ('h5ad_local_heap_loop.h5ad', 'obs4.labels.tsv', '', '/X: libhdf5 took', "root group's local heap free list pointing at itself (libhdf5 loops, allocating without bound: the watchdog stops it)"),
    ('fuzz_h5_group_btree_null_copy.h5', 'obs4.labels.tsv', '--dataset /X', '/: libhdf5 crashed while listing the group', "found by scripts/fuzz.sh h5 (kept as found): a damaged root-group B-tree makes libhdf5 copy from a null address inside H5Gget_info (SIGSEGV); the crash guard reports it"),
    ('fuzz_h5ad_enum_type_invalid_free.h5ad', 'obs4.labels.tsv', '', 'libhdf5 crashed while', "found by scripts/fuzz.sh h5ad (kept as found): a damaged enum datatype makes libhdf5 free an invalid pointer in H5Tget_native_type (glibc abort); the crash guard reports it. Where the damaged heap brings libhdf5 down next depends on the process layout (the path of the binary, ulimit -v): /obs/n_umi_nullable/mask or /obs/passed_qc/values, so only the report is expected"),
    ('h5ad_inf_cell.h5ad', 'obs4.labels.tsv', '', '/X: row 2, column 3 (0-based) holds inf; expected a finite number', '+Inf cell in a dense X (was ranked as a stable NaN feature)'),
    ('h5ad_float64_beyond_float32.h5ad', 'obs4.labels.tsv', '', '/X: row 1, column 4 (0-based) holds 1e+300, outside the Float32 range', 'float64 value beyond the Float32 range (became inf)'),
    ('h5ad_csr_inf.h5ad', 'obs4.labels.tsv', '', '/X/data: entry 4 (obs row 1, var column 1) holds inf', '+Inf in CSR data'),
    ('h5ad_duplicate_var_names.h5ad', 'obs4.labels.tsv', '', "/var/_index: duplicate var (feature) id 'g1' at positions 1 and 2", 'duplicate var names (a TSV with duplicates is rejected)'),
    ('h5ad_all_constant.h5ad', 'obs4.labels.tsv', '', '/X: no feature varies', 'every feature constant'),
    ('h5ad_csr_some_constant.h5ad', 'obs4.labels.tsv', '--method marginal', 'ok: ' + constant_note(SOME_CONSTANT_CSR, VAR5), 'CSR X with constant columns (all-zero, stored in every row, zeros and NaN): a note, not an error'),
    ('loom_cellid_wrong_length.loom', 'obs4.labels.tsv', '', '/col_attrs/CellID: is string(2), 3, expected one id per cell', 'loom CellID of the wrong length (was replaced by generated ids)'),
    ('tsv_cr_only.tsv', 's4.labels.tsv', '', 'line 1: found a carriage return (\\r) at byte 18 inside the line: the file has CR-only (old Mac) line endings', 'CR-only line endings (said "header but no data rows")'),
    ('tsv_binary_garbage.tsv', 's4.labels.tsv', '', 'line 1: found a NUL byte (0x00)', 'binary garbage named .tsv (said "header but no data rows")'),
    ('tsv_utf16.tsv', 's4.labels.tsv', '', 'line 1: found UTF-16 text', 'UTF-16 text, as Excel exports "Unicode Text"'),
    ('matrix4.tsv', 'labels_is_hdf5.labels.tsv', '', 'labels_is_hdf5.labels.tsv: line 1: found an HDF5 file', 'an HDF5 file given as the label file (an HDF5 input matrix is detected by its signature whatever its name; a label file must be text)'),
    ('tsv_no_line_break.tsv.gz', 's4.labels.tsv', '--max-memory 1M', 'line 1: no line break within 1048576 bytes', '3 MB without a line break (the line buffer grew without limit: 4.2 GB RSS for 2.2 GB)'),
    ('tsv_inf_cell.tsv', 's4.labels.tsv', '', "line 4, column g2: found 'inf', expected a number", 'inf in a TSV cell (the reference behaviour the HDF5 readers now follow)'),
    ('tsv_all_missing.tsv', 's4.labels.tsv', '', 'no feature varies', 'every cell missing (was ranked without a word)'),
    ('tsv_all_constant.tsv', 's4.labels.tsv', '', 'no feature varies', 'every feature constant (was ranked without a word)'),
    ('tsv_some_constant.tsv', 's4.labels.tsv', '--method marginal', 'ok: 2 of 3 features are constant or entirely missing', 'two constant features: a note, not an error'),
    ('tsv_control_bytes.tsv', 's4.labels.tsv', '', "line 2, column g2: found '\\x1b[31mred\\rX', expected a number", 'control bytes in a cell (were echoed raw to the terminal)'),
    ('vcf_bom.vcf', 'vcf4.labels.tsv', '--method marginal', 'ok: VCF QC: 3 records', 'UTF-8 byte-order mark before ##fileformat (was "missing #CHROM header line")'),
    ('vcf_repeated_site.vcf.gz', 'vcf4.labels.tsv', '--method marginal', 'ok: 39999 variants repeat an earlier CHROM:POS:REF:ALT', '40,000 records at one CHROM:POS:REF:ALT (renaming was quadratic: > 20 s)'),
    ('vcf_bad_bsize.vcf.gz', 'vcf4.labels.tsv', '', 'says (BSIZE field) that it is 1928 bytes long, but byte 3973 starts neither another gzip block nor the end of the file', 'BGZF block with a wrong BSIZE (blamed the uncompressed size)'),
    ('classes10000.tsv.gz', 'classes10000.labels.tsv.gz', '--task classification', '10000 classes have a single labelled sample', '10,000 single-sample classes (was one 249 KB line)'),
    ('matrix4.tsv', 'single_sample_class.labels.tsv', '', 'single_sample_class.labels.tsv: column label: 2 classes have a single labelled sample', 'single-sample classes (the error did not name the labels file)'),
    ('matrix4.tsv', 'constant.labels.tsv', '--task regression', "constant.labels.tsv: column label: every labelled sample has the value '2.5' (4 samples); a regression target must vary", 'issue 24: a constant regression target (exit 0, "stable" features of effect 0, held-out R² = 1.000)'),
    ('matrix4.tsv', 'infinite.labels.tsv', '--task regression', "infinite.labels.tsv: line 3, column label: found 'inf', expected a finite number for a regression target", "issue 24: an infinite regression label (said 'expected a number' and suggested a classification)"),
    ('matrix4.tsv', 's4.labels.tsv', '--covariates covariate_level_per_sample.tsv', "covariate_level_per_sample.tsv: line 1, column batch: covariate 'batch' has a different value for each of the 4 samples used", 'issue 24: a categorical covariate with one level per sample (the marginal F-test failed without naming the file or column)'),
    ('vcf_ds_above_ploidy.vcf', 'vcf4.labels.tsv', '--vcf-field DS', 'line 4, sample C: DS 3 is outside [0, 2] (the GT is diploid)', 'issue 24: DS = 3 for a diploid call (accepted; PLINK 2: "invalid DS field")'),
    ('vcf_ds_negative.vcf', 'vcf4.labels.tsv', '--vcf-field DS', 'line 4, sample D: DS -1 is outside [0, 2] (FORMAT has no GT, so the call is taken as diploid)', 'issue 24: DS = -1 (accepted; PLINK 2: "invalid DS field")'),
    ('vcf_pos_beyond_2e31.vcf', 'vcf4.labels.tsv', '', 'line 5, column POS: POS 2147483648 is beyond the largest VCF position, 2^31-1 = 2147483647', 'issue 24: POS 2^31 (accepted; bcftools and PLINK 2 refuse it)'),
    ('vcf_one_record_repeated.vcf.gz', 'vcf4.labels.tsv', '--max-memory 1M', 'more than the --max-memory limit of 1.0 MiB plus 256.0 MiB for ids; ', 'issue 24: one record (an 8 kB ID) repeated 36,000 times, 290 MB from 0.35 MB of gzip: ids and positions grew beyond --max-memory (the full-size bomb, 21 million records, aborted with "failed to allocate" after 3 GB)'),
    ('h5ad_var_index_attribute_empty.h5ad', 'obs4.labels.tsv', '', "/var: attribute '_index' is '', expected the name of the var index dataset in /var", 'issue 24: var attribute _index empty (said "/var: is a group, expected a var index dataset")'),
]


def path(name):
    return os.path.join(OUT, name)


def write_text(name, text, mode="w"):
    with open(path(name), mode) as f:
        f.write(text)


def write_gzip(name, data):
    """gzip without a timestamp, so regenerated files are byte-identical."""
    if isinstance(data, str):
        data = data.encode()
    with open(path(name), "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(data)


# ---------------------------------------------------------------- h5ad building blocks

def h5ad_frames(f, n_obs, var_names):
    """obs (obs0..) and var groups in the anndata >= 0.7 layout."""
    for key, names in (("obs", [f"obs{i}" for i in range(n_obs)]), ("var", var_names)):
        g = f.create_group(key)
        g.attrs["_index"] = "_index"
        g.attrs["encoding-type"] = "dataframe"
        g.attrs["encoding-version"] = "0.2.0"
        g.attrs["column-order"] = np.array([], dtype=VLEN)
        g.create_dataset("_index", data=np.array(names, dtype=object), dtype=VLEN)


def h5ad_root(f):
    f.attrs["encoding-type"] = "anndata"
    f.attrs["encoding-version"] = "0.1.0"


def sparse_x(f, shape, data, indices, indptr):
    g = f.create_group("X")
    g.attrs["encoding-type"] = "csr_matrix"
    g.attrs["encoding-version"] = "0.1.0"
    g.attrs["shape"] = shape
    for name, values in (("data", data), ("indices", indices), ("indptr", indptr)):
        if isinstance(values, tuple):          # (count, dtype): declared, never written
            count, dtype = values
            g.create_dataset(name, shape=(count,), dtype=dtype, chunks=(1024,))
        else:
            g[name] = values
    return g


GOOD_CSR = dict(data=np.arange(1, 8, dtype=np.float32), indices=np.array([3, 0, 2, 1, 1, 4, 0], dtype=np.int32),
                indptr=np.array([0, 3, 5, 5, 7], dtype=np.int32))


def minimal_h5ad(name, x_shape=np.array([4, 5]), var_names=VAR5, **csr):
    arrays = dict(GOOD_CSR, **csr)
    with h5py.File(path(name), "w") as f:
        h5ad_root(f)
        sparse_x(f, x_shape, arrays["data"], arrays["indices"], arrays["indptr"])
        h5ad_frames(f, 4, var_names)


def dense_h5ad(name, x, var_names=None):
    x = np.asarray(x)
    with h5py.File(path(name), "w") as f:
        h5ad_root(f)
        d = f.create_dataset("X", data=x)
        d.attrs["encoding-type"] = "array"
        d.attrs["encoding-version"] = "0.2.0"
        h5ad_frames(f, x.shape[0], var_names or [f"g{j}" for j in range(x.shape[1])])


# ---------------------------------------------------------------- byte patches

def global_heap_objects(data):
    """(collection offset, [(object index, offset of its size field, size)]) of the first GCOL."""
    start = data.index(b"GCOL")
    size = struct.unpack_from("<Q", data, start + 8)[0]
    objects, p = [], 16
    while p + 16 <= size:
        index, = struct.unpack_from("<H", data, start + p)
        length, = struct.unpack_from("<Q", data, start + p + 8)
        objects.append((index, start + p + 8, length))
        if index == 0:
            break
        p += 16 + (length + 7) // 8 * 8
    return start, objects


def patched_copy(source, name, patch):
    data = bytearray(open(path(source), "rb").read())
    patch(data)
    with open(path(name), "wb") as f:
        f.write(data)


def heap_cases():
    """A valid minimal h5ad and three damaged copies of its global heap collection, each of
    which crashed, corrupted memory or hung libhdf5 1.10 before gsel checked the heap."""
    minimal_h5ad("_heap_source.h5ad")

    def object_size(pick, resize):
        def patch(data):
            _, objects = global_heap_objects(bytes(data))
            _, field, length = pick(objects)
            struct.pack_into("<Q", data, field, resize(length))
        return patch

    # Object 1 claims 2^40 bytes: libhdf5 reads far past the collection (SIGSEGV).
    patched_copy("_heap_source.h5ad", "h5ad_heap_object_overrun.h5ad",
                 object_size(lambda objects: objects[0], lambda _: 2 ** 40))
    # Object 3 claims 32 KB more than it holds: libhdf5 copies it over a small buffer (malloc abort).
    patched_copy("_heap_source.h5ad", "h5ad_heap_object_oversized.h5ad",
                 object_size(lambda objects: objects[2], lambda length: length + 32768))
    # The free-space object claims 0 bytes: libhdf5's collection walk never advances (hang).
    patched_copy("_heap_source.h5ad", "h5ad_heap_free_space_zero.h5ad",
                 object_size(lambda objects: next(o for o in objects if o[0] == 0), lambda _: 0))
    os.remove(path("_heap_source.h5ad"))


def damaged_root_group():
    """Three damaged root-group tables of a minimal h5ad (the first B-tree node `TREE` and
    symbol-table node `SNOD` in the file are the root group's)."""
    minimal_h5ad("_group_source.h5ad")

    # The symbol-table node's signature overwritten: libhdf5 fails, and gsel must pass its
    # error text on instead of saying the root group is empty.
    def signature(data):
        node = bytes(data).index(b"SNOD")
        data[node:node + 4] = b"XXXX"
    patched_copy("_group_source.h5ad", "h5ad_root_group_damaged.h5ad", signature)

    # The B-tree node claims no entries: libhdf5 sees an empty root group without an error.
    def no_entries(data):
        node = bytes(data).index(b"TREE")
        struct.pack_into("<H", data, node + 6, 0)
    patched_copy("_group_source.h5ad", "h5ad_root_group_no_entries.h5ad", no_entries)

    # The B-tree's first key (a name offset) changed: iterating lists X, looking it up fails.
    def first_key(data):
        node = bytes(data).index(b"TREE")
        data[node + 24] = 0xFF
    patched_copy("_group_source.h5ad", "h5ad_root_group_bad_key.h5ad", first_key)

    # The local heap's first free block points back at itself: libhdf5 walks the free list
    # forever, allocating a node per step, and never returns (only the watchdog stops it).
    def free_list_loop(data):
        heap = bytes(data).index(b"HEAP")
        size, head, segment = struct.unpack_from("<QQQ", data, heap + 8)
        assert head < size, "the root group's local heap has no free block to loop"
        struct.pack_into("<Q", data, segment + head, head)
    patched_copy("_group_source.h5ad", "h5ad_local_heap_loop.h5ad", free_list_loop)
    os.remove(path("_group_source.h5ad"))


# ---------------------------------------------------------------- the cases

def hdf5_cases():
    # Shape attributes no integer type holds (Int(Double) used to trap).
    minimal_h5ad("h5ad_shape_1e19.h5ad", x_shape=np.array([4, 1e19]))
    minimal_h5ad("h5ad_shape_inf.h5ad", x_shape=np.array([np.inf, 5]))
    minimal_h5ad("h5ad_shape_u64max.h5ad", x_shape=np.array([4, 2 ** 64 - 1], dtype=np.uint64))
    # CSR data and indices declaring 2^62 values that are not in the 10 KB file.
    minimal_h5ad("h5ad_csr_2e62_values.h5ad", data=(HUGE, np.float32), indices=(HUGE, np.int32),
                 indptr=np.array([0, 0, 0, 0, HUGE], dtype=np.int64))
    # var/_index declaring 10^9 names (X's shape agrees), none stored.
    with h5py.File(path("h5ad_var_index_1e9.h5ad"), "w") as f:
        h5ad_root(f)
        sparse_x(f, np.array([4, 10 ** 9]), np.zeros(0, np.float32), np.zeros(0, np.int32), np.zeros(5, np.int64))
        h5ad_frames(f, 4, [])
        del f["var/_index"]
        f["var"].create_dataset("_index", shape=(10 ** 9,), dtype=VLEN, chunks=(4096,))
    # Plain HDF5 matrices declaring 2^31 x 2^31 and 10^9 x 4 values; gsel used to generate
    # a sample id for each declared row before any size check.
    with h5py.File(path("plain_x_2e62.h5"), "w") as f:
        f.create_dataset("X", shape=(2 ** 31, 2 ** 31), dtype=np.float32, chunks=(64, 64))
    with h5py.File(path("plain_x_1e9_rows.h5"), "w") as f:
        f.create_dataset("X", shape=(10 ** 9, 4), dtype=np.float32, chunks=(4096, 4))
    # A loom matrix declaring 10^9 cells.
    with h5py.File(path("loom_1e9_cells.loom"), "w") as f:
        f.create_dataset("matrix", shape=(5, 10 ** 9), dtype=np.float32, chunks=(5, 4096))
        f.create_group("row_attrs")["Gene"] = np.array([f"g{j}" for j in range(5)], dtype="S")
        f.create_group("col_attrs")
        f.create_group("layers")
    heap_cases()
    damaged_root_group()
    # Values gsel must refuse instead of ranking: +Inf, float64 beyond Float32, Inf in CSR data.
    x = np.arange(20, dtype=np.float32).reshape(4, 5)
    x[2, 3] = np.inf
    dense_h5ad("h5ad_inf_cell.h5ad", x)
    x64 = np.arange(20, dtype=np.float64).reshape(4, 5)
    x64[1, 4] = 1e300
    dense_h5ad("h5ad_float64_beyond_float32.h5ad", x64)
    minimal_h5ad("h5ad_csr_inf.h5ad", data=np.array([1, 2, 3, 4, np.inf, 6, 7], dtype=np.float32))
    # Duplicate var names (anndata warns; a TSV with them is rejected).
    minimal_h5ad("h5ad_duplicate_var_names.h5ad", var_names=["g0", "g1", "g1", "g3", "g4"])
    # No feature varies.
    dense_h5ad("h5ad_all_constant.h5ad", np.full((4, 5), 3.0, dtype=np.float32))
    # Sparse constant columns: none stored, 5 in every row, 0 and NaN; two that vary.
    minimal_h5ad("h5ad_csr_some_constant.h5ad", **SOME_CONSTANT_CSR)
    # The var dataframe's _index attribute empty (naming the group itself).
    dense_h5ad("h5ad_var_index_attribute_empty.h5ad", np.arange(20, dtype=np.float32).reshape(4, 5))
    with h5py.File(path("h5ad_var_index_attribute_empty.h5ad"), "a") as f:
        f["var"].attrs["_index"] = ""
    # A loom CellID with 3 ids for 4 cells (used to be replaced by generated ids).
    with h5py.File(path("loom_cellid_wrong_length.loom"), "w") as f:
        f["matrix"] = np.arange(20, dtype=np.float32).reshape(5, 4)
        f.create_group("row_attrs")["Gene"] = np.array([f"g{j}" for j in range(5)], dtype="S")
        f.create_group("col_attrs")["CellID"] = np.array(["c0", "c1", "c2"], dtype="S")
        f.create_group("layers")


def text_cases():
    header = "sample_id\tg1\tg2\tg3\n"
    rows = ["s1\t1\t2\t3", "s2\t4\t5\t6", "s3\t7\t8\t9", "s4\t1\t0\t2"]
    # Old Mac line endings: the whole file is one line holding carriage returns.
    write_text("tsv_cr_only.tsv", (header.rstrip("\n") + "\r" + "\r".join(rows) + "\r"), mode="w")
    # Binary garbage named .tsv (deterministic bytes, NULs included).
    rng = np.random.default_rng(13)
    write_text("tsv_binary_garbage.tsv", rng.integers(0, 256, size=600, dtype=np.uint8).tobytes(), mode="wb")
    # UTF-16 with a byte-order mark, as Excel's "Unicode Text" export writes it.
    write_text("tsv_utf16.tsv", (header + "\n".join(rows) + "\n").encode("utf-16"), mode="wb")
    # An HDF5 file given as the label file.
    with h5py.File(path("labels_is_hdf5.labels.tsv"), "w") as f:
        f["X"] = np.zeros((2, 2), dtype=np.float32)
    # 3 MB without a line break (gzip: 3 KB); replayed with --max-memory 1M, so the line
    # limit is 1 MiB (the default, 256 MiB, would need a 256 MB file).
    write_gzip("tsv_no_line_break.tsv.gz", b"sample_id" + b"\tg" * (3 << 19))
    # Infinity in a cell, every cell missing, every feature constant, two constant features.
    write_text("tsv_inf_cell.tsv", header + "\n".join(rows[:2] + ["s3\t7\tinf\t9"] + rows[3:]) + "\n")
    write_text("tsv_all_missing.tsv", header + "".join(f"s{i}\tNA\tNaN\t\n" for i in range(1, 5)))
    write_text("tsv_all_constant.tsv", header + "".join(f"s{i}\t5\t5\t5\n" for i in range(1, 5)))
    write_text("tsv_some_constant.tsv", header + "".join(f"s{i}\t{i}\t5\tNA\n" for i in range(1, 5)))
    # Control bytes (a terminal escape sequence, a carriage return) in a cell.
    write_text("tsv_control_bytes.tsv", header + "s1\t1\t\x1b[31mred\rX\t3\n" + "\n".join(rows[1:]) + "\n")


def vcf_text(records, samples=("A", "B", "C", "D")):
    head = "##fileformat=VCFv4.2\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
    head += "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + "\t".join(samples) + "\n"
    return head + "".join(records)


def bgzf_blocks(data, block=60000):
    """BGZF (bgzip) compression: deflate blocks with the BC extra field, then the EOF block."""
    out = bytearray()
    for start in range(0, len(data), block):
        chunk = data[start:start + block]
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        payload = c.compress(chunk) + c.flush()
        bsize = len(payload) + 25
        out += bytes([31, 139, 8, 4, 0, 0, 0, 0, 0, 255, 6, 0, 66, 67, 2, 0]) + struct.pack("<H", bsize)
        out += payload + struct.pack("<II", zlib.crc32(chunk) & 0xFFFFFFFF, len(chunk))
    out += bytes.fromhex("1f8b08040000000000ff0600424302001b0003000000000000000000")
    return bytes(out)


def vcf_cases():
    record = "1\t{pos}\t.\tA\tG\t.\tPASS\t.\tGT\t0/0\t0/1\t1/1\t0/1\n"
    # A UTF-8 byte-order mark before ##fileformat: read as if it were not there.
    write_text("vcf_bom.vcf", "\ufeff" + vcf_text([record.format(pos=p) for p in (100, 200, 300)]), mode="w")
    # 40,000 records at the same CHROM:POS:REF:ALT (renaming them was quadratic: > 20 s).
    write_gzip("vcf_repeated_site.vcf.gz", vcf_text([record.format(pos=100)] * 40000))
    # BGZF whose second block's BSIZE is 16 bytes short.
    text = vcf_text([record.format(pos=p) for p in range(1, 4001)]).encode()
    data = bytearray(bgzf_blocks(text, block=30000))
    first = struct.unpack_from("<H", data, 16)[0] + 1
    bsize = struct.unpack_from("<H", data, first + 16)[0]
    struct.pack_into("<H", data, first + 16, bsize - 16)
    write_text("vcf_bad_bsize.vcf.gz", bytes(data), mode="wb")
    # DS outside [0, ploidy]: 3 for a diploid call, -1 without GT in FORMAT.
    write_text("vcf_ds_above_ploidy.vcf", vcf_text(["1\t100\t.\tA\tG\t.\tPASS\t.\tGT:DS\t0/0:0\t0/1:1\t1/1:3\t0/1:1.2\n"]))
    write_text("vcf_ds_negative.vcf", vcf_text(["1\t100\t.\tA\tG\t.\tPASS\t.\tDS\t0\t1\t2\t-1\n"]))
    # POS one beyond 2^31-1, after a valid record.
    write_text("vcf_pos_beyond_2e31.vcf", vcf_text([record.format(pos=p) for p in (100, 2 ** 31)]))
    # A gzip bomb: one record with an 8 kB ID repeated 36,000 times (290 MB inflated); the
    # ids alone outgrow --max-memory 1M plus the 256 MiB granted to ids.
    repeated = "1\t100\trs" + "1" * 8000 + "\tA\tG\t.\tPASS\t.\tGT\t0/0\t0/1\t1/1\t0/1\n"
    with open(path("vcf_one_record_repeated.vcf.gz"), "wb") as raw, \
            gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(vcf_text([]).encode())
        block = (repeated * 1000).encode()
        for _ in range(36):
            f.write(block)


def label_cases():
    # 10,000 samples, each its own class (a classification with 10,000 single-sample classes).
    n = 10000
    write_gzip("classes10000.tsv.gz", "sample_id\tg1\tg2\n" + "".join(f"s{i}\t{i % 7}\t{i % 5}\n" for i in range(n)))
    write_gzip("classes10000.labels.tsv.gz", "sample_id\tlabel\n" + "".join(f"s{i}\tclass_{i}\n" for i in range(n)))
    # One class with a single sample.
    write_text("single_sample_class.labels.tsv", "sample_id\tlabel\ns1\ta\ns2\tb\ns3\ta\ns4\tc\n")
    write_text("matrix4.tsv", "sample_id\tg1\tg2\tg3\ns1\t1\t2\t3\ns2\t4\t5\t6\ns3\t7\t8\t9\ns4\t1\t0\t2\n")
    # A regression target that never varies, and one with an infinite value.
    write_text("constant.labels.tsv", "sample_id\tlabel\n" + "".join(f"s{i}\t2.5\n" for i in range(1, 5)))
    write_text("infinite.labels.tsv", "sample_id\tlabel\ns1\t0.5\ns2\tinf\ns3\t1.5\ns4\t2\n")
    # A categorical covariate with one level per sample (as many model columns as samples allow).
    write_text("covariate_level_per_sample.tsv", "sample_id\tbatch\n" + "".join(f"s{i}\tb{i}\n" for i in range(1, 5)))
    # Two-class labels for the samples of the other cases: h5ad obs0..obs3, TSV s1..s4, VCF A..D.
    for name, ids in (("obs4", ["obs0", "obs1", "obs2", "obs3"]), ("s4", ["s1", "s2", "s3", "s4"]),
                      ("vcf4", ["A", "B", "C", "D"])):
        write_text(f"{name}.labels.tsv", "sample_id\tlabel\n" + "".join(f"{i}\t{'ab'[k % 2]}\n" for k, i in enumerate(ids)))


README_HEAD = """# Hostile-input corpus

One small file per hostile input found while fuzzing gsel (issue 13), written by
`scripts/make_hostile_inputs.py` (h5py; damaged HDF5 structures are byte-patched copies of
small valid files, located by their signatures). `cases.tsv` lists every case; two tests
replay it:

- `Tests/GSelIOTests/HostileCorpusTests` reads each input in process, as `gsel select` does
  (matrix, then labels aligned to it, then the covariates of `--covariates`), and checks the
  `InputError`: the file it names and the expected text. A case still running after 30 s fails (hang guard). Cases marked
  `in_process` = `no` are skipped there: gsel's HDF5 watchdog or crash guard ends the
  process for them.
- `Tests/gselCLITests/HostileCorpusReplayTests` runs the binary on each case with a 30 s
  limit and a 4 GiB address-space cap: exit status 1, one `gsel: error:` line naming the
  file, the expected text, no control characters, no output directory; `ok:` cases must
  succeed and log the expected text.

Label files (`*.labels.tsv`) give two classes to the samples of the other cases (or a bad
target to the label cases); a file named in the arguments (`--covariates FILE`) is one of
the corpus too. Regenerate
everything with `.venv/bin/python scripts/make_hostile_inputs.py`; files named `fuzz_*` are
inputs found by `scripts/fuzz.sh` (docs/fuzzing.md), committed as found, and kept.

| input | arguments | gsel's message holds | case (before the fix) |
|---|---|---|---|
"""


# Cases replayed through the binary only: gsel ends the process from its watchdog thread,
# which would end an in-process test run too.
BINARY_ONLY = {"h5ad_local_heap_loop.h5ad", "fuzz_h5_group_btree_null_copy.h5", "fuzz_h5ad_enum_type_invalid_free.h5ad"}


def write_manifest():
    with open(path("cases.tsv"), "w") as f:
        f.write("input\tlabels\targuments\texpect\twhat\tin_process\n")
        for case in CASES:
            f.write("\t".join(case) + "\t" + ("no" if case[0] in BINARY_ONLY else "yes") + "\n")
    with open(path("README.md"), "w") as f:
        f.write(README_HEAD)
        for input_name, labels, arguments, expect, what in CASES:
            cell = expect.replace("|", "\\|")
            f.write(f"| `{input_name}` | {('`' + arguments + '`') if arguments else ''} | {cell} | {what} |\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if not name.startswith("fuzz_"):   # fuzzer findings are kept as found, not generated
            os.remove(path(name))
    hdf5_cases()
    text_cases()
    vcf_cases()
    label_cases()
    write_manifest()
    keep = {"README.md", "cases.tsv"}
    names = [n for n in os.listdir(OUT) if n not in keep]
    total = sum(os.path.getsize(path(n)) for n in names)
    print(f"wrote {len(names)} files, {total} bytes, to {os.path.normpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
