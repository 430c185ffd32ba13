#!/usr/bin/env python3
"""Writes the small HDF5 fixtures in TestData/h5/ and, for each, the values the
real Python libraries decode from it (the oracle the Swift tests compare against).

Pinned versions (as in scripts/requirements-test.txt):
    h5py==3.16.0  anndata==0.12.19  loompy==3.0.8  scipy==1.17.1  numpy==2.4.6  pandas==2.3.3

Run from the package root with the pinned interop environment when present, else python3:
    .venv/bin/python scripts/make_h5_fixtures.py

For fixture NAME the oracle files are
    NAME.expected.tsv   the decoded matrix, samples as rows: header `sample_id` + feature ids,
                        values as the shortest repr of the float32 they round to (`nan` = missing)
    NAME.expected.json  {"sample_ids", "feature_ids", "feature_names", "annotations": {column: [str|null]}}
Error fixtures (bad_*.h5ad, tenx_no_features.h5) have no oracle; the tests check the error text.
"""
import html
import json
import os
import shutil
import sys
import warnings

import anndata as ad
import h5py
import loompy
import numpy as np
import pandas as pd
import scipy.sparse as sp

warnings.filterwarnings("ignore")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TestData", "h5")
RNG = np.random.default_rng(20240611)


def path(name):
    return os.path.join(OUT, name)


def f32(v):
    """Shortest repr of the float32 nearest to v (what a Float32 store must hold)."""
    v = np.float32(v)
    return "nan" if np.isnan(v) else str(v)


def write_matrix_tsv(name, sample_ids, feature_ids, dense):
    dense = np.asarray(dense)
    assert dense.shape == (len(sample_ids), len(feature_ids)), (name, dense.shape)
    with open(path(name), "w") as f:
        f.write("sample_id\t" + "\t".join(feature_ids) + "\n")
        for sid, row in zip(sample_ids, dense):
            f.write(sid + "\t" + "\t".join(f32(v) for v in row) + "\n")


def format_value(v, dtype):
    """How an annotation value reads as text: None for missing, pandas' str otherwise."""
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, (bool, np.bool_)):
        return "True" if v else "False"
    if isinstance(v, (np.floating,)) and np.isnan(v):
        return None
    if dtype == np.float32 or isinstance(v, np.float32):
        return str(np.float32(v))
    if isinstance(v, (float, np.float64)):
        return repr(float(v))
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    return str(v)


def annotations_of(frame):
    cols = {}
    for c in frame.columns:
        s = frame[c]
        dtype = s.cat.categories.dtype if isinstance(s.dtype, pd.CategoricalDtype) else s.dtype
        cols[str(c)] = [format_value(v, dtype) for v in s.astype(object).tolist()]
    return cols


def write_json(name, sample_ids, feature_ids, feature_names, annotations, **extra):
    with open(path(name), "w") as f:
        json.dump({"sample_ids": list(sample_ids), "feature_ids": list(feature_ids),
                   "feature_names": list(feature_names), "annotations": annotations, **extra},
                  f, ensure_ascii=False)
        f.write("\n")


def storage_of(file_name, key="X"):
    """h5py's view of how the matrix datasets are stored: {path: [compression, level, chunks]}."""
    out = {}
    with h5py.File(path(file_name)) as f:
        obj = f[key]
        for d in ([obj] if isinstance(obj, h5py.Dataset) else [obj[k] for k in ("data", "indices", "indptr")]):
            out[d.name] = [d.compression, d.compression_opts, list(d.chunks) if d.chunks else None]
    return out


def oracle_h5ad(name):
    """Decode NAME with anndata and write its oracle files."""
    a = ad.read_h5ad(path(name))
    x = a.X.toarray() if sp.issparse(a.X) else np.asarray(a.X)
    ids = [str(s) for s in a.var_names]
    names = [str(s) for s in a.var["gene_symbols"]] if "gene_symbols" in a.var.columns else ids
    stem = name.rsplit(".", 1)[0]
    write_matrix_tsv(stem + ".expected.tsv", [str(s) for s in a.obs_names], ids, x)
    write_json(stem + ".expected.json", [str(s) for s in a.obs_names], ids, names, annotations_of(a.obs),
               storage=storage_of(name))


