import Foundation
import PackagePlugin

/// Embeds the repository's `formulary/` folder into the RenalCheck library at build time.
///
/// Lists every JSON file as an input, so editing the formulary rebuilds the embedded copy.
@main
struct EmbedFormulary: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let formulary = context.package.directoryURL.appending(path: "formulary")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinFormularyFiles.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: formulary, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "json" { inputs.append(url) }
        }
        return [
            .buildCommand(
                displayName: "Embedding the built-in formulary",
                executable: try context.tool(named: "renalcheck-embed").url,
                arguments: [formulary.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        ]
    }
}
