/// A small enumeration whose cases can be combined into a `UInt8` bit set (at most 8 cases).
protocol BitSetMember: CaseIterable, Equatable {}

extension BitSetMember {
    /// This case's bit: 1 for the first case, 2 for the second, ….
    var bit: UInt8 { 1 << UInt8(Self.allCases.firstIndex(of: self).map { Self.allCases.distance(from: Self.allCases.startIndex, to: $0) } ?? 0) }
}