def rich_obs(n):
    """An obs frame with every column kind anndata writes, including missing values."""
    cats = ["T cell", "B cell", "NK"]
    ct = pd.Categorical([cats[i % 3] for i in range(n)], categories=cats)
    ct[2] = np.nan                                   # code -1
    f = RNG.normal(size=n).astype(np.float32)
    f[1] = np.nan
    f[3] = np.float32(1e-7)
    ni = pd.array([i if i % 4 else None for i in range(n)], dtype="Int64")
    nb = pd.array([None if i == 0 else bool(i % 2) for i in range(n)], dtype="boolean")
    return pd.DataFrame({
        "cell_type": ct,
        "donor": [f"donor-{i}" for i in range(n)],            # unique -> plain string array
        "batch": pd.Categorical([i % 2 for i in range(n)]),     # integer categories
        "n_genes": np.arange(100, 100 + n, dtype=np.int64),
        "score": f,
        "total": RNG.normal(size=n) * 1e4,                      # float64
        "is_doublet": [i % 5 == 0 for i in range(n)],
        "n_umi_nullable": ni,
        "passed_qc": nb,
    }, index=[f"cell{i:02d}-ü" if i == 0 else f"cell{i:02d}" for i in range(n)])


def h5ad_fixtures():
    # Dense float32 X with a NaN, rich obs, var with gene_symbols.
    n, p = 12, 7
    x = RNG.normal(size=(n, p)).astype(np.float32)
    x[4, 2] = np.nan
    var = pd.DataFrame({"gene_symbols": [f"SYM{j}" for j in range(p)]}, index=[f"ENSG{j:05d}" for j in range(p)])
    counts = RNG.integers(0, 9, size=(n, p)).astype(np.int32)
    ad.AnnData(X=x, obs=rich_obs(n), var=var, layers={"counts": counts}).write_h5ad(path("ad_dense_f32.h5ad"))
    oracle_h5ad("ad_dense_f32.h5ad")
    a = ad.read_h5ad(path("ad_dense_f32.h5ad"))
    write_matrix_tsv("ad_dense_f32.counts.expected.tsv", [str(s) for s in a.obs_names], [str(s) for s in a.var_names],
                     np.asarray(a.layers["counts"]))

    # CSR, float64 data, int64 indices and indptr.
    n, p = 10, 9
    m = sp.random(n, p, density=0.3, format="csr", random_state=1, dtype=np.float64)
    m = sp.csr_matrix((m.data * 1000 - 500, m.indices, m.indptr), shape=m.shape)
    m.indices, m.indptr = m.indices.astype(np.int64), m.indptr.astype(np.int64)  # scipy would downcast
    a = ad.AnnData(X=m, obs=pd.DataFrame({"cell_type": pd.Categorical(["x", "y"] * 5)}, index=[f"s{i}" for i in range(n)]),
                   var=pd.DataFrame(index=[f"gene{j}" for j in range(p)]))
    a.write_h5ad(path("ad_csr_f64_i64.h5ad"))
    with h5py.File(path("ad_csr_f64_i64.h5ad")) as f:
        assert f["X/indices"].dtype == np.int64 and f["X/data"].dtype == np.float64
    oracle_h5ad("ad_csr_f64_i64.h5ad")

    # CSC, int32 counts, int32 indices, gzip-compressed; var with gene_ids.
    n, p = 11, 8
    m = sp.random(n, p, density=0.35, format="csc", random_state=2)
    m = sp.csc_matrix((np.ceil(m.data * 50).astype(np.int32), m.indices.astype(np.int32), m.indptr.astype(np.int32)), shape=m.shape)
    a = ad.AnnData(X=m, obs=pd.DataFrame({"label": [f"L{i % 3}" for i in range(n)]}, index=[f"bc{i}" for i in range(n)]),
                   var=pd.DataFrame({"gene_ids": [f"ENSG{j}" for j in range(p)]}, index=[f"G{j}" for j in range(p)]))
    a.write_h5ad(path("ad_csc_int_gzip.h5ad"), compression="gzip")
    with h5py.File(path("ad_csc_int_gzip.h5ad")) as f:
        assert f["X"].attrs["encoding-type"] == "csc_matrix" and f["X/data"].compression == "gzip"
        assert f["X/data"].dtype == np.int32
    oracle_h5ad("ad_csc_int_gzip.h5ad")

    # CSR with unsorted column indices and a duplicate entry (scipy sums duplicates).
    data = np.array([1.5, 2.0, 3.25, 4.0, 0.5, 7.0, 1.0], dtype=np.float32)
    indices = np.array([3, 0, 2, 1, 1, 4, 0], dtype=np.int32)
    indptr = np.array([0, 3, 5, 5, 7], dtype=np.int32)
    m = sp.csr_matrix((data, indices, indptr), shape=(4, 5))
    m.has_sorted_indices = False
    a = ad.AnnData(X=m, obs=pd.DataFrame(index=[f"u{i}" for i in range(4)]), var=pd.DataFrame(index=[f"f{j}" for j in range(5)]))
    a.write_h5ad(path("ad_csr_unsorted.h5ad"))
    with h5py.File(path("ad_csr_unsorted.h5ad")) as f:
        assert list(f["X/indices"][:3]) == [3, 0, 2]
    oracle_h5ad("ad_csr_unsorted.h5ad")

    # anndata 0.7-era layout, written by hand: X as an h5sparse CSC group, obs/var
    # dataframes with categories under __categories/<col> (codes dataset carries a reference).
    n, p = 6, 5
    m = sp.random(n, p, density=0.5, format="csc", random_state=3, dtype=np.float32)
    vlen = h5py.string_dtype("utf-8")
    with h5py.File(path("ad_legacy_h5sparse.h5ad"), "w") as f:
        g = f.create_group("X")
        g.attrs["h5sparse_format"] = "csc"
        g.attrs["h5sparse_shape"] = np.array([n, p])
        g["data"] = m.data
        g["indices"] = m.indices
        g["indptr"] = m.indptr
        obs = f.create_group("obs")
        obs.attrs["_index"] = "index"
        obs.attrs.create("column-order", np.array(["cell_type", "depth"], dtype=object), dtype=vlen)
        obs.attrs["encoding-type"] = "dataframe"
        obs.attrs["encoding-version"] = "0.1.0"
        obs.create_dataset("index", data=np.array([f"old{i}" for i in range(n)], dtype=object), dtype=vlen)
        cats = obs.create_group("__categories")
        cats.create_dataset("cell_type", data=np.array(["alpha", "beta"], dtype=object), dtype=vlen)
        codes = obs.create_dataset("cell_type", data=np.array([0, 1, -1, 1, 0, 0], dtype=np.int8))
        codes.attrs["categories"] = cats["cell_type"].ref
        obs["depth"] = np.arange(n, dtype=np.float64) * 0.5
        var = f.create_group("var")
        var.attrs["_index"] = "index"
        var.attrs["column-order"] = np.array([], dtype=np.float64)  # as anndata writes an empty list
        var.attrs["encoding-type"] = "dataframe"
        var.attrs["encoding-version"] = "0.1.0"
        var.create_dataset("index", data=np.array([f"oldgene{j}" for j in range(p)], dtype=object), dtype=vlen)
        f.attrs["encoding-type"] = "anndata"
        f.attrs["encoding-version"] = "0.1.0"
    oracle_h5ad("ad_legacy_h5sparse.h5ad")

    # anndata 0.6-era layout (like scanpy's pbmc68k_reduced): obs/var as compound
    # datasets, categorical codes with categories in uns/<col>_categories, dense X.
    n, p = 5, 4
    with h5py.File(path("ad_legacy_compound.h5ad"), "w") as f:
        f["X"] = RNG.normal(size=(n, p)).astype(np.float32)
        obs = np.zeros(n, dtype=[("index", "S8"), ("group", "i1"), ("n_counts", "<f4")])
        obs["index"] = [f"cc{i}".encode() for i in range(n)]
        obs["group"] = [0, 1, 1, 0, 2]
        obs["n_counts"] = [10.5, 20.25, 0.125, 3.0, 4.75]
        f["obs"] = obs
        var = np.zeros(p, dtype=[("index", "S8"), ("means", "<f4")])
        var["index"] = [f"cg{j}".encode() for j in range(p)]
        var["means"] = [1, 2, 3, 4]
        f["var"] = var
        f["uns/group_categories"] = np.array([b"red", b"green", b"blue"])
    oracle_h5ad("ad_legacy_compound.h5ad")


