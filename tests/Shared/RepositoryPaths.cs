using System.Reflection;

namespace NextRouteHandlers.Testing;

/// <summary>Where things are in the repository, for tests that start built apps or read its files.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding <c>Serverless.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (the apps are built with the same one).</summary>
    public static string Configuration { get; } = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyConfigurationAttribute>().Single().Configuration;

    /// <summary>The built entry assembly of a project of the repository.</summary>
    /// <param name="projectFolder">The project folder relative to the root, e.g. <c>tests/ConformanceApp</c>.</param>
    /// <param name="assemblyName">The assembly name.</param>
    public static string BuiltApp(string projectFolder, string assemblyName) =>
        Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", assemblyName + ".dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("Serverless.sln not found above " + AppContext.BaseDirectory);
    }
}
