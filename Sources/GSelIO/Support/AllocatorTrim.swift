#if canImport(Glibc)
import Glibc
#endif

/// Gives memory the C allocator keeps after a load back to the system. glibc keeps freed
/// blocks below its mmap threshold (which rises to 32 MiB as large buffers are freed) in its
/// heap, resident: after a 500k-variant VCF the reader's id set and buffers (about 40 MiB)
/// would stay next to the store for the whole run. `malloc_trim` is looked up at run time,
/// so without glibc (macOS, musl) this does nothing.
public enum AllocatorTrim {
    private typealias Trim = @convention(c) (Int) -> Int32

    #if canImport(Glibc)
    /// glibc's `malloc_trim`, found through `RTLD_DEFAULT` (a null handle).
    private static let trim: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }
    #else
    private static let trim: Trim? = nil
    #endif

    /// Returns the free pages of the allocator's heaps to the system.
    public static func returnFreedMemory() {
        _ = trim?(0)
    }
}