def tenx_fixtures():
    genes = [f"ENSG{j:05d}" for j in range(6)]
    names = [f"GENE{j}" for j in range(6)]
    ab = ["CD3_TotalSeqB", "CD19_TotalSeqB"]
    barcodes = [f"AAACCTG{i:03d}-1" for i in range(9)]
    n, p = len(barcodes), len(genes) + len(ab)
    counts = sp.random(p, n, density=0.4, format="csc", random_state=4)
    counts = sp.csc_matrix((np.ceil(counts.data * 30).astype(np.int32), counts.indices, counts.indptr), shape=(p, n))
    ftype = ["Gene Expression"] * 3 + ["Antibody Capture"] + ["Gene Expression"] * 3 + ["Antibody Capture"]
    fid = genes[:3] + ab[:1] + genes[3:] + ab[1:]
    fname = names[:3] + ["CD3"] + names[3:] + ["CD19"]
    # Cell Ranger 3+ layout: /matrix, CSC with features as rows, int32 data, int64 indices/indptr,
    # fixed-length ASCII strings, shape as int32.
    with h5py.File(path("tenx_v3.h5"), "w") as f:
        f.attrs["filetype"] = "matrix"
        f.attrs["version"] = 2
        g = f.create_group("matrix")
        g.create_dataset("barcodes", data=np.array(barcodes, dtype="S"))
        g.create_dataset("data", data=counts.data.astype(np.int32), compression="gzip", chunks=(16,))
        g.create_dataset("indices", data=counts.indices.astype(np.int64), compression="gzip", chunks=(16,))
        g.create_dataset("indptr", data=counts.indptr.astype(np.int64))
        g.create_dataset("shape", data=np.array([p, n], dtype=np.int32))
        ft = g.create_group("features")
        ft.create_dataset("_all_tag_keys", data=np.array([b"genome"]))
        ft.create_dataset("feature_type", data=np.array(ftype, dtype="S"))
        ft.create_dataset("genome", data=np.array(["GRCh38"] * p, dtype="S"))
        ft.create_dataset("id", data=np.array(fid, dtype="S"))
        ft.create_dataset("name", data=np.array(fname, dtype="S"))
    with h5py.File(path("tenx_v3.h5")) as f:
        g = f["matrix"]
        shape = tuple(g["shape"][:])
        m = sp.csc_matrix((g["data"][:], g["indices"][:], g["indptr"][:]), shape=shape)
        types = np.array([s.decode() for s in g["features/feature_type"][:]])
        ids = [s.decode() for s in g["features/id"][:]]
        nms = [s.decode() for s in g["features/name"][:]]
        bcs = [s.decode() for s in g["barcodes"][:]]
        dense = m.T.toarray()
        for tag, keep in (("", "Gene Expression"), (".antibody", "Antibody Capture")):
            sel = np.where(types == keep)[0]
            write_matrix_tsv(f"tenx_v3{tag}.expected.tsv", bcs, [ids[j] for j in sel], dense[:, sel])
            write_json(f"tenx_v3{tag}.expected.json", bcs, [ids[j] for j in sel], [nms[j] for j in sel], {})

    # Cell Ranger 2 layout: /<genome>/{barcodes,data,genes,gene_names,indices,indptr,shape}.
    counts2 = sp.random(len(genes), 7, density=0.5, format="csc", random_state=5)
    counts2 = sp.csc_matrix((np.ceil(counts2.data * 9).astype(np.int32), counts2.indices, counts2.indptr), shape=counts2.shape)
    bcs2 = [f"TTTGCAT{i:03d}-1" for i in range(7)]
    with h5py.File(path("tenx_v2.h5"), "w") as f:
        g = f.create_group("GRCh38")
        g.create_dataset("barcodes", data=np.array(bcs2, dtype="S"))
        g.create_dataset("data", data=counts2.data.astype(np.int32))
        g.create_dataset("gene_names", data=np.array(names, dtype="S"))
        g.create_dataset("genes", data=np.array(genes, dtype="S"))
        g.create_dataset("indices", data=counts2.indices.astype(np.int64))
        g.create_dataset("indptr", data=counts2.indptr.astype(np.int64))
        g.create_dataset("shape", data=np.array(counts2.shape, dtype=np.int32))
    with h5py.File(path("tenx_v2.h5")) as f:
        g = f["GRCh38"]
        m = sp.csc_matrix((g["data"][:], g["indices"][:], g["indptr"][:]), shape=tuple(g["shape"][:]))
        ids = [s.decode() for s in g["genes"][:]]
        write_matrix_tsv("tenx_v2.expected.tsv", [s.decode() for s in g["barcodes"][:]], ids, m.T.toarray())
        write_json("tenx_v2.expected.json", [s.decode() for s in g["barcodes"][:]], ids,
                   [s.decode() for s in g["gene_names"][:]], {})

    # A 10x-looking file whose /matrix group lacks features/.
    with h5py.File(path("tenx_no_features.h5"), "w") as f:
        g = f.create_group("matrix")
        for k in ("barcodes", "data", "indices", "indptr", "shape"):
            g.create_dataset(k, data=np.zeros(2, dtype=np.int64))
        g.create_dataset("features", data=np.zeros(1))  # a dataset, not the features group


