extension RxNormMap {
    /// Builds the map for a formulary's drugs from an RxNorm release in NLM's RRF layout.
    ///
    /// Reads `RXNCONSO.RRF` (18 `|`-terminated fields: RXCUI, LAT, TS, LUI, STT, SUI, ISPREF, RXAUI,
    /// SAUI, SCUI, SDUI, SAB, TTY, CODE, STR, SRL, SUPPRESS, CVF) and `RXNREL.RRF` (16 fields:
    /// RXCUI1, RXAUI1, STYPE1, REL, RXCUI2, RXAUI2, STYPE2, RELA, RUI, SRUI, SAB, SL, RG, DIR,
    /// SUPPRESS, CVF). Only `SAB=RXNORM` rows count; obsolete and suppressed names (SUPPRESS `O`,
    /// `Y`) are skipped. A clinical drug (SCD), branded drug (SBD) or pack (GPCK, BPCK) is kept when
    /// one of its ingredients (IN, reached through SCDC, MIN or PIN, or through the SCD of a branded
    /// drug or pack) has an RxCUI the formulary lists, or when an ingredient written in its
    /// normalised name is a formulary drug. Relationships are followed in both directions (RXNREL
    /// lists each one both ways), by the term types at either end.
    ///
    /// - Throws: ``RxNormMapError/badRRF(file:line:message:)`` for a line not in NLM's layout.
    public static func importRRF(conso: [UInt8], rel: [UInt8], formulary: Formulary,
                                 consoName: String = "RXNCONSO.RRF", relName: String = "RXNREL.RRF") throws(RxNormMapError) -> RxNormMap {
        let wanted: Set<String> = ["IN", "PIN", "MIN", "SCDC", "SCD", "SBD", "GPCK", "BPCK", "BN"]
        var tty: [String: String] = [:], name: [String: String] = [:]
        try forEachRRFLine(conso, fields: 18, file: consoName) { f throws(RxNormMapError) in
            guard f[11] == "RXNORM", f[16] != "O", f[16] != "Y", wanted.contains(f[12]) else { return }
            if tty[f[0]] == nil { tty[f[0]] = f[12]; name[f[0]] = f[14] }
        }
        let followed: Set<String> = ["has_ingredient", "ingredient_of", "has_ingredients", "ingredients_of", "tradename_of",
                                     "has_tradename", "consists_of", "constitutes", "contains", "contained_in",
                                     "has_precise_ingredient", "precise_ingredient_of", "form_of", "has_form"]
        var links: [String: Set<String>] = [:]
        try forEachRRFLine(rel, fields: 16, file: relName) { f throws(RxNormMapError) in
            guard f[10] == "RXNORM", followed.contains(f[7]), !f[0].isEmpty, !f[4].isEmpty else { return }
            links[f[0], default: []].insert(f[4])
            links[f[4], default: []].insert(f[0])
        }
        func ingredients(of cui: String) -> [String] {
            var found = Set<String>(), seen: Set<String> = [cui], frontier = [cui]
            for _ in 0..<3 {
                var next: [String] = []
                for c in frontier {
                    for n in links[c] ?? [] where seen.insert(n).inserted {
                        switch tty[n] {
                        case "IN": found.insert(n)
                        case "PIN", "MIN", "SCDC", "SCD": next.append(n)
                        default: break
                        }
                    }
                }
                frontier = next
            }
            return found.sorted { ($0.count, $0) < ($1.count, $1) }
        }
        var concepts: [RxNormConcept] = []
        for (cui, t) in tty where ["SCD", "SBD", "GPCK", "BPCK"].contains(t) {
            guard let n = name[cui] else { continue }
            let ins = ingredients(of: cui)
            let byCode = ins.contains { formulary.drug(rxcui: $0) != nil }
            let byName = ClinicalDrugName(n)?.components.contains { ClinicalDrugResolver.drug(named: $0.ingredient, in: formulary) != nil } ?? false
            if byCode || byName { concepts.append(RxNormConcept(rxcui: cui, tty: t, name: n, ingredients: ins)) }
        }
        return RxNormMap(concepts: concepts, formularyVersion: formulary.version)
    }

    /// Calls `body` with the fields of each non-empty line; a line with the wrong field count is an error.
    private static func forEachRRFLine(_ bytes: [UInt8], fields: Int, file: String,
                                       _ body: ([String]) throws(RxNormMapError) -> Void) throws(RxNormMapError) {
        var line = 0, start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            line += 1
            var slice = bytes[start..<end]
            if slice.last == 0x0D { slice = slice.dropLast() }
            start = end + 1
            if slice.isEmpty { continue }
            var parts = slice.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard parts.count == fields + 1, parts.last == "" else {
                throw .badRRF(file: file, line: line,
                              message: "expected \(fields) fields each ended by '|' (NLM's RRF layout), found \(parts.count - (parts.last == "" ? 1 : 0))")
            }
            parts.removeLast()
            try body(parts)
        }
    }
}
