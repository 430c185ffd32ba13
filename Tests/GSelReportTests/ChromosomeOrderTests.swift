import GSelReport
import Testing

@Suite struct ChromosomeOrderTests {
    @Test func naturalOrderWithPrefixesAndMitochondria() {
        let input = ["chrX", "10", "2", "chr1", "MT", "Y", "chrM", "22", "GL000192.1", "1", "chr10", "KI270728.1", "9"]
        #expect(ChromosomeOrder.sorted(input) == ["1", "2", "9", "10", "22", "X", "Y", "MT", "GL000192.1", "KI270728.1"])
    }

    @Test func displayNames() {
        #expect(ChromosomeOrder.displayName("chr7") == "7")
        #expect(ChromosomeOrder.displayName("CHRx") == "X")
        #expect(ChromosomeOrder.displayName("chrM") == "MT")
        #expect(ChromosomeOrder.displayName("chr") == "chr")
        #expect(ChromosomeOrder.displayName("chrUn_gl000220") == "Un_gl000220")
    }

    @Test func numbersCompareNumericallyBeyond22() {
        // Mouse, dog and plant genomes have more numbered chromosomes.
        #expect(ChromosomeOrder.areInIncreasingOrder("19", "38"))
        #expect(ChromosomeOrder.areInIncreasingOrder("38", "X"))
        #expect(!ChromosomeOrder.areInIncreasingOrder("X", "X"))
    }
}
