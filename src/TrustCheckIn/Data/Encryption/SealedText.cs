using System.Security.Cryptography;
using System.Text;

namespace TrustCheckIn.Data.Encryption;

// How one encrypted text is stored: "enc1:<data key id>:<base64 of nonce | ciphertext | tag>", AES-256-GCM
// with the prefix and key id as associated data, so a text cannot be moved under another key id unnoticed.
public static class SealedText
{
    public const string Prefix = "enc1:";
    public const int KeyIdLength = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    // What a page shows for words whose author erased their account after this copy of the database was made.
    public const string Erased = "(These words were erased with their author's account.)";

    public static bool LooksSealed(string stored) =>
        stored.Length > Prefix.Length + KeyIdLength + 1
        && stored.StartsWith(Prefix, StringComparison.Ordinal)
        && stored[Prefix.Length + KeyIdLength] == ':'
        && stored.AsSpan(Prefix.Length, KeyIdLength).ContainsAnyExcept("0123456789abcdef") is false;

    public static string KeyIdOf(string stored) => stored.Substring(Prefix.Length, KeyIdLength);

    public static string Seal(string plain, string keyId, byte[] key)
    {
        var header = Prefix + keyId + ":";
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[NonceSize + plainBytes.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plainBytes, sealedBytes.AsSpan(NonceSize, plainBytes.Length), sealedBytes.AsSpan(NonceSize + plainBytes.Length), Encoding.ASCII.GetBytes(header));
        return header + Convert.ToBase64String(sealedBytes);
    }

    public static string Open(string stored, byte[] key)
    {
        var headerLength = Prefix.Length + KeyIdLength + 1;
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(stored[headerLength..]);
        }
        catch (FormatException)
        {
            throw new TextKeyException("An encrypted text is damaged (its body is not base64).");
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new TextKeyException("An encrypted text is damaged (too short).");
        }

        var plainBytes = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plainBytes.Length), sealedBytes.AsSpan(NonceSize + plainBytes.Length), plainBytes, Encoding.ASCII.GetBytes(stored[..headerLength]));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new TextKeyException($"An encrypted text under data key {KeyIdOf(stored)} failed its integrity check: it was changed, or the key is not the one it was written with.");
        }

        return Encoding.UTF8.GetString(plainBytes);
    }
}

public sealed class TextKeyException(string message) : Exception(message);
