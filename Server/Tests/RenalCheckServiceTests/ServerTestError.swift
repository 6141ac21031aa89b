/// Test failures that are not expectations.
enum ServerTestError: Error {
    /// The server did not write its port; its log.
    case didNotStart(String)
    /// The answer was not HTTP.
    case badResponse(String)
}
