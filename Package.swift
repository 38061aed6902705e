// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "clerk-triage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "clerk-triage", targets: ["clerk-triage"]),
        .library(name: "ClerkAPI", targets: ["ClerkAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .target(
            name: "ClerkAPI",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ClerkActions",
            dependencies: ["ClerkAPI", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "ClerkSandbox",
            dependencies: [
                "ClerkAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "CTextWidth"),
        .target(
            name: "Terminal",
            dependencies: ["CTextWidth", .product(name: "Yams", package: "Yams")]
        ),
        .systemLibrary(name: "CNcursesw"),
        .target(name: "CPseudoTerminal"),
        .target(name: "CursesBackend", dependencies: ["CNcursesw", "CPseudoTerminal", "Terminal"]),
        .target(
            name: "Triage",
            dependencies: ["ClerkAPI", "ClerkActions", "Terminal", .product(name: "Logging", package: "swift-log"), .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "clerk-triage",
            dependencies: [
                "ClerkAPI",
                "ClerkSandbox",
                "Terminal",
                "CursesBackend",
                "Triage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "ClerkAPITests", dependencies: ["ClerkAPI"]),
        .testTarget(name: "ClerkActionsTests", dependencies: ["ClerkActions", "ClerkAPI", "ClerkSandbox"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "CNcursesw", "Terminal"]),
        .testTarget(name: "TriageTests", dependencies: ["Triage", "Terminal", "ClerkAPI", "ClerkActions"], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["clerk-triage", "ClerkAPI", "Terminal"]),
        .testTarget(
            name: "SandboxIntegrationTests",
            dependencies: [
                "ClerkAPI", "ClerkSandbox", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
