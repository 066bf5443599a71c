using Microsoft.Extensions.Options;
using TrustCheckIn.Data;

namespace TrustCheckIn.Email;

// Without SMTP, each message becomes one .eml file in the data folder's outbox, so a person running
// the app locally can open confirmation links.
public sealed class OutboxEmailSender(DataFolder dataFolder, IOptions<EmailOptions> options, TimeProvider time) : IEmailSender
{
    public string Folder { get; } = dataFolder.Combine("outbox");

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var name = $"{time.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}";
        var writing = Path.Combine(Folder, name + ".part");
        await using (var file = File.Create(writing))
        {
            await message.ToMime(options.Value.From).WriteToAsync(file, ct);
        }

        // Renamed once complete, so whoever reads the outbox never opens half a message.
        File.Move(writing, Path.Combine(Folder, name + ".eml"));
    }
}
