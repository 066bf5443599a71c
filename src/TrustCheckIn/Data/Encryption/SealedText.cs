using System.Buffers;
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
    public const int TagSize = 16;

    // What a page shows for words whose author erased their account after this copy of the database was made.
    public const string Erased = "(These words were erased with their author's account.)";

    public static bool LooksSealed(string stored) =>
        stored.Length > Prefix.Length + KeyIdLength + 1
        && stored.StartsWith(Prefix, StringComparison.Ordinal)
        && stored[Prefix.Length + KeyIdLength] == ':'
        && stored.AsSpan(Prefix.Length, KeyIdLength).ContainsAnyExcept("0123456789abcdef") is false;

    public static string KeyIdOf(string stored) => stored.Substring(Prefix.Length, KeyIdLength);

    public static string Seal(string plain, string keyId, AesGcm cipher)
    {
        var header = Prefix + keyId + ":";
        Span<byte> associated = stackalloc byte[header.Length];
        Encoding.ASCII.GetBytes(header, associated);
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[NonceSize + plainBytes.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        cipher.Encrypt(nonce, plainBytes, sealedBytes.AsSpan(NonceSize, plainBytes.Length), sealedBytes.AsSpan(NonceSize + plainBytes.Length), associated);
        CryptographicOperations.ZeroMemory(plainBytes);
        return header + Convert.ToBase64String(sealedBytes);
    }

    // Pages open dozens of texts per request: the buffers are rented, and wiped before they go back.
    public static string Open(string stored, AesGcm cipher)
    {
        var headerLength = Prefix.Length + KeyIdLength + 1;
        var body = stored.AsSpan(headerLength);
        var sealedBytes = ArrayPool<byte>.Shared.Rent((body.Length * 3 / 4) + 3);
        var plainBytes = ArrayPool<byte>.Shared.Rent(sealedBytes.Length);
        try
        {
            if (!Convert.TryFromBase64Chars(body, sealedBytes, out var length))
            {
                throw new TextKeyException("An encrypted text is damaged (its body is not base64).");
            }

            if (length < NonceSize + TagSize)
            {
                throw new TextKeyException("An encrypted text is damaged (too short).");
            }

            Span<byte> associated = stackalloc byte[headerLength];
            Encoding.ASCII.GetBytes(stored.AsSpan(0, headerLength), associated);
            var plainLength = length - NonceSize - TagSize;
            try
            {
                cipher.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plainLength), sealedBytes.AsSpan(NonceSize + plainLength, TagSize), plainBytes.AsSpan(0, plainLength), associated);
            }
            catch (AuthenticationTagMismatchException)
            {
                throw new TextKeyException($"An encrypted text under data key {KeyIdOf(stored)} failed its integrity check: it was changed, or the key is not the one it was written with.");
            }

            return Encoding.UTF8.GetString(plainBytes, 0, plainLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plainBytes);
            ArrayPool<byte>.Shared.Return(sealedBytes);
            ArrayPool<byte>.Shared.Return(plainBytes);
        }
    }
}

public sealed class TextKeyException(string message) : Exception(message);
