"""Fashion-MNIST benchmark helper (the Sequential Attention paper's benchmark).

  prepare DATASET_DIR OUT_DIR
      idx files of Debian's dataset-fashion-mnist -> OUT_DIR/train.h5 (/X 60000 x 784 float32
      in [0, 1], /sample_ids, /feature_ids px000..px783), OUT_DIR/train_labels.tsv and
      OUT_DIR/data.npz (training and official 10k test arrays for the refits)
  evaluate OUT_DIR [SEED SECONDS RSS_MB RANKING_TSV]...
      refit an MLP on the pixels of each gsel run (one per seed), of two baselines (F-test
      SelectKBest, L1 logistic regression) and on all pixels; print selection time and
      accuracy on the official test set side by side
"""
import gzip
import os
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = int.from_bytes(data[0:4], "big") & 0xFF
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load_split(dataset_dir, prefix):
    images = read_idx(os.path.join(dataset_dir, f"{prefix}-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(dataset_dir, f"{prefix}-labels-idx1-ubyte.gz"))
    return images.reshape(len(images), -1).astype(np.float32) / 255.0, labels.astype(np.int64)


def prepare(dataset_dir, out_dir):
    import h5py
    os.makedirs(out_dir, exist_ok=True)
    x, y = load_split(dataset_dir, "train")
    xt, yt = load_split(dataset_dir, "t10k")
    sample_ids = np.array([f"train{i:05d}" for i in range(len(x))], dtype="S")
    feature_ids = np.array([f"px{j:03d}" for j in range(x.shape[1])], dtype="S")
    tmp = os.path.join(out_dir, "train.h5.tmp")
    with h5py.File(tmp, "w") as f:
        f.create_dataset("X", data=x)
        f.create_dataset("sample_ids", data=sample_ids)
        f.create_dataset("feature_ids", data=feature_ids)
    with open(os.path.join(out_dir, "train_labels.tsv"), "w") as f:
        f.write("sample_id\tlabel\n")
        f.writelines(f"{s.decode()}\tclass{label}\n" for s, label in zip(sample_ids, y))
    np.savez(os.path.join(out_dir, "data.npz"), x=x, y=y, xt=xt, yt=yt)
    os.replace(tmp, os.path.join(out_dir, "train.h5"))


def refit_accuracy(data, features):
    """Official-test-set accuracy of an MLP (67 ReLU units as in gsel and the paper, Adam,
    fixed seed, no early stopping, 60 epochs) refit on the training images' `features`."""
    x, y, xt, yt = data
    model = MLPClassifier(hidden_layer_sizes=(67,), max_iter=60, early_stopping=False, random_state=0,
                          batch_size=256, learning_rate_init=1e-3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x[:, features], y)
    return float((model.predict(xt[:, features]) == yt).mean())


def f_test_top(x, y, k):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # constant border pixels give 0/0 F statistics
        scores = SelectKBest(f_classif, k=k).fit(x, y).scores_
    return list(np.argsort(-np.nan_to_num(scores, nan=-np.inf), kind="stable")[:k])


def l1_logistic(c):
    """An L1-penalised multinomial logistic regression (saga) in the installed scikit-learn's spelling."""
    major, minor = (int(v) for v in sklearn.__version__.split(".")[:2])
    penalty = {"l1_ratio": 1.0} if (major, minor) >= (1, 8) else {"penalty": "l1"}
    return LogisticRegression(solver="saga", C=c, max_iter=30, tol=1e-3, random_state=0, **penalty)


def l1_logistic_top(x, y, k):
    """Top-k pixels by max |coef| over classes, at the smallest C of a grid that leaves at
    least k pixels with a nonzero coefficient."""
    for c in (0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            score = np.abs(l1_logistic(c).fit(x, y).coef_).max(axis=0)
        if (score > 0).sum() >= k:
            break
    return list(np.argsort(-score, kind="stable")[:k]), c, int((score > 0).sum())


def ranked_pixels(path):
    with open(path) as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    col = rows[0].index("feature_id")
    return [int(row[col][2:]) for row in rows[1:]]


def evaluate(out_dir, runs):
    """`runs`: (seed, seconds, peak RSS MB, ranking.tsv path) of each gsel run."""
    d = np.load(os.path.join(out_dir, "data.npz"))
    data = (d["x"], d["y"], d["xt"], d["yt"])
    x, y = data[0], data[1]
    rows = []
    for seed, seconds, rss, path in runs:
        pixels = ranked_pixels(path)
        rows.append((f"gsel --method sa --seed {seed} (peak RSS {rss} MB)", len(pixels), float(seconds),
                     refit_accuracy(data, pixels)))
    k = rows[0][1]
    gsel_seconds = rows[0][2]
    if len(rows) > 1:
        accuracies = [r[3] for r in rows]
        rows.append((f"gsel, mean of {len(rows)} seeds (range {min(accuracies):.4f}-{max(accuracies):.4f})", k,
                     float(np.mean([r[2] for r in rows])), float(np.mean(accuracies))))
    start = time.perf_counter()
    f_top = f_test_top(x, y, k)
    rows.append(("SelectKBest(f_classif)", k, time.perf_counter() - start, refit_accuracy(data, f_top)))
    start = time.perf_counter()
    l1_top, c, nonzero = l1_logistic_top(x, y, k)
    rows.append((f"L1 logistic, saga, C={c} ({nonzero} nonzero)", k, time.perf_counter() - start,
                 refit_accuracy(data, l1_top)))
    rows.append(("all pixels (no selection)", x.shape[1], None, refit_accuracy(data, list(range(x.shape[1])))))
    print(f"{'method':<58} {'k':>4} {'select_s':>9} {'vs_gsel':>8} {'test_acc':>9}")
    for name, kk, s, acc in rows:
        sel, rel = ("-", "-") if s is None else (f"{s:.2f}", f"{s / gsel_seconds:.2f}")
        print(f"{name:<58} {kk:>4} {sel:>9} {rel:>8} {acc:>9.4f}")
    print(f"{'paper: Sequential Attention (TensorFlow)':<58} {50:>4} {'38-45':>9} {'-':>8} {0.843:>9.3f}")
    print(f"{'paper: univariate filter':<58} {50:>4} {'-':>9} {'-':>8} {0.66:>9.2f}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 7 and len(sys.argv) % 4 == 3 and sys.argv[1] == "evaluate":
        args = sys.argv[3:]
        evaluate(sys.argv[2], [tuple(args[i:i + 4]) for i in range(0, len(args), 4)])
    else:
        sys.exit(__doc__)
