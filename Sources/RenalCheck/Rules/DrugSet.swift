/// A set of drugs named by drug ids and class ids, expanded to drug indices at load time.
public struct DrugSet: Sendable, Hashable {
    /// The drug ids as written.
    public let drugIDs: [String]
    /// The class ids as written.
    public let classIDs: [String]
    /// Every drug index the set covers (named drugs and members of named classes).
    let members: Set<Int32>

    init(drugIDs: [String], classIDs: [String], members: Set<Int32>) {
        self.drugIDs = drugIDs
        self.classIDs = classIDs
        self.members = members
    }

    /// True when the drug at `index` is in the set.
    func contains(_ index: Int32) -> Bool { members.contains(index) }

    /// `baclofen, cyclobenzaprine, class muscle-relaxant`.
    public var described: String {
        (drugIDs + classIDs.map { "class \($0)" }).joined(separator: ", ")
    }
}
