using Microsoft.Extensions.Configuration;

namespace TrustCheckIn.Data;

// Where the embedded database, the mail outbox and the key ring live: "DataFolder" in configuration,
// relative to the content root, "data" when unset.
public sealed class DataFolder
{
    public DataFolder(IConfiguration configuration, string contentRootPath)
    {
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRootPath, configuration["DataFolder"] ?? "data"));
        Directory.CreateDirectory(Path);
        ConnectionString = configuration.GetConnectionString("Default") is { Length: > 0 } configured
            ? configured
            : $"Data Source={System.IO.Path.Combine(Path, "trustcheckin.db")}";
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public string Combine(string name)
    {
        var folder = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
