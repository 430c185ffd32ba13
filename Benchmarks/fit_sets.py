"""Reading gsel fit files (`<out>/fits/fit-<pair>-<a|b>.tsv`) for research scripts."""
import glob
import os


class Fit:
    """One fit: pair, half, the picked feature ids in order and their attention weights."""

    def __init__(self, pair, half, picks, weights):
        self.pair, self.half, self.picks, self.weights = pair, half, picks, weights


def read_fits(out):
    fits = []
    for path in sorted(glob.glob(os.path.join(out, "fits", "fit-*.tsv"))):
        pair = half = None
        picks, weights = [], []
        with open(path) as f:
            for line in f:
                if line.startswith("# pair="):
                    pair = int(line.split("=")[1])
                elif line.startswith("# half="):
                    half = line.split("=")[1].strip()
                elif line.startswith("pick\t"):
                    cells = line.rstrip("\n").split("\t")
                    picks.append(cells[3])
                    weights.append(float(cells[4]))
        fits.append(Fit(pair, half, picks, weights))
    fits.sort(key=lambda f: (f.pair, f.half))
    return fits
