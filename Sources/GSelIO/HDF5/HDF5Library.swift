import CHDF5

/// Process-wide HDF5 setup and access to the library's error stack.
enum HDF5Library {
    /// Silences HDF5's automatic error printing (gsel reports errors itself). Evaluated once.
    static let prepared: Void = { gsel_H5_silence_errors() }()

    /// The most specific message on the current error stack (then clears it), or nil.
    static func takeErrorMessage() -> String? {
        var messages: [String] = []
        withUnsafeMutablePointer(to: &messages) { box in
            _ = gsel_H5E_walk({ _, error, data in
                guard let error, let data, let desc = error.pointee.desc else { return 0 }
                let text = String(cString: desc)
                if !text.isEmpty { data.assumingMemoryBound(to: [String].self).pointee.append(text) }
                return 0
            }, box)
        }
        gsel_H5E_clear()
        return messages.first
    }
}
