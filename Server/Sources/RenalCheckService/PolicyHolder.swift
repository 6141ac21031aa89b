import Foundation
import RenalCheck
import Synchronization

/// The site policy in force, swapped atomically on reload: a request keeps the policy it
/// started with, so a reload never drops or mixes a request.
public final class PolicyHolder: Sendable {
    private let current: Mutex<SitePolicy>
    /// The policy file (nil: none).
    public let path: String?
    private let formulary: Formulary

    /// Loads the policy at `path` (or none).
    public init(path: String?, formulary: Formulary) throws(ServiceError) {
        self.path = path
        self.formulary = formulary
        current = Mutex(try Self.load(path: path, formulary: formulary))
    }

    /// The policy in force.
    public var policy: SitePolicy { current.withLock { $0 } }

    /// Reads the file again; keeps the old policy (and throws) when the new one is invalid.
    @discardableResult
    public func reload() throws(ServiceError) -> SitePolicy {
        let p = try Self.load(path: path, formulary: formulary)
        current.withLock { $0 = p }
        return p
    }

    /// Reads and validates a policy file.
    public static func load(path: String?, formulary: Formulary) throws(ServiceError) -> SitePolicy {
        guard let path else { return .standard }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        do {
            return try SitePolicy.decode([UInt8](data), source: path, formulary: formulary)
        } catch {
            throw .invalidPolicy(error.description)
        }
    }
}
