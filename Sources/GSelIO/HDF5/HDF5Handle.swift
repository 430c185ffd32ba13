import CHDF5

/// Owns one HDF5 identifier and closes it with the matching `H5?close` when released.
final class HDF5Handle {
    /// What the identifier refers to; decides the close function.
    enum Kind {
        case file, group, dataset, dataspace, datatype, attribute, propertyList, object
    }

    let id: hid_t
    let kind: Kind

    /// Wraps `id`, or returns nil when HDF5 returned a failure (negative) id.
    init?(_ id: hid_t, _ kind: Kind) {
        guard id >= 0 else { return nil }
        self.id = id
        self.kind = kind
    }

    deinit {
        switch kind {
        case .file: H5Fclose(id)
        case .group: H5Gclose(id)
        case .dataset: H5Dclose(id)
        case .dataspace: H5Sclose(id)
        case .datatype: H5Tclose(id)
        case .attribute: H5Aclose(id)
        case .propertyList: H5Pclose(id)
        case .object: H5Oclose(id)
        }
    }
}
