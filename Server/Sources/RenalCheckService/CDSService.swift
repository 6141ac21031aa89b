import Foundation
import Logging
import RenalCheck

/// The CDS Hooks 2.0 endpoints, free of HTTP plumbing: discovery, a call, feedback.
///
/// All clinical logic is the library's: the request is read by
/// `ScreeningRequest.decode(cdsHooks:)`, screened by `Checker`, filtered by the site policy
/// (`ScreeningReport.applying(_:hook:)`) and written by `cdsHooksResponse`. The service adds what
/// a service must: prefetch completion from the EHR's FHIR server, a card naming the data that
/// could not be had, override reasons on cards, the record of cards and feedback.
public struct CDSService: Sendable {
    /// The one service id, registered for both hooks.
    public static let serviceID = "renalcheck"
    /// The hooks served.
    public static let hooks = ["order-select", "order-sign"]
    /// The rule id of the card naming data that could not be fetched.
    public static let dataGapRuleID = "renalcheck.service.data-unavailable"

    let formulary: Formulary
    let checker: Checker
    let policies: PolicyHolder
    let store: CardStore
    let fetcher: FHIRFetcher
    let metrics: ServiceMetrics
    let requestTimeout: Double

    /// Creates the service.
    public init(formulary: Formulary, policies: PolicyHolder, store: CardStore, fetcher: FHIRFetcher,
                metrics: ServiceMetrics, requestTimeout: Double) {
        self.formulary = formulary
        checker = Checker(formulary: formulary)
        self.policies = policies
        self.store = store
        self.fetcher = fetcher
        self.metrics = metrics
        self.requestTimeout = requestTimeout
    }

    /// The prefetch templates, by key.
    var templates: [(key: String, query: String)] { CDSHooksPrefetch.templates(formulary: formulary) }

    /// What each prefetch key feeds, for the data-gap card.
    static let purpose: [String: String] = [
        "patient": "patient record (age, sex)",
        "conditions": "active conditions (dialysis status, kidney failure, other conditions)",
        "dialysis": "dialysis procedures (dialysis modality)",
        "labs": "lab results (eGFR, potassium, magnesium, calcium, phosphate, aluminium, weight)",
        "activeMeds": "active medications (interactions, duplicates, cascades)",
    ]

    // MARK: Discovery

    /// `GET /cds-services`.
    public func discovery() -> CDSResult {
        var prefetch: [String: String] = [:]
        for t in templates { prefetch[t.key] = t.query }
        let services = Self.hooks.map { hook -> [String: Any] in
            [
                "hook": hook,
                "id": Self.serviceID,
                "title": "RenalCheck medication safety for kidney failure and dialysis",
                "description": "Screens \(hook == "order-select" ? "selected" : "to-be-signed") medication orders against the RenalCheck formulary "
                    + "(\(formulary.name) \(formulary.version)) for patients with kidney failure or on dialysis: dose, dialysis timing, "
                    + "avoid-in-kidney-failure, lab, interaction, duplicate and cascade rules.",
                "prefetch": prefetch,
                "usageRequirements": "Send MedicationRequest draft orders coded with RxNorm; send or allow fetching of the prefetch "
                    + "data (dialysis status and labs change the answer). Every card carries a uuid for feedback.",
            ]
        }
        return CDSResult(status: 200, body: JSONText.bytes(["services": services]))
    }

    // MARK: Call

