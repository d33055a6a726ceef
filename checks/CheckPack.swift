import Foundation

/// The built-in catalogue shipped as resources, so the installed binary carries its checks.
public enum CheckPack {
    /// Folders of check YAML files, by group.
    public static var checkDirectories: [URL] {
        ["accessibility", "elderly"].compactMap { Bundle.module.url(forResource: $0, withExtension: nil) }
    }
}
