import CHDF5

/// Version strings of gsel and the libraries it links.
public enum GSelVersion {
    public static let number = "0.3.0"

    public static var hdf5: String {
        var major: UInt32 = 0, minor: UInt32 = 0, release: UInt32 = 0
        gsel_H5_version(&major, &minor, &release)
        return "\(major).\(minor).\(release)"
    }

    public static var versionLine: String { "gsel \(number) (HDF5 \(hdf5))" }
}
