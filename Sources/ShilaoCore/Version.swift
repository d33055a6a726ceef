public enum ShilaoInfo { public static let version = "0.1.0" }
