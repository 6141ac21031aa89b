import Foundation
import Testing
import TestSupport

/// Issue 12: a formulary folder is read defensively. A symlink loop once grew without end, a FIFO
/// blocked for ever, a `/dev/zero` link read 1 GB, and an unreadable folder was skipped so that
/// its rules vanished with "valid" and exit 0. Each is now a problem naming the part.
struct FormularyFolderSafetyTests {
    static func problems(_ change: (String) throws -> Void) throws -> [InputProblem] {
        try TemporaryFormulary.problems(after: change)
    }

    @Test func aSymlinkLoopIsAProblem() throws {
        let p = try Self.problems { root in try FileManager.default.createSymbolicLink(atPath: root + "/drugs/a", withDestinationPath: ".") }
        #expect(p.contains { $0.file == "drugs/a/" && $0.code == .unreadable })
    }

    @Test func aFIFOIsAProblemNotAHang() throws {
        let p = try Self.problems { root in #expect(mkfifo(root + "/drugs/f.json", 0o600) == 0) }
        #expect(p.contains { $0.file == "drugs/f.json" && $0.message.contains("not a regular file") })
    }

    @Test func aDeviceLinkIsAProblem() throws {
        let p = try Self.problems { root in try FileManager.default.createSymbolicLink(atPath: root + "/drugs/z.json", withDestinationPath: "/dev/zero") }
        #expect(p.contains { $0.file == "drugs/z.json" && $0.message.contains("not a regular file") })
    }

    @Test func aBrokenLinkIsAProblem() throws {
        let p = try Self.problems { root in try FileManager.default.createSymbolicLink(atPath: root + "/rules", withDestinationPath: root + "/nowhere") }
        #expect(p.contains { $0.file == "rules" && $0.code == .unreadable })
    }

    @Test func aFileOverTheSizeLimitIsAProblem() throws {
        let p = try Self.problems { root in
            let big = "{\"x\": \"" + String(repeating: "a", count: 17 << 20) + "\"}"
            try big.write(toFile: root + "/drugs/huge.json", atomically: false, encoding: .utf8)
        }
        #expect(p.contains { $0.file == "drugs/huge.json" && $0.message.contains("larger than") })
    }

    @Test(.enabled(if: getuid() != 0, "root reads any folder"))
    func anUnreadableFolderIsAProblem() throws {
        var path = ""
        let p = try Self.problems { root in
            path = root + "/rules"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            #expect(chmod(path, 0) == 0)
        }
        _ = chmod(path, 0o755)
        #expect(p.contains { $0.file == "rules/" && $0.message.contains("cannot read folder") })
    }
}