def loom_fixtures():
    genes, cells = 7, 9
    main = RNG.normal(size=(genes, cells)).astype(np.float32)
    spliced = RNG.poisson(3, size=(genes, cells)).astype(np.float32)
    row_attrs = {"Gene": np.array([f"Gene{j}" for j in range(genes)]),
                 "Accession": np.array([f"ENSMUSG{j:04d}" for j in range(genes)])}
    col_attrs = {"CellID": np.array([f"cell_{i}" if i else "cellé&0" for i in range(cells)]),
                 "ClusterID": np.array([i % 3 for i in range(cells)]),
                 "ClusterName": np.array([["Neuron", "Astro", "Oligo"][i % 3] for i in range(cells)]),
                 "nUMI": np.arange(cells, dtype=np.float64) * 1.5}
    loompy.create(path("loom_layers.loom"), {"": main, "spliced": spliced}, row_attrs, col_attrs)
    with h5py.File(path("loom_layers.loom"), "a") as f:
        # loompy escapes non-ASCII text as XML character references (and unescapes on reading).
        ids = f["col_attrs/CellID"]
        ids[:] = np.array([html.escape(c).encode("ascii", "xmlcharrefreplace").decode() for c in col_attrs["CellID"]], dtype=object)
    with loompy.connect(path("loom_layers.loom"), "r") as ds:
        sids = [str(s) for s in ds.ca["CellID"]]
        ids = [str(s) for s in ds.ra["Accession"]]
        names = [str(s) for s in ds.ra["Gene"]]
        ann = {}
        for k in ds.ca.keys():
            v = ds.ca[k]
            ann[k] = [format_value(x, v.dtype) for x in v.tolist()] if v.ndim == 1 else None
        ann = {k: v for k, v in ann.items() if v is not None}
        write_matrix_tsv("loom_layers.expected.tsv", sids, ids, ds[:, :].T)
        write_json("loom_layers.expected.json", sids, ids, names, ann)
        write_matrix_tsv("loom_layers.spliced.expected.tsv", sids, ids, ds.layers["spliced"][:, :].T)


