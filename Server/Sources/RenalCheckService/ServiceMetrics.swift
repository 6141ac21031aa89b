import Prometheus

/// The Prometheus metrics of the service (`GET /metrics`).
public final class ServiceMetrics: Sendable {
    /// The registry, rendered by ``render()``.
    let registry = PrometheusCollectorRegistry()
    /// Latency buckets, seconds.
    static let buckets: [Duration] = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                                      .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
                                      .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10)]
    /// Requests in flight.
    let inFlight: Gauge

    /// Creates the metrics.
    public init() {
        inFlight = registry.makeGauge(descriptor: Self.name("renalcheck_http_requests", "in_flight", "HTTP requests being handled"))
    }

    /// Counts a finished request and records its latency.
    func request(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(descriptor: Self.name("renalcheck_http_requests", "total", "HTTP requests handled"), labels: [("route", route), ("method", method), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.name("renalcheck_http_request_duration", "seconds", "HTTP request latency"),
                                       labels: [("route", route)], buckets: Self.buckets).record(duration)
    }

    /// Counts cards issued by CDS Hooks indicator and RenalCheck severity.
    func card(severity: String, indicator: String) {
        registry.makeCounter(descriptor: Self.name("renalcheck_cards", "total", "CDS Hooks cards issued"), labels: [("severity", severity), ("indicator", indicator)]).increment()
    }

    /// Counts a FHIR read by outcome (`ok`, `timeout`, `error`, `none`).
    func fhirFetch(outcome: String) {
        registry.makeCounter(descriptor: Self.name("renalcheck_fhir_fetches", "total", "Reads from the EHR's FHIR server for missing prefetch"), labels: [("outcome", outcome)]).increment()
    }

    /// Counts feedback entries by outcome.
    func feedback(outcome: String) {
        registry.makeCounter(descriptor: Self.name("renalcheck_feedback", "total", "CDS Hooks feedback entries stored"), labels: [("outcome", outcome)]).increment()
    }

    /// Counts a refused call by reason.
    func authFailure() {
        registry.makeCounter(descriptor: Self.name("renalcheck_auth_failures", "total", "Calls refused with 401")).increment()
    }

    /// Counts a policy reload by outcome (`ok`, `invalid`).
    func policyReload(outcome: String) {
        registry.makeCounter(descriptor: Self.name("renalcheck_policy_reloads", "total", "Site policy reloads on SIGHUP"), labels: [("outcome", outcome)]).increment()
    }

    /// A metric name: `metric_unit`, with help text.
    static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: metric, unitName: unit, helpText: help)
    }

    /// The Prometheus text exposition.
    public func render() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
