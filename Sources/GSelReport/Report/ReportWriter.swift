/// Writes report.html atomically (temporary file in the same directory, then rename).
public enum ReportWriter {
    public static func write(_ model: ReportModel, to path: String) throws {
        try AtomicFile.write(HTMLReport.render(model), to: path)
    }
}