def plain_fixtures():
    vlen = h5py.string_dtype("utf-8")
    # samples x features float64 with variable-length utf-8 id datasets.
    x = RNG.normal(size=(6, 4))
    with h5py.File(path("plain_sxf.h5"), "w") as f:
        f.create_dataset("data/expr", data=x, chunks=(2, 4), compression="gzip")
        f.create_dataset("data/samples", data=np.array([f"p{i}" for i in range(6)], dtype=object), dtype=vlen)
        f.create_dataset("data/genes", data=np.array([f"q{j}" for j in range(4)], dtype=object), dtype=vlen)
        f.create_dataset("data/label", data=np.array(["case", "ctrl"] * 3, dtype="S"))
    with h5py.File(path("plain_sxf.h5")) as f:
        sids = [s.decode() for s in f["data/samples"][:]]
        fids = [s.decode() for s in f["data/genes"][:]]
        write_matrix_tsv("plain_sxf.expected.tsv", sids, fids, f["data/expr"][:])
        write_json("plain_sxf.expected.json", sids, fids, fids,
                   {"/data/label": [s.decode() for s in f["data/label"][:]]})
    # features x samples int32 with fixed-length id datasets.
    y = RNG.integers(-50, 50, size=(5, 8)).astype(np.int32)
    with h5py.File(path("plain_fxs.h5"), "w") as f:
        f["counts"] = y
        f["sample_names"] = np.array([f"sm{i}" for i in range(8)], dtype="S")
        f["feature_names"] = np.array([f"ft{j}" for j in range(5)], dtype="S")
    with h5py.File(path("plain_fxs.h5")) as f:
        sids = [s.decode() for s in f["sample_names"][:]]
        fids = [s.decode() for s in f["feature_names"][:]]
        write_matrix_tsv("plain_fxs.expected.tsv", sids, fids, f["counts"][:].T)
        write_json("plain_fxs.expected.json", sids, fids, fids, {})
    # No id datasets: ids are generated.
    z = RNG.normal(size=(3, 2)).astype(np.float32)
    with h5py.File(path("plain_noids.h5"), "w") as f:
        f["m"] = z
    with h5py.File(path("plain_noids.h5")) as f:
        sids, fids = [f"sample_{i + 1}" for i in range(3)], [f"feature_{j + 1}" for j in range(2)]
        write_matrix_tsv("plain_noids.expected.tsv", sids, fids, f["m"][:])


