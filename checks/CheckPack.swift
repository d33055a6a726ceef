import Foundation

/// The built-in catalogue shipped as resources, so the installed binary carries its checks.
public enum CheckPack {
    /// Folders of check YAML files, by group.
    public static var checkDirectories: [URL] {
        ["accessibility", "elderly"].compactMap { Bundle.module.url(forResource: $0, withExtension: nil) }
    }

    /// The folder of profiles (`profiles/<id>.yml`): check sets with points and pass marks.
    public static var profilesDirectory: URL? {
        Bundle.module.url(forResource: "profiles", withExtension: nil)
    }

    /// A data file the checks read (lists kept as data, such as language subtags).
    public static func dataFile(_ name: String) -> URL? {
        Bundle.module.url(forResource: "data", withExtension: nil)?.appendingPathComponent(name)
    }
}
