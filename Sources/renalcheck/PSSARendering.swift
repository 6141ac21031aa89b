import RenalCheck
import RenalCheckJSON

/// Text and JSON for sequence symmetry results.
enum PSSARendering {
    static func f(_ x: Double?) -> String {
        guard let x else { return "—" }
        if x.isInfinite { return "∞" }
        let scaled = (x * 10_000).rounded() / 10_000
        return String(scaled)
    }

    static func ci(_ c: PSSAConfidenceInterval?) -> String { c.map { "(\(f($0.lower)), \(f($0.upper)))" } ?? "—" }

    static func text(_ runs: [(String, PSSAResult)], all: Bool) -> String {
        if all {
            var out = "cascade".padding(58) + "IF    MF    cSR      SRnull   aSR      95% CI\n"
            for (name, r) in runs {
                let c = r.counts
                out += name.padding(58) + "\(c.indexFirst)".padding(6) + "\(c.markerFirst)".padding(6)
                    + f(r.crudeSequenceRatio).padding(9) + f(r.nullEffectSequenceRatio).padding(9) + f(r.adjustedSequenceRatio).padding(9)
                    + ci(r.adjustedInterval) + "\n"
            }
            return out
        }
        var out = ""
        for (name, r) in runs {
            let c = r.counts
            out += "PSSA \(name)\n"
            out += "  study \(r.studyStart) to \(r.studyEnd); incident from \(r.incidenceStart); window \(r.parameters.windowDays) d, blackout \(r.parameters.blackoutDays) d, null window \(r.nullWindowDays) d\n"
            out += "  rows \(c.dataRows) (valid \(c.validRows), malformed \(c.malformedRows), unknown drug \(c.unknownDrugRows)); patients \(c.patients)\n"
            out += "  incident index users \(c.incidentIndexUsers), incident marker users \(c.incidentMarkerUsers), users of both \(c.incidentUsersOfBoth)\n"
            out += "  cases \(c.cases): index-first \(c.indexFirst), marker-first \(c.markerFirst)\n"
            out += "  excluded: not incident \(c.notIncident), ties \(c.ties), outside window \(c.outsideWindow), in blackout \(c.inBlackout), no continued exposure \(c.noContinuedExposure)\n"
            out += "  cSR \(f(r.crudeSequenceRatio)) \(ci(r.crudeInterval))\n"
            out += "  SRnull \(f(r.nullEffectSequenceRatio))\n"
            out += "  aSR \(f(r.adjustedSequenceRatio)) \(ci(r.adjustedInterval))\n"
            if !r.unknownDrugs.isEmpty {
                out += "  unknown drugs: " + r.unknownDrugs.prefix(10).map { "\($0.name) (\($0.rows) rows)" }.joined(separator: ", ")
                out += r.unknownDrugs.count > 10 ? " and \(r.unknownDrugs.count - 10) more\n" : "\n"
            }
            if !r.firstMalformedLines.isEmpty { out += "  first malformed lines: \(r.firstMalformedLines.map(String.init).joined(separator: ", "))\n" }
        }
        return out
    }

    static func json(_ runs: [(String, PSSAResult)], all: Bool) -> String {
        var w = JSONWriter(indent: 2)
        func one(_ name: String, _ r: PSSAResult) {
            let c = r.counts
            w.beginObject()
            w.member("pair", name)
            w.member("studyStart", r.studyStart.description); w.member("studyEnd", r.studyEnd.description)
            w.member("incidenceStart", r.incidenceStart.description)
            w.key("parameters"); w.beginObject()
            w.key("washoutDays"); w.integer(r.parameters.washoutDays); w.key("windowDays"); w.integer(r.parameters.windowDays)
            w.key("blackoutDays"); w.integer(r.parameters.blackoutDays); w.key("nullWindowDays"); w.integer(r.nullWindowDays)
            if let ce = r.parameters.continuedExposureDays { w.key("continuedExposureDays"); w.integer(ce) }
            w.endObject()
            w.key("counts"); w.beginObject()
            for (k, v) in [("rows", c.dataRows), ("validRows", c.validRows), ("malformedRows", c.malformedRows), ("unknownDrugRows", c.unknownDrugRows),
                           ("patients", c.patients), ("indexUsers", c.incidentIndexUsers), ("markerUsers", c.incidentMarkerUsers),
                           ("cases", c.cases), ("indexFirst", c.indexFirst), ("markerFirst", c.markerFirst), ("ties", c.ties)] {
                w.key(k); w.integer(v)
            }
            w.key("excluded"); w.beginObject()
            for (k, v) in [("notIncident", c.notIncident), ("ties", c.ties), ("outsideWindow", c.outsideWindow),
                           ("inBlackout", c.inBlackout), ("noContinuedExposure", c.noContinuedExposure)] { w.key(k); w.integer(v) }
            w.endObject()
            w.endObject()
            for (k, v) in [("cSR", r.crudeSequenceRatio), ("SRnull", r.nullEffectSequenceRatio), ("aSR", r.adjustedSequenceRatio)] {
                w.key(k); if let v, v.isFinite { w.number(v) } else { w.null() }
            }
            for (k, c) in [("cSRInterval", r.crudeInterval), ("aSRInterval", r.adjustedInterval)] {
                w.key(k)
                if let c { w.beginArray(); w.number(c.lower); if c.upper.isFinite { w.number(c.upper) } else { w.null() }; w.endArray() } else { w.null() }
            }
            w.key("unknownDrugs"); w.beginArray()
            for u in r.unknownDrugs { w.beginObject(); w.member("name", u.name); w.key("rows"); w.integer(u.rows); w.endObject() }
            w.endArray()
            w.endObject()
        }
        if all { w.beginArray(); for (n, r) in runs { one(n, r) }; w.endArray() } else if let (n, r) = runs.first { one(n, r) }
        return w.text
    }
}