def error_fixtures():
    """Minimal hand-written h5ad files, one defect each (kept tiny: no anndata metadata)."""
    vlen = h5py.string_dtype("utf-8")
    def minimal(name, indptr, indices, data=(1, 2, 3, 4, 5, 6, 7), with_x=True):
        with h5py.File(path(name), "w") as f:
            f.attrs["encoding-type"] = "anndata"
            f.attrs["encoding-version"] = "0.1.0"
            if with_x:
                g = f.create_group("X")
                g.attrs["encoding-type"] = "csr_matrix"
                g.attrs["encoding-version"] = "0.1.0"
                g.attrs["shape"] = np.array([4, 5])
                g["data"] = np.array(data, dtype=np.float32)
                g["indices"] = np.array(indices, dtype=np.int32)
                g["indptr"] = np.array(indptr, dtype=np.int32)
            for key, n in (("obs", 4), ("var", 5)):
                d = f.create_group(key)
                d.attrs["_index"] = "_index"
                d.attrs["encoding-type"] = "dataframe"
                d.attrs["encoding-version"] = "0.2.0"
                d.create_dataset("_index", data=np.array([f"{key}{i}" for i in range(n)], dtype=object), dtype=vlen)
            f.create_group("layers")
    good = ([0, 3, 5, 5, 7], [3, 0, 2, 1, 1, 4, 0])
    minimal("bad_indptr_length.h5ad", [0, 3, 5, 5, 9], good[1])
    minimal("bad_indptr_order.h5ad", [0, 3, 2, 5, 7], good[1])
    minimal("bad_indices.h5ad", good[0], [3, 0, 2, 1, 1, 5, 0])
    minimal("no_x.h5ad", *good, with_x=False)


def pbmc_oracle():
    """Sampled values and the var names of the real pbmc68k_reduced.h5ad, as anndata reads them."""
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TestData", "pbmc68k", "pbmc68k_reduced.h5ad")
    a = ad.read_h5ad(src)
    x = np.asarray(a.X)
    rng = np.random.default_rng(7)
    cells = rng.integers(0, a.n_obs, size=200)
    genes = rng.integers(0, a.n_vars, size=200)
    with open(path("pbmc68k_reduced.expected.json"), "w") as f:
        json.dump({"shape": list(a.shape), "var_names": [str(v) for v in a.var_names],
                   "values": [[str(a.obs_names[i]), str(a.var_names[j]), f32(x[i, j])] for i, j in zip(cells, genes)]},
                  f, ensure_ascii=False)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        os.remove(path(name))
    h5ad_fixtures()
    tenx_fixtures()
    loom_fixtures()
    plain_fixtures()
    error_fixtures()
    pbmc_oracle()
    total = sum(os.path.getsize(path(n)) for n in os.listdir(OUT))
    print(f"wrote {len(os.listdir(OUT))} files, {total} bytes, to {os.path.normpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
