import CHDF5

/// Process-wide HDF5 setup and access to the library's error stack.
enum HDF5Library {
    /// Registers, once per process, the raw string-descriptor conversion `HDF5GlobalHeap`
    /// relies on, and silences HDF5's automatic error printing for the calling thread (gsel
    /// reports errors itself; a thread-safe libhdf5 keeps that setting per thread).
    static func prepare() {
        _ = registered
        gsel_H5_silence_errors()
    }

    /// Should registering fail, reading variable-length strings fails with libhdf5's message.
    private static let registered: Void = { _ = gsel_H5_register_raw_vlen() }()

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
