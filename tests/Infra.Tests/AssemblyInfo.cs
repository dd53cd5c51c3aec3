using System.Runtime.Versioning;

// The Bicep CLI package is linux-x64 and publish.sh targets linux-x64: these tests run on Linux only.
[assembly: SupportedOSPlatform("linux")]
