import ArgumentParser
import RenalCheck

/// `--hepatic`: a Child–Pugh class, or `unknown` to have hepatic rules reported as not checked.
enum HepaticOption: String, ExpressibleByArgument, CaseIterable {
    case none, mild, moderate, severe, unknown

    /// The class, or nil for `unknown`.
    var impairment: HepaticImpairment? { HepaticImpairment(rawValue: rawValue) }
}
