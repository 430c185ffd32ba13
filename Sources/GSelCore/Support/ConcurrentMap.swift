import Foundation

/// `body(i)` for every i in `0 ..< count` on up to `threads` threads, returned in index
/// order. Indices are started in the order of `schedule` (default ascending), so long jobs
/// can go first. The result does not depend on the thread count when `body` does not.
func concurrentMap<T>(count: Int, threads: Int, schedule: [Int]? = nil, _ body: @Sendable (Int) -> T) -> [T] {
    let order = schedule ?? Array(0 ..< count)
    precondition(order.count == count && Set(order).count == count, "concurrentMap: the schedule must list every index once")
    let slots = ConcurrentSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: min(max(1, threads), max(1, count))) { _ in
        while let next = slots.claim() { slots.store(body(order[next]), at: order[next]) }
    }
    return slots.results
}

/// The results of a `concurrentMap` and its next schedule position, behind a lock.
private final class ConcurrentSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    private var cursor = 0

    init(count: Int) { slots = [T?](repeating: nil, count: count) }

    /// The next schedule position, or nil when all are taken.
    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard cursor < slots.count else { return nil }
        cursor += 1
        return cursor - 1
    }

    func store(_ value: T, at index: Int) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = value
    }

    var results: [T] { slots.map { $0! } }
}
