using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TrustCheckIn.Data.Encryption;

// Reading decrypts (in projections too); writing accepts only text PrivateTextSealing has already
// encrypted under its owner's key, so no path can put a person's words into the file in the clear.
public sealed class PrivateTextConverter(TextKeyRing keys) : ValueConverter<string, string>(
    plain => Stored(plain),
    stored => keys.Open(stored))
{
    public static string Stored(string value) =>
        value.Length == 0 || SealedText.LooksSealed(value)
            ? value
            : throw new TextKeyException("A person's words reached the database without being encrypted (only SaveChanges encrypts; ExecuteUpdate may only clear them).");
}
