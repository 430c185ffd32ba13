/// What an HDF5 path names.
public enum HDF5ObjectKind: String, Sendable {
    case group, dataset
    /// A named datatype, a dangling link, or anything else that is neither group nor dataset.
    case other
    /// Nothing at that path.
    case missing
}
