import XCTest
import GSelCore

/// The automatic training plan documented in the README.
final class SequentialAttentionConfigTests: XCTestCase {
    func testPlanForLargeDataUsesMinibatchesAndPerCoordinateAdam() {
        // n = 600, k = 6: T* = max(1000, 40·6/0.9) = 1000; batch clamp(round(20·600/1000), 16, 256) = 16;
        // 38 batches per epoch, epochs ceil(1000·16/600) = 27; lr 0.01 (n ≥ p).
        let plan = SequentialAttentionConfig().plan(samples: 600, features: 200, k: 6)
        XCTAssertEqual(plan.batchSize, 16)
        XCTAssertEqual(plan.epochs, 27)
        XCTAssertEqual(plan.totalSteps, 27 * 38)
        XCTAssertEqual(plan.learningRate, 0.01, accuracy: 1e-7)
        XCTAssertEqual(plan.logitOptimizer, .adam)
    }

    func testPlanForTinySplitsKeepsGradientSizes() {
        // Golub's stability halves: 13 samples, 3051 genes. The batch is the whole split, so
        // the logit gradient is deterministic and auto resolves to the shared scale.
        let half = SequentialAttentionConfig().plan(samples: 13, features: 3051, k: 20)
        XCTAssertEqual(half.batchSize, 13)
        XCTAssertEqual(half.totalSteps, half.epochs)
        XCTAssertEqual(half.learningRate, 0.002, accuracy: 1e-7)
        XCTAssertEqual(half.logitOptimizer, .sharedScale)
        // The reference fit on 27 samples has 2 batches of 16 per epoch: still below 4.
        XCTAssertEqual(SequentialAttentionConfig().plan(samples: 27, features: 3051, k: 20).logitOptimizer, .sharedScale)
        // 64 samples: 4 batches of 16, enough noise for per-coordinate Adam.
        XCTAssertEqual(SequentialAttentionConfig().plan(samples: 64, features: 3051, k: 20).logitOptimizer, .adam)
    }

    /// At most 200 passes over a split: Golub's 19-sample halves ran ceil(1000·16/19) = 843
    /// epochs of 2 batches (1,686 steps) and now run 200 (400 steps); a pbmc68k half of 245
    /// cells keeps its ceil(1000·16/245) = 66 epochs; an explicit --epochs is not capped.
    func testEpochsAreCappedOnTinySplitsOnly() {
        let golub = SequentialAttentionConfig().plan(samples: 19, features: 3051, k: 20)
        XCTAssertEqual(golub.batchSize, 16)
        XCTAssertEqual(golub.epochs, 200)
        XCTAssertEqual(golub.totalSteps, 400)
        let pbmc = SequentialAttentionConfig().plan(samples: 245, features: 765, k: 20)
        XCTAssertEqual(pbmc.epochs, 66)
        XCTAssertEqual(pbmc.totalSteps, 66 * 16)
        var explicit = SequentialAttentionConfig()
        explicit.epochs = 500
        XCTAssertEqual(explicit.plan(samples: 19, features: 3051, k: 20).epochs, 500)
    }

    func testExplicitLogitOptimizerIsKept() {
        var config = SequentialAttentionConfig()
        config.logitOptimizer = .adam
        XCTAssertEqual(config.plan(samples: 13, features: 3051, k: 20).logitOptimizer, .adam)
        config.logitOptimizer = .sharedScale
        XCTAssertEqual(config.plan(samples: 600, features: 200, k: 6).logitOptimizer, .sharedScale)
    }
}
