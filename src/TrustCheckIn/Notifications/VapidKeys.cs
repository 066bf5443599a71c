using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using TrustCheckIn.Data;

namespace TrustCheckIn.Notifications;

// The app's VAPID key pair: from configuration (Push:PublicKey, Push:PrivateKey), or made on first run and kept
// beside the Data Protection key ring (keys/vapid.json), so subscriptions survive restarts and backups.
public sealed class VapidKeys
{
    public VapidKeys(IConfiguration configuration, DataFolder folder)
    {
        if (configuration["Push:PublicKey"] is { Length: > 0 } configuredPublic && configuration["Push:PrivateKey"] is { Length: > 0 } configuredPrivate)
        {
            (PublicKey, PrivateKey) = (configuredPublic, configuredPrivate);
            return;
        }

        var file = Path.Combine(folder.Combine("keys"), "vapid.json");
        if (!File.Exists(file))
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var parameters = key.ExportParameters(includePrivateParameters: true);
            var publicKey = WebEncoders.Base64UrlEncode([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]);
            var stored = JsonSerializer.Serialize(new Stored(publicKey, WebEncoders.Base64UrlEncode(parameters.D!)));
            // Readable by its owner only; a second instance starting at the same moment keeps the first file.
            try
            {
                using (var writer = new StreamWriter(new FileStream(file, FileMode.CreateNew, FileAccess.Write)))
                {
                    writer.Write(stored);
                }

                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
            catch (IOException) when (File.Exists(file))
            {
            }
        }

        var read = JsonSerializer.Deserialize<Stored>(File.ReadAllText(file)) ?? throw new InvalidOperationException($"{file} is not a VAPID key file.");
        (PublicKey, PrivateKey) = (read.PublicKey, read.PrivateKey);
    }

    public string PublicKey { get; }

    public string PrivateKey { get; }

    private sealed record Stored(string PublicKey, string PrivateKey);
}