    /// `POST /cds-services/{id}`.
    public func call(id: String, body: [UInt8], logger: Logger) async -> CDSResult {
        guard id == Self.serviceID else { return .error(404, "no CDS service with this id") }
        guard var request = JSONText.object(body) else { return .error(400, "the body is not a JSON object") }
        guard let hook = request["hook"] as? String, Self.hooks.contains(hook) else {
            return .error(400, "hook must be one of: \(Self.hooks.joined(separator: ", "))")
        }
        guard let hookInstance = request["hookInstance"] as? String, !hookInstance.isEmpty else {
            return .error(400, "hookInstance is required")
        }
        guard let context = request["context"] as? [String: Any] else { return .error(400, "context is required") }
        let policy = policies.policy

        // Prefetch: take what came, fetch what is missing, note what could not be had.
        var prefetch = request["prefetch"] as? [String: Any] ?? [:]
        // A prefetch the EHR could not satisfy may come as an OperationOutcome: fetch it instead.
        for (key, value) in prefetch where (value as? [String: Any])?["resourceType"] as? String == "OperationOutcome" {
            prefetch.removeValue(forKey: key)
        }
        let patientID = context["patientId"] as? String
        let server = request["fhirServer"] as? String
        let token = (request["fhirAuthorization"] as? [String: Any])?["access_token"] as? String
        var gaps: [(key: String, reason: String)] = []
        await withTaskGroup(of: (String, Result<JSONBox, FHIRFetcher.Failure>).self) { group in
            for t in templates where prefetch.index(forKey: t.key) == nil {
                guard let patientID, let query = Self.render(t.query, patientID: patientID) else {
                    gaps.append((t.key, "not prefetched, and the request has no patient id to fetch it with"))
                    continue
                }
                group.addTask { [fetcher] in
                    do throws(FHIRFetcher.Failure) {
                        return (t.key, .success(JSONBox(try await fetcher.get(server: server, query: query, token: token))))
                    } catch {
                        return (t.key, .failure(error))
                    }
                }
            }
            for await (key, result) in group {
                switch result {
                case .success(let resource):
                    prefetch[key] = resource.value
                    metrics.fhirFetch(outcome: "ok")
                case .failure(let failure):
                    gaps.append((key, failure.description))
                    metrics.fhirFetch(outcome: failure == .timeout ? "timeout" : failure == .noServer ? "none" : "error")
                }
            }
        }
        // A searchset with more pages is incomplete: follow `next` on the same server, a few pages.
        for t in templates {
            guard var bundle = prefetch[t.key] as? [String: Any], Self.nextLink(bundle) != nil else { continue }
            var pages = 0
            while let next = Self.nextLink(bundle), pages < 4 {
                pages += 1
                do {
                    let page = try await fetcher.get(server: server, query: next, token: token)
                    var entries = bundle["entry"] as? [Any] ?? []
                    entries.append(contentsOf: page["entry"] as? [Any] ?? [])
                    bundle["entry"] = entries
                    bundle["link"] = page["link"]
                } catch {
                    break
                }
            }
            prefetch[t.key] = bundle
            if Self.nextLink(bundle) != nil { gaps.append((t.key, "only part of it could be read (more pages than fetched)")) }
        }
        request["prefetch"] = prefetch
        gaps.sort { $0.key < $1.key }

        // Screen with the library.
        let screening: ScreeningRequest
        do {
            screening = try ScreeningRequest.decode(cdsHooks: JSONText.bytes(request), source: "request", formulary: formulary)
        } catch {
            return .error(400, "the request could not be read", problems: error.problems.map { "\($0.path): \($0.message)" })
        }
        let report = checker.screen(screening).applying(policy, hook: hook)
        let text = report.cdsHooksResponse(formulary: policy.suggestions ? formulary : nil, hookInstance: hookInstance, indent: 0)
        guard var response = JSONText.object(Array(text.utf8)), var cards = response["cards"] as? [[String: Any]] else {
            return .error(500, "internal error writing cards")
        }
        let uuids = report.cdsHooksCardUUIDs(hookInstance: hookInstance)
        let now = JSONText.timestamp()
        var issued: [IssuedCard] = []
        for (i, f) in report.findings.enumerated() where i < cards.count {
            cards[i]["overrideReasons"] = Self.overrideReasons
            issued.append(IssuedCard(uuid: uuids[i], ruleID: f.ruleID, hook: hook, severity: f.severity.rawValue, issuedAt: now,
                                     policySHA256: policy.sha256, formularySHA256: formulary.sha256))
        }
        if !gaps.isEmpty {
            let card = dataGapCard(gaps, hookInstance: hookInstance)
            cards.append(card)
            issued.append(IssuedCard(uuid: card["uuid"] as? String ?? "", ruleID: Self.dataGapRuleID, hook: hook, severity: "moderate",
                                     issuedAt: now, policySHA256: policy.sha256, formularySHA256: formulary.sha256))
        }
        response["cards"] = cards
        do {
            try await store.write(.cards(issued))
        } catch {
            logger.error("card store write failed", metadata: ["error": "\(error)"])
            return .error(503, "the card record could not be written; try again")
        }
        for (card, rec) in zip(cards, issued) { metrics.card(severity: rec.severity, indicator: card["indicator"] as? String ?? "") }
        var result = CDSResult(status: 200, body: JSONText.bytes(response))
        result.headers.append(("X-RenalCheck-Formulary-SHA256", formulary.sha256))
        // The policy this call used (a reload during the call does not change it).
        result.headers.append(("X-RenalCheck-Policy-SHA256", policy.sha256))
        return result
    }

