import GSelCore
import GSelIO
import XCTest
import _TestSupport

/// The real Golub leukemia data (38 samples x 3051 genes, ALL/AML), decoded by pandas
/// (the project's own reader is tested elsewhere).
struct GolubData {
    let matrix: DenseMatrix
    let target: Target

    static func load(in dir: TemporaryDirectory) throws -> GolubData {
        let expr = GSelProcess.testData("golub/golub.expr.tsv.gz")
        let labels = GSelProcess.testData("golub/golub.labels.tsv")
        let out = try PythonOracle.run("""
            import json, numpy as np, pandas as pd
            x = pd.read_csv(\(pythonString(expr)), sep="\\t", index_col=0)
            lab = pd.read_csv(\(pythonString(labels)), sep="\\t", index_col=0)["label"].loc[x.index]
            names = sorted(lab.unique())
            x.to_numpy(np.float32).tofile("golub_x.bin")
            print(json.dumps({"n": x.shape[0], "p": x.shape[1], "names": names,
                              "codes": [names.index(v) for v in lab]}))
            """, in: dir) as! [String: Any]
        let n = out["n"] as! Int, p = out["p"] as! Int
        let values = try PythonOracle.readFloats(dir.path("golub_x.bin"))
        return GolubData(matrix: DenseMatrix(rows: n, columns: p, values: values),
                         target: .classes(codes: (out["codes"] as! [Any]).ints.map(Int32.init),
                                          names: out["names"] as! [String]))
    }

    private static func pythonString(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
