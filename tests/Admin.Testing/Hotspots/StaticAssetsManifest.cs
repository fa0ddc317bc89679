using System.Text.Json.Nodes;

namespace Admin.Testing.Hotspots;

/// <summary>
/// The app's development static-assets manifest maps its own files to src/Admin/wwwroot, which does not exist: they
/// live in the repository's top-level wwwroot (linked into the project). In Development the host opens every content
/// root at start-up, so a WebApplicationFactory host fails. This writes a copy with that root corrected, for the
/// "staticWebAssets" host setting. (Remove once the project maps the top-level wwwroot itself.)
/// </summary>
public static class StaticAssetsManifest
{
    public static string Corrected()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Admin.staticwebassets.runtime.json");
        var manifest = JsonNode.Parse(File.ReadAllText(source))!;
        var roots = manifest["ContentRoots"]!.AsArray();
        var repoWwwroot = Path.Combine(RepositoryRoot(), "wwwroot") + Path.DirectorySeparatorChar;
        for (var i = 0; i < roots.Count; i++)
        {
            var root = roots[i]!.GetValue<string>();
            if (!Directory.Exists(root) && root.TrimEnd('/', '\\').EndsWith(Path.Combine("src", "Admin", "wwwroot"), StringComparison.Ordinal))
                roots[i] = repoWwwroot;
        }
        var target = Path.Combine(Path.GetTempPath(), $"admin-staticwebassets-{Environment.ProcessId}.json");
        File.WriteAllText(target, manifest.ToJsonString());
        return target;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Admin.sln"))) return dir.FullName;
        throw new InvalidOperationException("Admin.sln not found above " + AppContext.BaseDirectory);
    }
}