    /// A template with `{{context.patientId}}` filled in (nil for an id that is not a FHIR id).
    static func render(_ template: String, patientID: String) -> String? {
        let id = patientID.hasPrefix("Patient/") ? String(patientID.dropFirst(8)) : patientID
        guard !id.isEmpty, id.count <= 64, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else { return nil }
        return template.replacingOccurrences(of: "{{context.patientId}}", with: id)
    }

    /// The `next` link of a Bundle, if any.
    static func nextLink(_ bundle: [String: Any]) -> String? {
        guard bundle["resourceType"] as? String == "Bundle", let links = bundle["link"] as? [[String: Any]] else { return nil }
        return links.first { $0["relation"] as? String == "next" }?["url"] as? String
    }

    /// Override reasons offered on every card: v3 ActCode detected-issue management codes.
    static let overrideReasons: [[String: String]] = [
        ("1", "Therapy Appropriate"), ("2", "Assessed Patient"), ("4", "Consulted Other Source"),
        ("5", "Consulted Prescriber"), ("7", "Interacting Therapy No Longer Active/Planned"),
        ("9", "Instituted Ongoing Monitoring Program"),
    ].map { ["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": $0.0, "display": $0.1] }

    /// The card saying which data could not be had, so the answer is never a silent all-clear.
    func dataGapCard(_ gaps: [(key: String, reason: String)], hookInstance: String) -> [String: Any] {
        var lines = ["**RenalCheck could not get all the patient data it screens with.** Rules that need the data below were "
            + "not checked, and conditions that could not be read (dialysis among them) were treated as unknown. "
            + "Check these orders by hand or call again when the EHR can supply the data.", ""]
        for g in gaps { lines.append("- \(Self.purpose[g.key] ?? g.key): \(g.reason)") }
        return [
            "uuid": UUID().uuidString.lowercased(),
            "summary": "Some patient data could not be read from the EHR: not every rule was checked",
            "detail": lines.joined(separator: "\n"),
            "indicator": "warning",
            "source": ["label": "RenalCheck service (formulary \(formulary.name) \(formulary.version))"],
            "overrideReasons": Self.overrideReasons,
        ]
    }

    // MARK: Feedback

    /// `POST /cds-services/{id}/feedback`.
    public func feedback(id: String, body: [UInt8], logger: Logger) async -> CDSResult {
        guard id == Self.serviceID else { return .error(404, "no CDS service with this id") }
        guard let object = JSONText.object(body), let entries = object["feedback"] as? [[String: Any]], !entries.isEmpty else {
            return .error(400, "the body must be {\"feedback\": [ ... ]} with at least one entry")
        }
        guard entries.count <= 1000 else { return .error(400, "at most 1000 feedback entries per call") }
        var records: [FeedbackRecord] = []
        let now = JSONText.timestamp()
        for (i, e) in entries.enumerated() {
            guard let card = e["card"] as? String, !card.isEmpty, card.count <= 64 else { return .error(400, "feedback[\(i)].card is required") }
            guard let outcome = e["outcome"] as? String, outcome == "accepted" || outcome == "overridden" else {
                return .error(400, "feedback[\(i)].outcome must be accepted or overridden")
            }
            guard let at = e["outcomeTimestamp"] as? String, !at.isEmpty, at.count <= 40 else {
                return .error(400, "feedback[\(i)].outcomeTimestamp is required")
            }
            let accepted = e["acceptedSuggestions"] as? [Any] ?? []
            let override = e["overrideReason"] as? [String: Any]
            let reason = override?["reason"] as? [String: Any]
            func field(_ key: String) -> String? { (reason?[key] as? String).map { String($0.prefix(200)) } }
            let comment = (override?["userComment"] as? String).map { !$0.isEmpty } ?? false
            records.append(FeedbackRecord(cardUUID: card, outcome: outcome, reasonSystem: field("system"), reasonCode: field("code"),
                                          reasonDisplay: field("display"), hasComment: comment, acceptedSuggestions: accepted.count,
                                          outcomeAt: at, receivedAt: now))
        }
        do {
            try await store.write(.feedback(records))
        } catch {
            logger.error("feedback store write failed", metadata: ["error": "\(error)"])
            return .error(503, "the feedback could not be written; try again")
        }
        for r in records { metrics.feedback(outcome: r.outcome) }
        return CDSResult(status: 200, body: JSONText.bytes(["stored": records.count]))
    }
}
