"""Writing planted datasets for gsel: the matrix (samples as rows, features f<j>) and the labels."""


def write_planted(prefix, x, y, digits=6):
    """PREFIX.tsv (sample_id, f0, f1, ...) and PREFIX.labels.tsv (sample_id, label: case/control)."""
    n, p = x.shape
    with open(prefix + ".tsv", "w") as f:
        f.write("sample_id\t" + "\t".join(f"f{j}" for j in range(p)) + "\n")
        for i in range(n):
            f.write(f"s{i}\t" + "\t".join(f"{v:.{digits}g}" for v in x[i]) + "\n")
    with open(prefix + ".labels.tsv", "w") as f:
        f.write("sample_id\tlabel\n")
        f.writelines(f"s{i}\t{'case' if y[i] else 'control'}\n" for i in range(n))


def command_line(argv, defaults):
    """(OUT_PREFIX, SAMPLES, FEATURES, SEED) from `argv` ([prog, prefix, n?, p?, seed?]), with defaults."""
    given = [int(v) for v in argv[2:5]]
    return (argv[1], *(given + list(defaults)[len(given):]))
